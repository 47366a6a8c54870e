from datetime import datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.kentro_community.models.calendar_event import CANCELLED, STAFF

INTERPRETER_CONSTRAINT = "calendar_event_kentro_no_interpreter_double_booking"


class CalendarEvent(models.Model):
    """An appointment may need an interpreter: the booking offers the
    structure's interpreters of that language who are free then, and an
    interpreter is never booked twice at the same time."""

    _inherit = "calendar.event"

    kentro_interpreter_language_id = fields.Many2one(
        "kentro.language", string="Interpreting language", groups=STAFF
    )
    kentro_interpreter_id = fields.Many2one(
        "res.users", string="Interpreter", index=True, groups=STAFF
    )
    kentro_interpreter_candidate_ids = fields.Many2many(
        "res.users",
        string="Free interpreters",
        compute="_compute_kentro_interpreter_candidate_ids",
        groups=STAFF,
    )

    # The same guarantee as for professionals: PostgreSQL refuses an
    # interpreter's second appointment at the same time, even in a race.
    _sql_constraints = [
        (
            "kentro_no_interpreter_double_booking",
            "EXCLUDE USING gist (int4range(kentro_interpreter_id, kentro_interpreter_id, '[]') "
            "WITH &&, tsrange(start, stop) WITH &&) WHERE (kentro_appointment AND active "
            "AND kentro_interpreter_id IS NOT NULL "
            "AND kentro_attendance NOT IN ('cancelled_beneficiary', 'cancelled_centre'))",
            "The interpreter already has an appointment at that time.",
        ),
    ]

    @api.model
    def _kentro_interpreters(self, centre, language):
        """The structure's staff who interpret ``language``."""
        if not (centre and language):
            return self.env["res.users"]
        return centre.sudo().staff_ids.filtered(lambda user: language in user.kentro_language_ids)

    @api.model
    def _kentro_busy_intervals(self, users, start, stop, exclude_id=0):
        """(user, start, stop) for what keeps each of ``users`` busy between
        ``start`` and ``stop``: appointments they give or interpret, and any
        busy event of their calendar."""
        if not users:
            return []
        events = self.sudo().search(
            [
                ("id", "!=", exclude_id or 0),
                ("start", "<", stop),
                ("stop", ">", start),
                ("show_as", "=", "busy"),
                "|",
                "|",
                ("user_id", "in", users.ids),
                ("kentro_interpreter_id", "in", users.ids),
                ("partner_ids", "in", users.partner_id.ids),
            ]
        )
        return [
            (user, event.start, event.stop)
            for event in events
            if event.kentro_attendance not in CANCELLED
            for user in users
            if user in (event.user_id | event.kentro_interpreter_id)
            or user.partner_id in event.partner_ids
        ]

    @api.depends("kentro_interpreter_language_id", "kentro_centre_id", "start", "stop")
    def _compute_kentro_interpreter_candidate_ids(self):
        for event in self:
            interpreters = self._kentro_interpreters(
                event.kentro_centre_id, event.kentro_interpreter_language_id
            )
            if interpreters and event.start and event.stop:
                busy = self._kentro_busy_intervals(
                    interpreters, event.start, event.stop, event._origin.id
                )
                interpreters -= self.env["res.users"].union(*(user for user, *_ in busy))
            event.kentro_interpreter_candidate_ids = interpreters

    @api.onchange("kentro_beneficiary_id")
    def _onchange_kentro_interpreter_need(self):
        person = self.kentro_beneficiary_id
        if person.interpreter_needed and not self.kentro_interpreter_language_id:
            self.kentro_interpreter_language_id = person.interpreter_language_id

    @api.onchange("kentro_interpreter_candidate_ids")
    def _onchange_kentro_interpreter_candidates(self):
        candidates = self.kentro_interpreter_candidate_ids._origin
        if self.kentro_interpreter_id._origin not in candidates:
            self.kentro_interpreter_id = candidates[:1]

    # Booking ----------------------------------------------------------------

    @api.model
    def _kentro_prepare_values(self, vals, creating=True):
        vals = super()._kentro_prepare_values(vals, creating=creating)
        interpreter = self.env["res.users"].browse(vals.get("kentro_interpreter_id"))
        if interpreter:
            # In the interpreter's calendar too.
            vals["partner_ids"].append(fields.Command.link(interpreter.partner_id.id))
        return vals

    def write(self, vals):
        if vals.get("kentro_interpreter_id") and not vals.get("kentro_beneficiary_id"):
            partner = self.env["res.users"].browse(vals["kentro_interpreter_id"]).partner_id
            vals = {
                **vals,
                "partner_ids": list(vals.get("partner_ids") or [])
                + [fields.Command.link(partner.id)],
            }
        return super().write(vals)

    @api.model
    def _kentro_booking_fields(self):
        return super()._kentro_booking_fields() | {
            "kentro_interpreter_id",
            "kentro_interpreter_language_id",
        }

    @api.model
    def _kentro_check_new_booking(self, vals):
        result = super()._kentro_check_new_booking(vals)
        self._kentro_check_interpreter_clash(
            vals.get("kentro_interpreter_id"),
            vals.get("user_id", self.env.uid),
            fields.Datetime.to_datetime(vals.get("start")),
            fields.Datetime.to_datetime(vals.get("stop")),
        )
        return result

    def _kentro_check_booking(self):
        result = super()._kentro_check_booking()
        for event in self.sudo():
            if event.kentro_attendance in CANCELLED or not event.active:
                continue
            interpreter, language = (
                event.kentro_interpreter_id,
                event.kentro_interpreter_language_id,
            )
            if interpreter and language and language not in interpreter.kentro_language_ids:
                raise ValidationError(
                    self.env._(
                        "%(interpreter)s does not interpret %(language)s.",
                        interpreter=interpreter.name,
                        language=language.name,
                    )
                )
            self._kentro_check_interpreter_clash(
                interpreter.id, event.user_id.id, event.start, event.stop, event.id
            )
        return result

    @api.model
    def _kentro_check_interpreter_clash(self, interpreter_id, user_id, start, stop, event_id=0):
        """Refuse, naming the other appointment, an interpreter already
        interpreting or giving an appointment then, or a professional who
        is interpreting elsewhere then. Plain SQL, as for professionals."""
        if not (start and stop) or not (interpreter_id or user_id):
            return
        self.env["calendar.event"].flush_model(
            [
                "start",
                "stop",
                "user_id",
                "active",
                "kentro_appointment",
                "kentro_attendance",
                "kentro_interpreter_id",
            ]
        )
        self.env.cr.execute(
            """SELECT start, stop,
                      CASE WHEN kentro_interpreter_id = %(interpreter)s
                             OR user_id = %(interpreter)s
                           THEN %(interpreter)s ELSE %(user)s END
                 FROM calendar_event
                WHERE id != %(event)s AND kentro_appointment AND active
                  AND start < %(stop)s AND stop > %(start)s
                  AND kentro_attendance NOT IN %(cancelled)s
                  AND (kentro_interpreter_id = %(interpreter)s OR user_id = %(interpreter)s
                       OR kentro_interpreter_id = %(user)s)
                LIMIT 1""",
            {
                "interpreter": interpreter_id or None,
                "user": user_id or None,
                "event": event_id or 0,
                "start": start,
                "stop": stop,
                "cancelled": CANCELLED,
            },
        )
        clash = self.env.cr.fetchone()
        if clash:
            calendar = self.browse(event_id) if event_id else self
            raise ValidationError(
                self.env._(
                    "%(person)s is already interpreting or giving an appointment from "
                    "%(start)s to %(stop)s.",
                    person=self.env["res.users"].browse(clash[2]).sudo().name,
                    start=calendar._kentro_local(clash[0]).strftime("%d/%m/%Y %H:%M"),
                    stop=calendar._kentro_local(clash[1]).strftime("%H:%M"),
                )
            )

    def _kentro_race_message(self, constraint):
        if constraint == INTERPRETER_CONSTRAINT:
            return self.env._(
                "The interpreter has just been booked at that time, perhaps by a "
                "colleague. Pick another slot or another interpreter."
            )
        return super()._kentro_race_message(constraint)


class KentroAppointmentSlot(models.TransientModel):
    _inherit = "kentro.appointment.slot"

    interpreter_id = fields.Many2one("res.users")

    def _event_values(self):
        values = super()._event_values()
        if self.interpreter_id:
            values.update(
                kentro_interpreter_id=self.interpreter_id.id,
                kentro_interpreter_language_id=self.finder_id.interpreter_language_id.id,
            )
        return values


class KentroAppointmentFinder(models.TransientModel):
    """With an interpreting language, a slot is offered only when an
    interpreter of that language is free too, and books them."""

    _inherit = "kentro.appointment.finder"

    interpreter_language_id = fields.Many2one(
        "kentro.language",
        string="Interpreter for",
        compute="_compute_interpreter_language_id",
        store=True,
        readonly=False,
    )

    @api.depends("beneficiary_id")
    def _compute_interpreter_language_id(self):
        for finder in self:
            person = finder.beneficiary_id
            finder.interpreter_language_id = (
                person.interpreter_needed and person.interpreter_language_id
            )

    def _slot_values(self):
        slots = super()._slot_values()
        language = self.interpreter_language_id
        if not language or not slots:
            return slots
        Event = self.env["calendar.event"]
        interpreters = Event._kentro_interpreters(self.centre_id, language)
        if not interpreters:
            raise UserError(
                self.env._(
                    "No interpreter of %(language)s works at %(structure)s: add one to the "
                    "structure's staff, or book without an interpreter.",
                    language=language.name,
                    structure=self.centre_id.name,
                )
            )
        tz = self.centre_id._local_timezone()
        begin = tz.localize(datetime.combine(self.date_from, time.min))
        end = begin + relativedelta(weeks=max(self.weeks, 1))
        busy = Event._kentro_busy_intervals(
            interpreters,
            begin.astimezone(pytz.utc).replace(tzinfo=None),
            end.astimezone(pytz.utc).replace(tzinfo=None),
        )
        offered = []
        for slot in slots:
            free = interpreters.filtered(
                lambda user, slot=slot: (
                    user.id != slot["user_id"]
                    and not any(
                        busy_user == user and start < slot["stop"] and stop > slot["start"]
                        for busy_user, start, stop in busy
                    )
                )
            )
            if free:
                offered.append({**slot, "interpreter_id": free[0].id})
        return offered
