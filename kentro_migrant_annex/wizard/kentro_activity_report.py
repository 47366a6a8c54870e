from odoo import api, fields, models
from odoo.osv import expression

from odoo.addons.kentro_community.tools.reports import crosstab

from ..models.kentro_beneficiary import THIRD_COUNTRY_STATUSES


class KentroActivityReport(models.TransientModel):
    """The ΚΕΜ annual report is one more report of the structure's report
    wizard: the people of the migrant integration annexes among the chosen
    structures, by legal status, country of origin, gender and age band, and
    their services. Every figure is a database aggregate."""

    _inherit = "kentro.activity.report"

    report_type = fields.Selection(
        selection_add=[("kem_annual", "ΚΕΜ annual report")],
        ondelete={"kem_annual": "cascade"},
    )

    @api.model
    def _report_structure_types(self):
        return {**super()._report_structure_types(), "kem_annual": "migrant_annex"}

    @api.model
    def _yearly_report_types(self):
        return super()._yearly_report_types() | {"kem_annual"}

    def _kem_structures(self):
        return self._structures_of_type(
            "migrant_annex",
            self.env._(
                "%(structure)s has no migrant integration annex (ΚΕΜ): choose the ΚΕΜ or "
                "its reference centre with its annexes.",
                structure=self.centre_id.name,
            ),
        )

    def _kem_people_domain(self):
        """The ΚΕΜ's people of the period: registered in it, or served in it."""
        return [
            ("centre_id", "in", self._kem_structures().ids),
            "|",
            "&",
            ("registration_date", ">=", self.date_from),
            ("registration_date", "<=", self.date_to),
            (
                "service_ids",
                "any",
                [("date", ">=", self.date_from), ("date", "<=", self.date_to)],
            ),
        ]

    def _kem_sections(self):
        env = self.env
        # sudo: counts of the ΚΕΜ's people (of the structures the user reads,
        # _structures checks it) by status, country, age band and gender.
        Beneficiary = env["kentro.beneficiary"].sudo()
        people = self._kem_people_domain()
        genders = self._gender_columns()
        gender_columns = [env._("Total")] + list(genders.values())
        not_recorded = env._("Not recorded")

        def by_gender(dimension):
            """{value of the dimension: [total, count per gender...]}"""
            table = crosstab(Beneficiary._read_group(people, [dimension, "gender"], ["__count"]))
            return {
                value: [sum(counts.values())] + [counts.get(key, 0) for key in genders]
                for value, counts in table.items()
            }

        def selection_rows(field):
            """By gender, a row per value of a selection in its order, then the
            people for whom it is not recorded."""
            counts = by_gender(field)
            labels = self._labels("kentro.beneficiary", field).items()
            rows = [[label] + counts[key] for key, label in labels if key in counts]
            if False in counts:
                rows.append([not_recorded] + counts[False])
            return rows

        by_country = by_gender("origin_country_id")
        country_rows = [
            [country.name or not_recorded] + counts
            for country, counts in sorted(
                by_country.items(), key=lambda item: (-item[1][0], item[0].name or "~")
            )
        ]
        return [
            {
                "title": env._("People by legal status"),
                "columns": [env._("Legal status")] + gender_columns,
                "rows": selection_rows("migrant_status"),
            },
            {
                "title": env._("People by country of origin"),
                "columns": [env._("Country of origin")] + gender_columns,
                "rows": country_rows,
            },
            {
                "title": env._("People by age band"),
                "columns": [env._("Age band")] + gender_columns,
                "rows": selection_rows("age_band"),
            },
            self._services_by_type_section(
                env._("Services by type"), hours=True, structures=self._kem_structures()
            ),
        ]

    def _kentro_reports(self):
        title = self.env._("ΚΕΜ annual report %(year)s – %(structure)s", **self._title_values())
        return {**super()._kentro_reports(), "kem_annual": (title, self._kem_sections)}

    def _esf_third_country_domain(self):
        # A ΚΕΜ's refugees and asylum seekers are third-country nationals even
        # when their nationality is not recorded (stateless people included).
        return expression.OR(
            [
                super()._esf_third_country_domain(),
                [("migrant_status", "in", THIRD_COUNTRY_STATUSES)],
            ]
        )
