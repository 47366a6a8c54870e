from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.tools.misc import format_date

from odoo.addons.kentro_community.tools.appointments import utc


class KentroMobilePoster(models.TransientModel):
    """The month's visit schedule of a mobile unit, printed as a poster to put
    up in the villages' coffee shops, community offices and churches."""

    _name = "kentro.mobile.poster"
    _description = "Mobile unit monthly schedule"

    centre_id = fields.Many2one(
        "kentro.centre",
        string="Mobile unit",
        required=True,
        domain="[('centre_type', '=', 'mobile_unit')]",
    )
    month = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).month
    )
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)

    _sql_constraints = [
        ("month_range", "CHECK(month BETWEEN 1 AND 12)", "A month is between 1 and 12."),
        ("year_range", "CHECK(year BETWEEN 2000 AND 2100)", "Give the year in four digits."),
    ]

    def _first_day(self):
        return date(self.year, self.month, 1)

    def _title(self):
        lang = self.env.lang or "el_GR"
        return self.env._(
            "Visit schedule – %(month)s",
            month=format_date(self.env, self._first_day(), lang_code=lang, date_format="LLLL yyyy"),
        )

    def _rows(self):
        """(day, hours, village, meeting point) of the month's visits that stand."""
        first = self._first_day()
        visits = self.env["kentro.mobile.visit"].search(
            [
                ("centre_id", "=", self.centre_id.id),
                ("date", ">=", first),
                ("date", "<", first + relativedelta(months=1)),
                ("state", "!=", "cancelled"),
            ],
            order="start",
        )
        lang = self.env.lang or "el_GR"
        rows = []
        for visit in visits:
            tz = visit.centre_id._local_timezone()
            start, stop = (utc(value).astimezone(tz) for value in (visit.start, visit.stop))
            rows.append(
                {
                    "day": format_date(
                        self.env, visit.date, lang_code=lang, date_format="EEEE d/M"
                    ),
                    "hours": f"{start:%H:%M}–{stop:%H:%M}",
                    "village": visit.area_id.name,
                    "meeting_point": visit.meeting_point or "",
                }
            )
        return rows

    def action_print(self):
        return self.env.ref("kentro_mobile_unit.kentro_mobile_poster_report").report_action(self)
