from contextlib import contextmanager
from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta
from psycopg2 import errors

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from ..tools import dates, values

STAFF = "kentro_community.group_kentro_reception"
ATTENDANCE = [
    ("planned", "Planned"),
    ("attended", "Attended"),
    ("missed", "Missed (no-show)"),
    ("cancelled_beneficiary", "Cancelled by the beneficiary"),
    ("cancelled_centre", "Cancelled by the centre"),
]
CANCELLED = ("cancelled_beneficiary", "cancelled_centre")


def _utc(value):
    """An Odoo (naive, UTC) datetime as an aware one."""
    return pytz.utc.localize(value) if value.tzinfo is None else value


def _clock(hours):
    hour, minute = divmod(round(hours * 60), 60)
    return f"{hour:02d}:{minute:02d}"


def opening_hours_text(calendar):
    """The weekly hours of a resource calendar, one day per clause: «Monday 08:00–16:00»."""
    by_day = {}
    for line in calendar.attendance_ids.filtered(lambda a: a.day_period != "lunch").sorted(
        lambda a: (a.dayofweek, a.hour_from)
    ):
        by_day.setdefault(line.dayofweek, []).append(
            f"{_clock(line.hour_from)}–{_clock(line.hour_to)}"
        )
    env = calendar.env
    labels = dict(
        env["resource.calendar.attendance"]._fields["dayofweek"]._description_selection(env)
    )
    return ", ".join(f"{labels[day]} {' / '.join(hours)}" for day, hours in by_day.items())


class CalendarEvent(models.Model):
    """A counselling appointment is an ordinary calendar event linked to a
    beneficiary and a structure: booked in Odoo's calendar, shown to everyone
    outside the Community Centre as busy time only."""

    _inherit = "calendar.event"

    kentro_appointment = fields.Boolean(
        string="Community Centre appointment",
        compute="_compute_kentro_appointment",
        store=True,
        index=True,
    )
    kentro_beneficiary_id = fields.Many2one(
        "kentro.beneficiary",
        string="Beneficiary",
        index=True,
        ondelete="restrict",
        groups=STAFF,
    )
    kentro_centre_id = fields.Many2one("kentro.centre", string="Structure", index=True)
    kentro_service_type_id = fields.Many2one("kentro.service.type", string="Service", groups=STAFF)
    kentro_attendance = fields.Selection(
        ATTENDANCE, string="Attendance", default="planned", groups=STAFF
    )
    kentro_service_id = fields.Many2one(
        "kentro.service", string="Service entry", readonly=True, copy=False, groups=STAFF
    )
    # The organiser under the name the Community Centre gives it, for the
    # appointments calendar's filters (Odoo's reads «Ατζέντα» in Greek).
    kentro_professional_id = fields.Many2one(
        "res.users", related="user_id", string="Professional", readonly=True
    )
    # Whether the user sees the event in full (not as busy time): what a
    # contact's list of meetings is narrowed to (see res_partner.py).
    kentro_shown_in_full = fields.Boolean(
        string="Shown in full",
        compute="_compute_kentro_shown_in_full",
        search="_search_kentro_shown_in_full",
    )
    kentro_card_mailable = fields.Boolean(
        string="Card can be e-mailed",
        compute="_compute_kentro_card_mailable",
        groups=STAFF,
        help="The beneficiary has an e-mail address to send the appointment card to.",
    )

    # The professional (the organiser) is never booked twice at the same time,
    # even when two bookings race: PostgreSQL refuses the overlapping row.
    _sql_constraints = [
        (
            "kentro_no_double_booking",
            "EXCLUDE USING gist (int4range(user_id, user_id, '[]') WITH &&, "
            "tsrange(start, stop) WITH &&) WHERE (kentro_appointment AND active "
            "AND kentro_attendance NOT IN ('cancelled_beneficiary', 'cancelled_centre'))",
            "The professional already has an appointment at that time.",
        ),
    ]

    @api.depends("kentro_beneficiary_id")
    def _compute_kentro_appointment(self):
        for event in self.sudo():
            event.kentro_appointment = bool(event.kentro_beneficiary_id)

    @api.depends("kentro_beneficiary_id.partner_id.email")
    def _compute_kentro_card_mailable(self):
        # Read as the user: an appointment of another structure (busy time)
        # is never mailable, and its person is not read.
        hidden = self.filtered("id")._kentro_hidden()
        for event in self:
            event.kentro_card_mailable = event not in hidden and bool(
                event.kentro_beneficiary_id.partner_id.email
            )

    @api.onchange("kentro_beneficiary_id")
    def _onchange_kentro_beneficiary_centre(self):
        # Booked from the calendar: the person's structure, unless chosen.
        if self.kentro_beneficiary_id and not self.kentro_centre_id:
            self.kentro_centre_id = self.kentro_beneficiary_id.centre_id

    # Privacy --------------------------------------------------------------

    def _kentro_hidden(self):
        """The appointments of ``self`` the current user may see only as busy time:
        all of them for users outside the Community Centre, those of other
        structures for its staff."""
        if self.env.su:
            return self.browse()
        # Iterated, not filtered: the records keep the prefetch set of the
        # events being read, so each field is fetched once for all of them
        # (filtered() would start a prefetch set per call, a query per event).
        # sudo (see _kentro_sudo): only whether each event is an appointment
        # and its structure are read, to decide what to mask.
        events = self._kentro_sudo()
        if not any(event.kentro_appointment for event in events):
            return self.browse()
        visible = self.env["kentro.centre"]._kentro_visible_ids()
        return self.browse(
            [
                event.id
                for event in events
                if event.kentro_appointment and event.kentro_centre_id.id not in visible
            ]
        )

    def _kentro_sudo(self):
        """``self`` as superuser, reading only the fields asked for. sudo: only
        ``kentro_appointment`` and ``kentro_centre_id`` are read, never masked.
        Without ``prefetch_fields`` a read as superuser would also fetch the
        private fields (description, location...) into the cache the request
        shares, and the user's next read would find them there unmasked."""
        return self.sudo().with_context(prefetch_fields=False)

    @api.model
    def _get_public_fields(self):
        # Never masked: record rules and the masking itself read them, and the
        # masked values would otherwise stand in the cache for everyone.
        # The professional is the organiser (user_id), which Odoo shows too.
        return super()._get_public_fields() | {
            "kentro_appointment",
            "kentro_centre_id",
            "kentro_professional_id",
        }

    def _compute_kentro_shown_in_full(self):
        hidden = self.filtered("id")._kentro_hidden()
        for event in self:
            event.kentro_shown_in_full = event not in hidden

    def _search_kentro_shown_in_full(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("This search is not supported."))
        if self.env.su:
            shown = [(1, "=", 1)]
        else:
            shown = [
                "|",
                ("kentro_appointment", "=", False),
                ("kentro_centre_id", "in", list(self.env["kentro.centre"]._kentro_visible_ids())),
            ]
        return shown if (operator == "=") == value else ["!", *shown]

    @api.model
    def _kentro_listed_domain(self):
        # Busy time is readable, not listed among a contact's meetings.
        return [("kentro_shown_in_full", "=", True)]

    def _check_private_event_conditions(self):
        self.ensure_one()
        return bool(self._kentro_hidden()) or super()._check_private_event_conditions()

    def _get_default_privacy_domain(self):
        domain = super()._get_default_privacy_domain()
        if self.env.su:
            return domain
        return expression.AND(
            [
                domain,
                [
                    "|",
                    ("kentro_appointment", "=", False),
                    (
                        "kentro_centre_id",
                        "in",
                        list(self.env["kentro.centre"]._kentro_visible_ids()),
                    ),
                ],
            ]
        )

    def _kentro_private_records(self):
        # sudo: only whether each event is an appointment is read (see
        # _kentro_sudo: nothing else reaches the shared cache).
        return self.browse(self._kentro_sudo().exists().filtered("kentro_appointment").ids)

    def _kentro_unreadable_records(self):
        # Appointments are readable by everyone as busy time: their followers,
        # activities and documents are not.
        return super()._kentro_unreadable_records() | self.exists()._kentro_hidden()

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        # Overrides an internal ORM method (guarded by
        # test_side_doors.TestCalendarOracles): a search on a field shown as
        # busy time would tell what it hides.
        if domain and not self.env.su:
            domain = self._kentro_mask_domain(domain)
        return super()._search(domain, offset, limit, order)

    @api.model
    def _kentro_mask_domain(self, domain):
        """``domain`` where each condition on a field masked as busy time holds
        only for the appointments the user sees, except that an attendee
        search still finds the busy time of staff (never of a beneficiary)."""
        public = self._get_public_fields()
        visible = [
            "|",
            ("kentro_appointment", "=", False),
            ("kentro_centre_id", "in", list(self.env["kentro.centre"]._kentro_visible_ids())),
        ]
        result = []
        for leaf in expression.normalize_domain(domain):
            if (
                not expression.is_leaf(leaf)
                or leaf in (expression.TRUE_LEAF, expression.FALSE_LEAF)
                or not isinstance(leaf[0], str)
                or leaf[0].split(".")[0] in public
            ):
                result.append(leaf)
                continue
            masked = ["&", *visible, leaf]
            staff = self._kentro_staff_attendee_leaf(leaf)
            result.extend(["|", *masked, staff] if staff else masked)
        return result

    @api.model
    def _kentro_staff_attendee_leaf(self, leaf):
        """For an attendee search by contact ids, the same search among contacts
        that are not beneficiaries'."""
        field, operator, value = leaf
        if field != "partner_ids" or operator not in ("in", "=") or isinstance(value, bool):
            return None
        ids = [value] if isinstance(value, int) else list(value or [])
        if not all(isinstance(partner_id, int) for partner_id in ids):
            return None
        people = set(self.env["res.partner"].browse(ids)._kentro_private_records().ids)
        return ("partner_ids", "in", [partner_id for partner_id in ids if partner_id not in people])

    @api.model
    def _get_mail_message_access(self, res_ids, operation, model_name=None):
        # The chatter of a hidden appointment needs write access, which record
        # rules refuse to users who may not see it.
        if operation == "read" and self.browse(res_ids)._kentro_hidden():
            return "write"
        return super()._get_mail_message_access(res_ids, operation, model_name=model_name)

    # Booking ----------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        # The booking checks below name the professional and the interpreter:
        # only once the user may pick them.
        self._kentro_check_links(vals_list)
        appointment_vals = [vals for vals in vals_list if vals.get("kentro_beneficiary_id")]
        if not appointment_vals:
            return super().create(vals_list)
        for vals in appointment_vals:
            values.check_values(self, vals)
            self._kentro_prepare_values(vals)
            self._kentro_check_new_booking(vals)
        with self._kentro_booking_guard():
            events = super().create(vals_list)
            events.filtered("kentro_appointment")._kentro_check_booking()
        return events

    def write(self, vals):
        self._kentro_check_links([vals])  # before the booking checks, as in create
        # sudo (see _kentro_sudo): only which events are appointments is read.
        appointments = self._kentro_sudo().filtered("kentro_appointment")
        if appointments:
            values.check_values(self, vals)
        if vals.get("kentro_beneficiary_id"):
            vals = dict(vals)
            if "kentro_service_type_id" not in vals:
                vals["kentro_service_type_id"] = self[:1].sudo().kentro_service_type_id.id
            self._kentro_prepare_values(vals, creating=False)
        elif "name" in vals and appointments:
            # The title of an appointment names the service, never the person.
            vals = {key: value for key, value in vals.items() if key != "name"}
        if not (appointments or vals.get("kentro_beneficiary_id")) or not (
            self._kentro_booking_fields() & set(vals) or vals.get("kentro_attendance") == "planned"
        ):
            # Events that are not Kentro's are written as Odoo writes them: the
            # booking guard's savepoint would flush, and log their tracking
            # messages, before Odoo does.
            return super().write(vals)
        with self._kentro_booking_guard():
            result = super().write(vals)
            self.filtered("kentro_appointment")._kentro_check_booking()
        return result

    @api.model
    def _kentro_booking_fields(self):
        """Fields whose change makes an appointment a new booking to check."""
        return {"start", "stop", "user_id", "kentro_centre_id", "active", "allday"}

    @api.model
    def _kentro_check_new_booking(self, vals):
        """Checks made before a new appointment is saved, so that a clash is
        explained rather than refused by PostgreSQL."""
        self._kentro_check_clash(
            vals.get("user_id", self.env.uid),
            fields.Datetime.to_datetime(vals.get("start")),
            fields.Datetime.to_datetime(vals.get("stop")),
        )

    @contextmanager
    def _kentro_booking_guard(self):
        """Save a booking under a savepoint: when PostgreSQL's exclusion
        constraint refuses it (two bookings of the same professional racing),
        nothing is kept and the user reads why."""
        try:
            with self.env.cr.savepoint():
                yield
                self.env.flush_all()
        except errors.ExclusionViolation as error:
            raise ValidationError(self._kentro_race_message(error.diag.constraint_name)) from None

    def _kentro_race_message(self, constraint):
        """What to tell the user when PostgreSQL's ``constraint`` refused a booking."""
        return self.env._(
            "The professional has just been booked at that time, perhaps by a "
            "colleague. Pick another slot or another professional."
        )

    @api.model
    def _kentro_prepare_values(self, vals, creating=True):
        """An appointment's title names the service, never the person, in the
        language of the structure's staff (not the language of the client that
        books: an English RPC script, a cron); the person's contact and the
        professional are attendees; Odoo's reminders warn the professional."""
        person = self.env["kentro.beneficiary"].browse(vals["kentro_beneficiary_id"])
        if not vals.get("kentro_centre_id"):
            vals["kentro_centre_id"] = person.centre_id.id
        centre = self.env["kentro.centre"].browse(vals["kentro_centre_id"])
        staff = self.with_context(lang=centre.company_id._kentro_lang())
        service_type = staff.env["kentro.service.type"].browse(vals.get("kentro_service_type_id"))
        vals["name"] = (
            staff.env._("Appointment: %(service)s", service=service_type.name)
            if service_type
            else staff.env._("Community Centre appointment")
        )
        partner_commands = list(vals.get("partner_ids") or [])
        if partner_commands and isinstance(partner_commands[0], int):
            partner_commands = [fields.Command.set(partner_commands)]
        partner_commands.append(fields.Command.link(person.partner_id.id))
        # Booked in the calendar's quick form, the professional is only the
        # organiser: an attendee too, so the appointment is in their calendar.
        professional = self.env["res.users"].browse(
            vals.get("user_id", self.env.uid if creating else False)
        )
        if professional:
            partner_commands.append(fields.Command.link(professional.partner_id.id))
        vals["partner_ids"] = partner_commands
        if creating:
            vals.setdefault("privacy", "confidential")
        if creating and "alarm_ids" not in vals:
            alarm = self.env.ref("calendar.alarm_notif_3", raise_if_not_found=False)
            if alarm:
                vals["alarm_ids"] = [fields.Command.set(alarm.ids)]
        return vals

    def _kentro_check_booking(self):
        for event in self.sudo():
            if event.kentro_attendance in CANCELLED or not event.active:
                continue
            if not event.kentro_centre_id:
                raise ValidationError(self.env._("An appointment needs a structure."))
            event._kentro_check_opening_hours()
            self._kentro_check_clash(event.user_id.id, event.start, event.stop, event.id)

    @api.model
    def _kentro_check_clash(self, user_id, start, stop, event_id=0):
        """Refuse, naming the other appointment, a booking over one of the
        professional's. Plain SQL: an ORM search would first save this very
        booking, and PostgreSQL would refuse it before we could explain."""
        if not (user_id and start and stop):
            return
        self.env["calendar.event"].flush_model(
            ["start", "stop", "user_id", "active", "kentro_appointment", "kentro_attendance"]
        )
        self.env.cr.execute(
            """SELECT start, stop FROM calendar_event
                WHERE id != %s AND kentro_appointment AND active AND user_id = %s
                  AND start < %s AND stop > %s AND kentro_attendance NOT IN %s
                LIMIT 1""",
            (event_id or 0, user_id, stop, start, CANCELLED),
        )
        clash = self.env.cr.fetchone()
        if clash:
            calendar = self.browse(event_id) if event_id else self
            raise ValidationError(
                self.env._(
                    "%(professional)s already has an appointment from %(start)s to %(stop)s.",
                    professional=self.env["res.users"].browse(user_id).sudo().name,
                    start=calendar._kentro_local(clash[0]).strftime("%d/%m/%Y %H:%M"),
                    stop=calendar._kentro_local(clash[1]).strftime("%H:%M"),
                )
            )

    def _kentro_calendar(self):
        return self.kentro_centre_id._opening_calendar()

    def _kentro_local(self, value):
        calendar = self[:1]._kentro_calendar() if self else self.env["resource.calendar"]
        tz = pytz.timezone(calendar.tz or dates.GREEK_TZ)
        return _utc(value).astimezone(tz)

    def _kentro_check_opening_hours(self):
        centre = self.kentro_centre_id
        calendar = self._kentro_calendar()
        if not calendar:
            raise ValidationError(
                self.env._("%(structure)s has no opening hours.", structure=centre.name)
            )
        start, stop = _utc(self.start), _utc(self.stop)
        intervals = calendar._work_intervals_batch(start, stop)[False]
        if self.allday or not any(
            begin <= start and stop <= end for begin, end, _records in intervals
        ):
            raise ValidationError(
                self.env._(
                    "%(structure)s is not open at that time. Its hours are: %(hours)s "
                    "(closed on public holidays and closures).",
                    structure=centre.name,
                    hours=opening_hours_text(calendar),
                )
            )

    # Attendance -----------------------------------------------------------

    def _kentro_check_planned(self):
        if any(
            not event.kentro_appointment or event.kentro_attendance != "planned" for event in self
        ):
            raise UserError(self.env._("Only a planned appointment can be marked."))

    def action_kentro_attended(self):
        """The person came: the appointment becomes a service, once."""
        self._kentro_check_planned()
        Service = self.env["kentro.service"].sudo()
        for event in self:
            service = Service.create(
                {
                    "beneficiary_id": event.kentro_beneficiary_id.id,
                    "service_type_id": (
                        event.kentro_service_type_id
                        or self.env.ref("kentro_community.kentro_service_type_information")
                    ).id,
                    "centre_id": event.kentro_centre_id.id,
                    "user_id": event.user_id.id or self.env.user.id,
                    "date": event._kentro_local(event.start).date(),
                    "duration": round(event.duration * 60),
                    "appointment_id": event.id,
                }
            )
            event.write({"kentro_attendance": "attended", "kentro_service_id": service.id})

    def action_kentro_missed(self):
        """No-show: the professional is asked to call the person back."""
        self._kentro_check_planned()
        self.write({"kentro_attendance": "missed"})
        for event in self:
            # Read by the structure's staff: in their language.
            staff = event.with_context(lang=event.kentro_centre_id.company_id._kentro_lang())
            event.kentro_beneficiary_id.activity_schedule(
                "mail.mail_activity_data_call",
                date_deadline=fields.Date.context_today(self),
                summary=staff.env._("Call back: missed appointment"),
                note=staff.env._(
                    "Missed the appointment of %(date)s.",
                    date=event._kentro_local(event.start).strftime("%d/%m/%Y %H:%M"),
                ),
                user_id=event.user_id.id or self.env.user.id,
            )

    def action_kentro_cancel_beneficiary(self):
        self._kentro_check_planned()
        self.write({"kentro_attendance": "cancelled_beneficiary"})

    def action_kentro_cancel_centre(self):
        self._kentro_check_planned()
        self.write({"kentro_attendance": "cancelled_centre"})

    # Appointment card -----------------------------------------------------

    def action_kentro_send_card(self):
        """E-mail the appointment card (with the PDF) to the beneficiary."""
        template = self.env.ref("kentro_community.mail_template_kentro_appointment_card")
        if not all(self.mapped("kentro_card_mailable")):
            raise UserError(
                self.env._(
                    "The beneficiary has no e-mail address: record one in their file, "
                    "or print the card instead."
                )
            )
        for event in self:
            template.send_mail(event.id, email_layout_xmlid="mail.mail_notification_light")
        return True

    def action_kentro_print_card(self):
        return self.env.ref("kentro_community.kentro_appointment_card_action").report_action(self)

    def _kentro_card_values(self):
        """What the card prints, in the beneficiary's local time."""
        self.ensure_one()
        calendar = self._kentro_calendar()
        start = self._kentro_local(self.start)
        return {
            "date": start.strftime("%d/%m/%Y"),
            "time": start.strftime("%H:%M"),
            "hours": opening_hours_text(calendar) if calendar else "",
        }


class CalendarAttendee(models.Model):
    _inherit = "calendar.attendee"

    def _send_mail_to_attendees(self, mail_template, force_send=False):
        # Appointments are announced by their own card, never by Odoo's
        # invitation, which would list the other attendees.
        # sudo (see _kentro_sudo): only whether the event is an appointment is read.
        others = self.filtered(
            lambda attendee: not attendee.event_id._kentro_sudo().kentro_appointment
        )
        return super(CalendarAttendee, others)._send_mail_to_attendees(
            mail_template, force_send=force_send
        )


class KentroAppointmentSlot(models.TransientModel):
    """A free slot of a professional, offered by the slot finder."""

    _name = "kentro.appointment.slot"
    _description = "Free appointment slot"
    _order = "start, user_id"

    finder_id = fields.Many2one("kentro.appointment.finder", required=True, ondelete="cascade")
    start = fields.Datetime(required=True)
    stop = fields.Datetime(required=True)
    user_id = fields.Many2one("res.users", string="Professional", required=True)
    name = fields.Char(string="When", compute="_compute_name")

    @api.depends("start", "stop", "finder_id.centre_id")
    @api.depends_context("lang")
    def _compute_name(self):
        """«Δευτέρα 14/12/2026 09:00–09:45»: the day in the reader's language,
        the 24-hour clock of the structure's local time."""
        labels = dict(
            self.env["resource.calendar.attendance"]
            ._fields["dayofweek"]
            ._description_selection(self.env)
        )
        for slot in self:
            if not (slot.start and slot.stop):
                slot.name = False
                continue
            tz = slot.finder_id.centre_id._local_timezone()
            start, stop = _utc(slot.start).astimezone(tz), _utc(slot.stop).astimezone(tz)
            slot.name = (
                f"{labels[str(start.weekday())]} {start.strftime('%d/%m/%Y %H:%M')}"
                f"–{stop.strftime('%H:%M')}"
            )

    def action_book(self):
        self.ensure_one()
        finder = self.finder_id
        if not finder.beneficiary_id:
            raise UserError(self.env._("Choose the beneficiary first."))
        event = self.env["calendar.event"].create(self._event_values())
        return {
            "type": "ir.actions.act_window",
            "res_model": "calendar.event",
            "res_id": event.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _event_values(self):
        """The appointment this slot books."""
        finder = self.finder_id
        return {
            "kentro_beneficiary_id": finder.beneficiary_id.id,
            "kentro_centre_id": finder.centre_id.id,
            "kentro_service_type_id": finder.service_type_id.id,
            "user_id": self.user_id.id,
            "partner_ids": [fields.Command.link(self.user_id.partner_id.id)],
            "start": self.start,
            "stop": self.stop,
        }


class KentroAppointmentFinder(models.TransientModel):
    """Next free slot: the free time of the suitable professionals of a
    structure, within its opening hours, over the coming weeks."""

    _name = "kentro.appointment.finder"
    _description = "Find a free appointment slot"

    beneficiary_id = fields.Many2one("kentro.beneficiary")
    centre_id = fields.Many2one(
        "kentro.centre",
        string="Structure",
        required=True,
        default=lambda self: self.env.user.kentro_centre_ids[:1],
    )
    service_type_id = fields.Many2one("kentro.service.type", string="Service", required=True)
    user_ids = fields.Many2many(
        "res.users", string="Professionals", compute="_compute_user_ids", readonly=False, store=True
    )
    date_from = fields.Date(string="From", required=True, default=fields.Date.context_today)
    weeks = fields.Integer(default=2, required=True)
    duration = fields.Integer(
        string="Duration (minutes)", compute="_compute_duration", readonly=False, store=True
    )
    slot_ids = fields.One2many("kentro.appointment.slot", "finder_id", string="Free slots")

    @api.onchange("beneficiary_id")
    def _onchange_beneficiary_id(self):
        if self.beneficiary_id.centre_id:
            self.centre_id = self.beneficiary_id.centre_id

    @api.depends("centre_id", "service_type_id")
    def _compute_user_ids(self):
        for finder in self:
            finder.user_ids = finder.centre_id._kentro_suitable_staff(finder.service_type_id)

    @api.depends("service_type_id")
    def _compute_duration(self):
        for finder in self:
            finder.duration = finder.service_type_id.default_duration or 45

    def _free_slots(self, limit=40):
        """(start, stop, user) triples, naive UTC, earliest first."""
        self.ensure_one()
        centre = self.centre_id
        calendar = centre._opening_calendar()
        if not calendar or self.duration <= 0 or not self.user_ids:
            return []
        tz = centre._local_timezone()
        now = _utc(fields.Datetime.now())
        begin = max(now, tz.localize(datetime.combine(self.date_from, time.min)))
        end = tz.localize(datetime.combine(self.date_from, time.min)) + relativedelta(
            weeks=max(self.weeks, 1)
        )
        length = timedelta(minutes=self.duration)
        busy = (
            self.env["calendar.event"]
            .sudo()
            .search(
                [
                    ("start", "<", end.astimezone(pytz.utc).replace(tzinfo=None)),
                    ("stop", ">", begin.astimezone(pytz.utc).replace(tzinfo=None)),
                    ("show_as", "=", "busy"),
                    "|",
                    ("user_id", "in", self.user_ids.ids),
                    ("partner_ids", "in", self.user_ids.partner_id.ids),
                ]
            )
        )
        busy = busy.filtered(lambda event: event.kentro_attendance not in CANCELLED)
        slots = []
        for begin_open, end_open, _records in calendar._work_intervals_batch(begin, end)[False]:
            cursor = begin_open
            while cursor + length <= end_open:
                start_utc = cursor.astimezone(pytz.utc).replace(tzinfo=None)
                stop_utc = (cursor + length).astimezone(pytz.utc).replace(tzinfo=None)
                for user in self.user_ids:
                    taken = any(
                        event.start < stop_utc
                        and event.stop > start_utc
                        and (event.user_id == user or user.partner_id in event.partner_ids)
                        for event in busy
                    )
                    if not taken:
                        slots.append((start_utc, stop_utc, user))
                cursor += length
            if len(slots) >= limit:
                break
        return slots[:limit]

    def _slot_values(self):
        """The free slots to offer, as values of ``kentro.appointment.slot``."""
        return [
            {"start": start, "stop": stop, "user_id": user.id}
            for start, stop, user in self._free_slots()
        ]

    def action_search(self):
        self.ensure_one()
        self.slot_ids = [fields.Command.clear()] + [
            fields.Command.create(values) for values in self._slot_values()
        ]
        if not self.slot_ids:
            raise UserError(
                self.env._(
                    "No free slot in the next %(weeks)s weeks: try more weeks or other professionals.",
                    weeks=self.weeks,
                )
            )
        return {
            "type": "ir.actions.act_window",
            # Without a name the dialog would read "Odoo" after each search.
            "name": self.env._("Book an appointment"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }
