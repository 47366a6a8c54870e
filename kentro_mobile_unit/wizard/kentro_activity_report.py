from odoo import api, fields, models

from odoo.addons.kentro_community.tools.reports import Hours


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

    @api.model
    def _kentro_figures(self):
        return {
            **super()._kentro_figures(),
            "mobile_visits": ("kentro.mobile.visit", "date", "centre_id", [("state", "=", "held")]),
            "mobile_services": (
                "kentro.service",
                "date",
                "centre_id",
                [("mobile_visit_id", "!=", False)],
            ),
        }

    def _mobile_units(self):
        return self._structures_of_type(
            "mobile_unit",
            self.env._(
                "%(structure)s has no mobile unit: choose the unit or its reference centre "
                "with its annexes and mobile units.",
                structure=self.centre_id.name,
            ),
        )

    def _mobile_sections(self):
        env = self.env
        units = self._mobile_units()

        def figure(name, groupby, aggregates):
            return self._aggregate(name, groupby, aggregates, structures=units)

        def month(value):
            return value.strftime("%m/%Y") if value else ""

        held = {
            (area, month(day)): (count, hours)
            for area, day, count, hours in figure(
                "mobile_visits", ["area_id", "date:month"], ["__count", "duration:sum"]
            )
        }
        served = {}
        for area, day, registered, people in figure(
            "mobile_services",
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
            for area, day, count in figure(
                "mobile_services", ["mobile_area_id", "date:month"], ["__count"]
            )
        }
        referrals = {
            (area, month(day)): count
            for area, day, count in figure(
                "referrals", ["beneficiary_area_id", "sent_date:month"], ["__count"]
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

        monthly = figure(
            "mobile_visits", ["date:month"], ["__count", "duration:sum", "area_id:count_distinct"]
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
            self._services_by_type_section(
                env._("Services by village and type"),
                by=("mobile_area_id", env._("Village")),
                domain=[("mobile_visit_id", "!=", False)],
                structures=units,
            ),
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

    def _kentro_reports(self):
        title = self.env._(
            "Mobile unit report – %(structure)s – %(start)s to %(end)s", **self._title_values()
        )
        return {**super()._kentro_reports(), "mobile_unit": (title, self._mobile_sections)}
