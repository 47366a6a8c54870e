from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.calendar.models.calendar_recurrence import BYDAY_SELECTION, WEEKDAY_SELECTION

from ..tools.villages import check_villages_covered


def _local(tz, day, hours):
    """Naive UTC datetime of ``hours`` (e.g. 9.5) on ``day`` in ``tz``."""
    minutes = round(hours * 60)
    moment = datetime.combine(day + timedelta(days=minutes // 1440), time.min)
    moment = moment.replace(hour=minutes % 1440 // 60, minute=minutes % 60)
    return tz.localize(moment).astimezone(pytz.utc).replace(tzinfo=None)


class KentroMobileSchedule(models.Model):
    """How often the unit visits a village, e.g. every second Tuesday. The
    dates come from Odoo's own calendar recurrence rules; each becomes a
    visit in the crew's calendar."""

    _name = "kentro.mobile.schedule"
    _description = "Mobile unit repeat rule"
    _inherit = ["kentro.structure.mixin"]
    _order = "centre_id, area_id"

    centre_id = fields.Many2one(
        string="Mobile unit",
        domain="[('centre_type', '=', 'mobile_unit')]",
        default=lambda self: self.env["kentro.mobile.visit"]._default_mobile_unit(),
    )
    area_id = fields.Many2one(
        "kentro.area", string="Village", required=True, domain="[('id', 'in', allowed_area_ids)]"
    )
    allowed_area_ids = fields.Many2many(related="centre_id.mobile_area_ids")
    meeting_point = fields.Char()
    user_ids = fields.Many2many("res.users", string="Crew", domain="[('share', '=', False)]")
    hour_from = fields.Float(string="From", required=True, default=9.0)
    hour_to = fields.Float(string="To", required=True, default=12.0)
    rrule_type = fields.Selection(
        [("weekly", "Weeks"), ("monthly", "Months")],
        string="Repeat every",
        required=True,
        default="weekly",
    )
    interval = fields.Integer(string="Every", required=True, default=1)
    weekday = fields.Selection(WEEKDAY_SELECTION, required=True, default="TUE")
    byday = fields.Selection(
        BYDAY_SELECTION,
        string="Which one",
        default="1",
        help="For a monthly rule: the first, second… or last such weekday of the month.",
    )
    date_from = fields.Date(string="Starting", required=True, default=fields.Date.context_today)
    until = fields.Date(required=True)
    visit_ids = fields.One2many("kentro.mobile.visit", "schedule_id", string="Visits")
    visit_count = fields.Integer(compute="_compute_visit_count")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("interval_positive", "CHECK(interval >= 1)", "Repeat at least every 1 week or month."),
        ("hours_ordered", "CHECK(hour_to > hour_from)", "A visit ends after it starts."),
        ("until_after_start", "CHECK(until >= date_from)", "The rule ends after it starts."),
    ]

    @api.depends("visit_ids")
    def _compute_visit_count(self):
        for schedule in self:
            schedule.visit_count = len(schedule.visit_ids)

    def _compute_display_name(self):
        for schedule in self:
            schedule.display_name = (
                f"{schedule.centre_id.name or ''} – {schedule.area_id.name or ''}"
            )

    @api.constrains("date_from", "until")
    def _check_span(self):
        for schedule in self:
            if schedule.until > schedule.date_from + relativedelta(years=2):
                raise ValidationError(
                    self.env._("Plan at most two years ahead; add a new rule after that.")
                )

    @api.constrains("area_id", "centre_id")
    def _check_area(self):
        check_villages_covered(self)

    @api.constrains("hour_from", "hour_to")
    def _check_hours(self):
        for schedule in self:
            if not (0 <= schedule.hour_from < schedule.hour_to <= 24):
                raise ValidationError(
                    self.env._("The hours of a visit are between 00:00 and 24:00.")
                )

    def _dates(self):
        """The dates of the rule, computed by Odoo's calendar recurrence."""
        self.ensure_one()
        values = {
            "rrule_type": self.rrule_type,
            "interval": self.interval,
            "end_type": "end_date",
            "until": self.until,
        }
        if self.rrule_type == "monthly":
            values.update(month_by="day", weekday=self.weekday, byday=self.byday or "1")
        else:
            values[self.weekday.lower()] = True
        rule = (
            self.env["calendar.recurrence"]
            .new(values)
            ._get_rrule(dtstart=datetime.combine(self.date_from, time.min))
        )
        return [occurrence.date() for occurrence in rule]

    def action_generate(self):
        """Create the visits of the rule that do not exist yet."""
        Visit = self.env["kentro.mobile.visit"]
        values = []
        for schedule in self:
            tz = schedule.centre_id._local_timezone()
            planned = set(schedule.visit_ids.mapped("date"))
            for day in schedule._dates():
                if day in planned:
                    continue
                start, stop = (
                    _local(tz, day, hours) for hours in (schedule.hour_from, schedule.hour_to)
                )
                values.append(
                    {
                        "centre_id": schedule.centre_id.id,
                        "area_id": schedule.area_id.id,
                        "schedule_id": schedule.id,
                        "meeting_point": schedule.meeting_point,
                        "user_ids": [fields.Command.set(schedule.user_ids.ids)],
                        "start": start,
                        "stop": stop,
                    }
                )
        Visit.create(values)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Visits"),
            "res_model": "kentro.mobile.visit",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("schedule_id", "in", self.ids)],
        }
