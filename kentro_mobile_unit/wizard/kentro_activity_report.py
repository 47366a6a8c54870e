from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.kentro_community.wizard.kentro_activity_report import Hours


class KentroActivityReport(models.TransientModel):
    """The mobile unit report is one more report of the structure's report
    wizard: per village and month, the visits held, the people served (new
    or returning), services and referrals, and the unit's visits and hours
    per month. Every figure is a database aggregate."""

    _inherit = "kentro.activity.report"

    report_type = fields.Selection(
        selection_add=[("mobile_unit", "Mobile unit report")],
        ondelete={"mobile_unit": "cascade"},
    )

    @api.model
    def _report_structure_types(self):
        return {**super()._report_structure_types(), "mobile_unit": "mobile_unit"}

    def _mobile_units(self):
        units = self._structures().filtered(lambda s: s.centre_type == "mobile_unit")
        if not units:
            raise UserError(
                self.env._(
                    "%(structure)s has no mobile unit: choose the unit or its reference centre "
                    "with its annexes and mobile units.",
                    structure=self.centre_id.name,
                )
            )
        return units

    def _mobile_sections(self):
        env = self.env
        units = self._mobile_units()
        period = [("date", ">=", self.date_from), ("date", "<=", self.date_to)]
        Visit = env["kentro.mobile.visit"].sudo()
        Service = env["kentro.service"].sudo()
        at_visits = [("mobile_visit_id", "!=", False), ("centre_id", "in", units.ids), *period]

        def month(value):
            return value.strftime("%m/%Y") if value else ""

        held = {
            (area, month(day)): (count, hours)
            for area, day, count, hours in Visit._read_group(
                [("centre_id", "in", units.ids), ("state", "=", "held"), *period],
                ["area_id", "date:month"],
                ["__count", "duration:sum"],
            )
        }
        served = {}
        for area, day, registered, people in Service._read_group(
            at_visits,
            ["mobile_area_id", "date:month", "beneficiary_registration_date:month"],
            ["beneficiary_id:count_distinct"],
        ):
            # A person registered in the visit's month is new that month.
            new, returning = served.get((area, month(day)), (0, 0))
            if month(registered) == month(day):
                new += people
            else:
                returning += people
            served[(area, month(day))] = (new, returning)
        services = {
            (area, month(day)): count
            for area, day, count in Service._read_group(
                at_visits, ["mobile_area_id", "date:month"], ["__count"]
            )
        }
        referrals = {
            (area, month(day)): count
            for area, day, count in env["kentro.referral"]
            .sudo()
            ._read_group(
                [
                    ("centre_id", "in", units.ids),
                    ("sent_date", ">=", self.date_from),
                    ("sent_date", "<=", self.date_to),
                ],
                ["beneficiary_area_id", "sent_date:month"],
                ["__count"],
            )
        }
        keys = sorted(
            set(held) | set(served) | set(services) | set(referrals),
            key=lambda key: (key[0].name or "", key[1][3:], key[1][:2]),
        )
        village_rows = [
            [
                area.name or env._("No village"),
                when,
                held.get((area, when), (0, 0))[0],
                sum(served.get((area, when), (0, 0))),
                *served.get((area, when), (0, 0)),
                services.get((area, when), 0),
                referrals.get((area, when), 0),
            ]
            for area, when in keys
        ]

        by_type = Service._read_group(
            at_visits,
            ["mobile_area_id", "service_type_id"],
            ["__count", "beneficiary_id:count_distinct"],
        )
        monthly = Visit._read_group(
            [("centre_id", "in", units.ids), ("state", "=", "held"), *period],
            ["date:month"],
            ["__count", "duration:sum", "area_id:count_distinct"],
        )
        return [
            {
                "title": env._("Villages month by month"),
                "columns": [
                    env._("Village"),
                    env._("Month"),
                    env._("Visits held"),
                    env._("People served"),
                    env._("New"),
                    env._("Returning"),
                    env._("Services"),
                    env._("Referrals"),
                ],
                "rows": village_rows,
            },
            {
                "title": env._("Services by village and type"),
                "columns": [env._("Village"), env._("Service"), env._("Services"), env._("People")],
                "rows": [
                    [area.name, service_type.name, count, people]
                    for area, service_type, count, people in sorted(
                        by_type, key=lambda row: (row[0].name, row[1].sequence, row[1].name)
                    )
                ],
            },
            {
                "title": env._("The unit's visits and hours per month"),
                "columns": [
                    env._("Month"),
                    env._("Visits held"),
                    env._("Hours"),
                    env._("Villages visited"),
                ],
                "rows": [
                    [month(day), count, Hours((hours or 0) * 60), villages]
                    for day, count, hours, villages in sorted(monthly, key=lambda row: row[0])
                ],
            },
        ]

    def _build_sections(self):
        if self.report_type == "mobile_unit":
            return self._mobile_sections()
        return super()._build_sections()

    def _title(self):
        if self.report_type == "mobile_unit":
            return self.env._(
                "Mobile unit report – %(structure)s – %(start)s to %(end)s",
                structure=self.centre_id.name,
                start=self.date_from.strftime("%d/%m/%Y"),
                end=self.date_to.strftime("%d/%m/%Y"),
            )
        return super()._title()
