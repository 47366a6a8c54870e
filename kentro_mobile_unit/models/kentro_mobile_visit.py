from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.kentro_community.tools import appointments

from ..tools.villages import check_villages_covered


class KentroMobileVisit(models.Model):
    """A dated visit of a mobile unit to a village: an event in the crew's
    calendar; on the day the crew checks in and registers the people they
    serve there, each service carrying the visit."""

    _name = "kentro.mobile.visit"
    _description = "Mobile unit visit"
    _inherit = ["kentro.structure.mixin", "mail.thread"]
    _order = "start desc, id desc"

    centre_id = fields.Many2one(
        string="Mobile unit",
        domain="[('centre_type', '=', 'mobile_unit')]",
        tracking=True,
        default=lambda self: self._default_mobile_unit(),
    )
    area_id = fields.Many2one(
        "kentro.area",
        string="Village",
        required=True,
        index=True,
        tracking=True,
        domain="[('id', 'in', allowed_area_ids)]",
    )
    allowed_area_ids = fields.Many2many(related="centre_id.mobile_area_ids")
    # The village's own name, short enough for a phone's list (the area's
    # display name runs from the municipality down).
    area_name = fields.Char(related="area_id.name", string="Village name")
    schedule_id = fields.Many2one(
        "kentro.mobile.schedule", string="Repeat rule", index=True, ondelete="set null"
    )
    start = fields.Datetime(required=True, tracking=True)
    stop = fields.Datetime(required=True, tracking=True)
    date = fields.Date(compute="_compute_date", store=True, index=True)
    duration = fields.Float(string="Hours", compute="_compute_date", store=True)
    hours = fields.Char(
        string="Time", compute="_compute_hours", help="The visit's hours, e.g. 09:00–12:00."
    )
    meeting_point = fields.Char(tracking=True, help="Where people meet the unit, e.g. the square.")
    user_ids = fields.Many2many(
        "res.users",
        string="Crew",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    state = fields.Selection(
        [("planned", "Planned"), ("held", "Held"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        tracking=True,
        index=True,
    )
    event_id = fields.Many2one("calendar.event", string="Calendar event", readonly=True, copy=False)
    checkin_date = fields.Datetime(string="Checked in at", readonly=True, copy=False)
    checkin_user_id = fields.Many2one(
        "res.users", string="Checked in by", readonly=True, copy=False
    )
    service_ids = fields.One2many("kentro.service", "mobile_visit_id", string="Services")
    service_count = fields.Integer(compute="_compute_service_count")
    people_count = fields.Integer(string="People served", compute="_compute_service_count")

    holiday = fields.Char(
        string="Public holiday",
        compute="_compute_holiday",
        help="The public holiday or closure of the unit falling on the visit's day: move or "
        "cancel the visit.",
    )

    _sql_constraints = [
        ("stop_after_start", "CHECK(stop > start)", "A visit ends after it starts."),
        (
            "schedule_date_uniq",
            "unique(schedule_id, date)",
            "The repeat rule already has a visit on that day.",
        ),
    ]

    @api.model
    def _default_mobile_unit(self):
        """The user's own mobile unit (their structures list the reference
        centre too), else the first unit they may see, as a head does."""
        Centre = self.env["kentro.centre"]
        units = self.env.user.kentro_centre_ids.filtered(
            lambda centre: centre.centre_type == "mobile_unit"
        )
        return units[:1] or Centre.search([("centre_type", "=", "mobile_unit")], limit=1)

    @api.depends("start", "stop", "centre_id")
    def _compute_date(self):
        for visit in self:
            if visit.start:
                local = pytz.utc.localize(visit.start).astimezone(visit.centre_id._local_timezone())
                visit.date = local.date()
            else:
                visit.date = False
            visit.duration = (
                (visit.stop - visit.start).total_seconds() / 3600
                if visit.start and visit.stop
                else 0.0
            )

    @api.depends("start", "stop", "centre_id")
    def _compute_hours(self):
        for visit in self:
            if visit.start and visit.stop:
                tz = visit.centre_id._local_timezone()
                start, stop = (
                    pytz.utc.localize(moment).astimezone(tz) for moment in (visit.start, visit.stop)
                )
                visit.hours = f"{start:%H:%M}–{stop:%H:%M}"
            else:
                visit.hours = False

    @api.depends("start", "stop", "centre_id")
    def _compute_holiday(self):
        """The closure (a global leave of the unit's opening calendar: a public
        holiday, a local feast) the visit falls on, in one query."""
        self.holiday = False
        visits = self.filtered(lambda visit: visit.start and visit.stop and visit.centre_id)
        calendars = {visit: visit.centre_id._opening_calendar() for visit in visits}
        if not any(calendars.values()):
            return
        # sudo: only the names of the unit's closures, days everyone may know.
        leaves = self.env["resource.calendar.leaves"].sudo()
        closures = appointments.closures(
            leaves,
            [calendar for calendar in calendars.values() if calendar],
            min(visits.mapped("start")),
            max(visits.mapped("stop")),
        )
        for visit, calendar in calendars.items():
            visit.holiday = next(
                (
                    closure.name
                    for closure in closures
                    if closure.calendar_id == calendar
                    and closure.date_from < visit.stop
                    and closure.date_to > visit.start
                ),
                False,
            )

    def _compute_service_count(self):
        groups = self.env["kentro.service"]._read_group(
            [("mobile_visit_id", "in", self.ids)],
            ["mobile_visit_id"],
            ["__count", "beneficiary_id:count_distinct"],
        )
        counts = {visit: (count, people) for visit, count, people in groups}
        for visit in self:
            visit.service_count, visit.people_count = counts.get(visit, (0, 0))

    def _compute_display_name(self):
        for visit in self:
            when = visit.date.strftime("%d/%m/%Y") if visit.date else ""
            visit.display_name = f"{visit.area_id.name or ''} – {when}"

    # Overrides an Odoo internal (mail.thread): Odoo names the record by its
    # model's name in the creating process's language, and visits are planned
    # by repeat rules and at install, before the model's Greek is loaded.
    # Guarded by TestOnTheSpot.test_the_visits_chatter_line_is_in_the_municipalitys_language.
    # Odoo internal: see docs/odoo-internals.md
    def _creation_message(self):
        env = self.with_context(lang=self.company_id._kentro_lang()).env
        return env._("Visit planned")

    @api.constrains("area_id", "centre_id")
    def _check_area(self):
        for visit in self:
            if visit.centre_id.centre_type != "mobile_unit":
                raise ValidationError(
                    self.env._(
                        "%(structure)s is not a mobile unit.", structure=visit.centre_id.name
                    )
                )
        check_villages_covered(self)

    @api.constrains("start", "stop")
    def _check_length(self):
        if any(visit.stop - visit.start > timedelta(hours=12) for visit in self):
            raise ValidationError(self.env._("A visit lasts at most 12 hours."))

    # Calendar ---------------------------------------------------------------

    def _event_values(self):
        self.ensure_one()
        # The crew's calendar reads the title in the municipality's language,
        # whatever the language of whoever planned the visit.
        env = self.with_context(lang=self.company_id._kentro_lang()).env
        return {
            "name": env._("Mobile unit: %(village)s", village=self.area_id.name),
            "start": self.start,
            "stop": self.stop,
            "location": self.meeting_point or self.area_id.name,
            "user_id": self.user_ids[:1].id or self.env.user.id,
            "partner_ids": [fields.Command.set(self.user_ids.partner_id.ids)],
            "privacy": "public",
            "show_as": "busy",
            "active": self.state != "cancelled",
        }

    @api.model_create_multi
    def create(self, vals_list):
        visits = super().create(vals_list)
        # sudo: a visit's calendar event is the visit's own, in its crew's
        # calendars (colleagues' too): its values are the visit's, which the
        # user has just written, and nothing of the event is read back.
        events = self.env["calendar.event"].sudo().create([v._event_values() for v in visits])
        for visit, event in zip(visits, events, strict=True):
            visit.event_id = event
        return visits

    def write(self, vals):
        result = super().write(vals)
        if {"start", "stop", "area_id", "meeting_point", "user_ids", "state"} & vals.keys():
            for visit in self.filtered("event_id"):
                # sudo: the visit's own event follows the visit the user may
                # write (see create); nothing of it is read back.
                visit.event_id.sudo().write(visit._event_values())
        return result

    def unlink(self):
        events = self.event_id
        result = super().unlink()
        # sudo: only the deleted visits' own events go with them.
        events.sudo().unlink()
        return result

    # On the day ---------------------------------------------------------------

    def action_check_in(self):
        """The crew arrives: the visit is held from now on."""
        self.ensure_one()
        if self.state != "planned":
            raise UserError(self.env._("Only a planned visit can be checked in."))
        today = (
            pytz.utc.localize(fields.Datetime.now())
            .astimezone(self.centre_id._local_timezone())
            .date()
        )
        if self.date != today:
            raise UserError(
                self.env._(
                    "This visit is planned for %(date)s: check in on the day of the visit.",
                    date=self.date.strftime("%d/%m/%Y"),
                )
            )
        self.write(
            {
                "state": "held",
                "checkin_date": fields.Datetime.now(),
                "checkin_user_id": self.env.user.id,
            }
        )
        return self.action_register_person()

    def action_cancel(self):
        if any(visit.state != "planned" for visit in self):
            raise UserError(self.env._("Only a planned visit can be cancelled."))
        self.write({"state": "cancelled"})

    def action_register_person(self):
        """The quick form to register a person met at the visit and their services."""
        self.ensure_one()
        if self.state != "held":
            raise UserError(self.env._("Check in to the visit first."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Register at %(village)s", village=self.area_id.name),
            "res_model": "kentro.mobile.registration",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_visit_id": self.id},
        }

    def action_open_services(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kentro_community.kentro_service_action"
        )
        action.update({"domain": [("mobile_visit_id", "=", self.id)], "context": {}})
        return action
