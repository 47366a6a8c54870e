from odoo import fields, models

from ..models.kentro_roma_school_record import SCHOOL_AGE


class KentroActivityReport(models.TransientModel):
    """The per-settlement report is one more report of the structure's report
    wizard: same period, same structures, same PDF/XLSX output and the same
    small-number hiding. Every figure is a database aggregate."""

    _inherit = "kentro.activity.report"

    report_type = fields.Selection(
        selection_add=[("roma_settlement", "Roma settlements report")],
        ondelete={"roma_settlement": "cascade"},
    )
    roma_settlement_ids = fields.Many2many(
        "kentro.roma.settlement",
        string="Settlements",
        help="Leave empty for every settlement served by the chosen structures.",
    )

    def _roma_settlements(self):
        domain = [("centre_id", "in", self._structures().ids)]
        if self.roma_settlement_ids:
            domain.append(("id", "in", self.roma_settlement_ids.ids))
        # sudo: the settlements of the structures the user reads (_structures
        # checks it); the report prints their names and living conditions.
        Settlement = self.env["kentro.roma.settlement"].sudo()
        return Settlement.with_context(active_test=False).search(domain)

    def _roma_settlement_sections(self):
        env = self.env
        settlements = self._roma_settlements()
        in_settlements = [("roma_settlement_id", "in", settlements.ids)]
        # sudo: counts of people and households per settlement (the settlements
        # of the structures the user reads), never a person's record.
        Beneficiary = env["kentro.beneficiary"].sudo()
        # sudo: as above, households counted per settlement.
        Household = env["kentro.household"].sudo()

        def counts(Model):
            return dict(Model._read_group(in_settlements, ["roma_settlement_id"], ["__count"]))

        people = counts(Beneficiary)
        households = counts(Household)
        school = {
            (settlement, enrolled): count
            for settlement, enrolled, count in Beneficiary._read_group(
                in_settlements
                + [
                    ("birthdate", "!=", False),
                    ("age", ">=", SCHOOL_AGE[0]),
                    ("age", "<=", SCHOOL_AGE[1]),
                ],
                ["roma_settlement_id", "roma_school_enrolled"],
                ["__count"],
            )
        }
        served = {
            settlement: (count, persons)
            for settlement, count, persons in self._aggregate(
                "services",
                ["roma_settlement_id"],
                ["__count", "beneficiary_id:count_distinct"],
                in_settlements,
            )
        }
        rows = []
        for settlement in settlements:
            enrolled = school.get((settlement, True), 0)
            not_enrolled = school.get((settlement, False), 0)
            rows.append(
                [
                    settlement.name,
                    people.get(settlement, 0),
                    households.get(settlement, 0),
                    enrolled + not_enrolled,
                    enrolled,
                    not_enrolled,
                    *served.get(settlement, (0, 0)),
                ]
            )
        if len(rows) > 1:
            rows.append(
                [env._("Total")] + [sum(column) for column in list(zip(*rows, strict=True))[1:]]
            )
        summary = {
            "title": env._("People, households and school"),
            "columns": [
                env._("Settlement"),
                env._("People"),
                env._("Households"),
                env._("School-age children"),
                env._("Children enrolled"),
                env._("Children not enrolled"),
                env._("Services in the period"),
                env._("People served in the period"),
            ],
            "rows": rows,
        }

        services = self._services_by_type_section(
            env._("Services by settlement and type"),
            by=("roma_settlement_id", env._("Settlement")),
            domain=in_settlements,
        )

        # sudo: the date of each settlement's last assessment, nothing more.
        Assessment = env["kentro.roma.settlement.assessment"].sudo()
        last_assessment = dict(
            Assessment._read_group(
                [("settlement_id", "in", settlements.ids)], ["settlement_id"], ["date:max"]
            )
        )
        Settlement = env["kentro.roma.settlement"]
        label_fields = (
            "settlement_type",
            "housing",
            "water",
            "electricity",
            "sewerage",
            "road_access",
        )
        number_fields = ("population", "school_distance", "health_distance")
        labels = {name: self._labels("kentro.roma.settlement", name) for name in label_fields}
        conditions = {
            "title": env._("Living conditions"),
            "columns": [env._("Settlement")]
            + [
                Settlement._fields[name].get_description(env)["string"]
                for name in label_fields + number_fields
            ]
            + [env._("Last assessment")],
            "rows": [
                [settlement.name]
                + [labels[name].get(settlement[name], "") for name in label_fields]
                + [settlement[name] for name in number_fields]
                + [
                    last_assessment[settlement].strftime("%d/%m/%Y")
                    if last_assessment.get(settlement)
                    else ""
                ]
                for settlement in settlements
            ],
            "raw": True,
        }
        return [summary, services, conditions]

    def _kentro_reports(self):
        title = self.env._(
            "Roma settlements report – %(structure)s – %(start)s to %(end)s",
            **self._title_values(),
        )
        return {
            **super()._kentro_reports(),
            "roma_settlement": (title, self._roma_settlement_sections),
        }
