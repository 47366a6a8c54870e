from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from odoo.addons.kentro_community.wizard.kentro_activity_report import Hours

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

    @api.onchange("report_type", "year")
    def _onchange_kem_year(self):
        if self.report_type == "kem_annual" and self.year:
            self.date_from = date(self.year, 1, 1)
            self.date_to = date(self.year, 12, 31)

    def _kem_structures(self):
        structures = self._structures().filtered(lambda s: s.centre_type == "migrant_annex")
        if not structures:
            raise UserError(
                self.env._(
                    "%(structure)s has no migrant integration annex (ΚΕΜ): choose the ΚΕΜ or "
                    "its reference centre with its annexes.",
                    structure=self.centre_id.name,
                )
            )
        return structures

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
        Beneficiary = env["kentro.beneficiary"].sudo()
        people = self._kem_people_domain()
        genders = self._gender_columns()
        gender_columns = [env._("Total")] + list(genders.values())

        def by_gender(dimension):
            """{value of the dimension: [total, count per gender...]}"""
            table = {}
            for value, gender, count in Beneficiary._read_group(
                people, [dimension, "gender"], ["__count"]
            ):
                table.setdefault(value, {})[gender] = count
            return {
                value: [sum(counts.values())] + [counts.get(key, 0) for key in genders]
                for value, counts in table.items()
            }

        not_recorded = env._("Not recorded")
        statuses = self._labels("kentro.beneficiary", "migrant_status")
        by_status = by_gender("migrant_status")
        status_rows = [
            [label] + by_status[key] for key, label in statuses.items() if key in by_status
        ]
        if False in by_status:
            status_rows.append([not_recorded] + by_status[False])

        by_country = by_gender("origin_country_id")
        country_rows = [
            [country.name or not_recorded] + counts
            for country, counts in sorted(
                by_country.items(), key=lambda item: (-item[1][0], item[0].name or "~")
            )
        ]

        bands = self._labels("kentro.beneficiary", "age_band")
        by_band = by_gender("age_band")
        band_rows = [[label] + by_band[key] for key, label in bands.items() if key in by_band]
        if False in by_band:
            band_rows.append([not_recorded] + by_band[False])

        services = self._aggregate(
            "services",
            ["service_type_id"],
            ["__count", "beneficiary_id:count_distinct", "duration:sum"],
            [("centre_id", "in", self._kem_structures().ids)],
        )
        return [
            {
                "title": env._("People by legal status"),
                "columns": [env._("Legal status")] + gender_columns,
                "rows": status_rows,
            },
            {
                "title": env._("People by country of origin"),
                "columns": [env._("Country of origin")] + gender_columns,
                "rows": country_rows,
            },
            {
                "title": env._("People by age band"),
                "columns": [env._("Age band")] + gender_columns,
                "rows": band_rows,
            },
            {
                "title": env._("Services by type"),
                "columns": [
                    env._("Service"),
                    env._("Services"),
                    env._("People"),
                    env._("Hours"),
                ],
                "rows": [
                    [service_type.name, count, persons, Hours(minutes)]
                    for service_type, count, persons, minutes in sorted(
                        services, key=lambda row: (row[0].sequence, row[0].name)
                    )
                ],
            },
        ]

    def _build_sections(self):
        if self.report_type == "kem_annual":
            return self._kem_sections()
        return super()._build_sections()

    def _title(self):
        if self.report_type == "kem_annual":
            return self.env._(
                "ΚΕΜ annual report %(year)s – %(structure)s",
                year=self.date_from.year,
                structure=self.centre_id.name,
            )
        return super()._title()

    def _esf_third_country_domain(self):
        # A ΚΕΜ's refugees and asylum seekers are third-country nationals even
        # when their nationality is not recorded (stateless people included).
        return expression.OR(
            [
                super()._esf_third_country_domain(),
                [("migrant_status", "in", THIRD_COUNTRY_STATUSES)],
            ]
        )
