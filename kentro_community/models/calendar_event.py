from contextlib import contextmanager

import pytz
from psycopg2 import errors

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL

from ..tools import appointments, dates, groups, values
from ..tools.appointments import ATTENDANCE, CANCELLED, opening_hours_text
from ..tools.appointments import utc as _utc


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
        groups=groups.RECEPTION,
    )
    kentro_centre_id = fields.Many2one("kentro.centre", string="Structure", index=True)
    kentro_service_type_id = fields.Many2one(
        "kentro.service.type", string="Service", groups=groups.RECEPTION
    )
    kentro_attendance = fields.Selection(
        ATTENDANCE, string="Attendance", default="planned", groups=groups.RECEPTION
    )
    kentro_service_id = fields.Many2one(
        "kentro.service", string="Service entry", readonly=True, copy=False, groups=groups.RECEPTION
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
        groups=groups.RECEPTION,
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
        # sudo: only whether a beneficiary is set is read (the field is staff's),
        # to store a flag that everyone may read.
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
        # sudo: see above; only the public fields asked for are read.
        return self.sudo().with_context(prefetch_fields=False)

    @api.model
    # Odoo internal: see docs/odoo-internals.md
    @tools.ormcache("self.env.uid")
    def _get_public_fields(self):
        # Never masked: record rules and the masking itself read them, and the
        # masked values would otherwise stand in the cache for everyone.
        # The professional is the organiser (user_id), which Odoo shows too.
        # Kept per user: Odoo asks fields_get for its custom fields on every
        # call, that is on every read and search of appointments (a new custom
        # field reloads the registry, a change of groups clears the cache).
        return frozenset(
            super()._get_public_fields()
            | {"kentro_appointment", "kentro_centre_id", "kentro_professional_id"}
        )

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

    # Odoo internal: see docs/odoo-internals.md
    def _check_private_event_conditions(self):
        self.ensure_one()
        return bool(self._kentro_hidden()) or super()._check_private_event_conditions()

    # Odoo internal: see docs/odoo-internals.md
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
    # Odoo internal: see docs/odoo-internals.md
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
    # Odoo internal: see docs/odoo-internals.md
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
                # sudo: the appointment's own service is kept, copied into the
                # values written and never shown.
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
        # Odoo's default organiser is the user who books.
        defaults = {"user_id": self.env.uid}
        self._kentro_check_clash(
            {field: vals.get(field, defaults.get(field)) for field in self._kentro_occupants()},
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
        occupants = list(self._kentro_occupants().values())
        return next(
            (occupant["race"] for occupant in occupants if occupant["constraint"] == constraint),
            occupants[0]["race"],
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
        occupant_fields = list(self._kentro_occupants())
        # sudo: the checks read the appointment's structure, hours and people
        # to refuse a booking; they name only the structure and the people
        # the user has just booked (see _kentro_check_links).
        for event in self.sudo():
            if event.kentro_attendance in CANCELLED or not event.active:
                continue
            if not event.kentro_centre_id:
                raise ValidationError(self.env._("An appointment needs a structure."))
            event._kentro_check_opening_hours()
            self._kentro_check_clash(
                {field: event[field].id for field in occupant_fields},
                event.start,
                event.stop,
                event.id,
            )

    # Busy time --------------------------------------------------------------

    @api.model
    def _kentro_occupants(self):
        """Who an appointment keeps busy: ``{field: occupant}`` for each
        ``res.users`` field naming someone it books (the core: its
        professional, the organiser). ``occupant`` is a dict: ``constraint``,
        the exclusion constraint that refuses a second booking of them at the
        same time; ``clash``, how the booking checks refuse one (a translated
        template of ``person``, ``start`` and ``stop``); ``race``, what the
        user reads when the constraint refused it. The busy time, the
        booking checks and the slot finder all read it from here: an annex
        that books someone else adds its field (the ΚΕΜ, the interpreter)."""
        return {
            "user_id": {
                "constraint": "calendar_event_kentro_no_double_booking",
                "clash": self.env._(
                    "%(person)s already has an appointment from %(start)s to %(stop)s."
                ),
                "race": self.env._(
                    "The professional has just been booked at that time, perhaps by a "
                    "colleague. Pick another slot or another professional."
                ),
            }
        }

    @api.model
    def _kentro_busy_intervals(self, users, start, stop, exclude_id=0, booked_only=False):
        """``(user, start, stop, field)`` of what keeps each of ``users`` busy
        between ``start`` and ``stop`` (naive UTC), earliest first, in one
        query. ``field`` is the occupant field naming them on an appointment
        (see _kentro_occupants), or None when they only attend the event.

        With ``booked_only``, only the appointments that the exclusion
        constraints guard (a new booking over one of them is a clash);
        otherwise any busy event of their calendar too (what the slot finder
        and the interpreters offered avoid). Plain SQL: the booking checks run
        before the booking they check is saved (an ORM search would save it,
        and PostgreSQL would refuse it before it could be explained), and only
        when people are busy is read, never what the events are (no access
        rule applies; nothing of the events reaches the user)."""
        if not (users and start and stop):
            return []
        occupant_fields = list(self._kentro_occupants())
        self.flush_model(
            [
                "start",
                "stop",
                "active",
                "show_as",
                "partner_ids",
                "kentro_appointment",
                "kentro_attendance",
                *occupant_fields,
            ]
        )
        self.env["res.users"].flush_model(["partner_id"])
        # Each event's people, one row a role: the occupant fields, and with
        # the whole calendar its attendees who are users.
        roles = SQL(" UNION ALL ").join(
            SQL("SELECT event.%s, %s", SQL.identifier(field), field) for field in occupant_fields
        )
        if booked_only:
            kept = SQL("event.kentro_appointment AND event.kentro_attendance NOT IN %s", CANCELLED)
        else:
            roles = SQL(
                """%s UNION ALL
                   SELECT attendee_user.id, NULL
                     FROM calendar_event_res_partner_rel attendee
                     JOIN res_users attendee_user
                       ON attendee_user.partner_id = attendee.res_partner_id
                    WHERE attendee.calendar_event_id = event.id""",
                roles,
            )
            kept = SQL(
                "event.show_as = 'busy' AND (event.kentro_attendance IS NULL "
                "OR event.kentro_attendance NOT IN %s)",
                CANCELLED,
            )
        rows = self.env.execute_query(
            SQL(
                """SELECT busy.user_id, event.start, event.stop, busy.field
                     FROM calendar_event event
                    CROSS JOIN LATERAL (%s) AS busy(user_id, field)
                    WHERE busy.user_id = ANY(%s) AND event.id != %s AND event.active
                      AND event.start < %s AND event.stop > %s AND %s
                    ORDER BY event.start, event.id""",
                roles,
                users.ids,
                exclude_id or 0,
                stop,
                start,
                kept,
            )
        )
        return [(users.browse(user_id), begin, end, field) for user_id, begin, end, field in rows]

    @api.model
    def _kentro_check_clash(self, occupants, start, stop, event_id=0):
        """Refuse, naming the other appointment, a booking between ``start``
        and ``stop`` of ``occupants`` (``{field: user id}``, see
        _kentro_occupants) when another appointment keeps one of them busy.
        A clash is told in the words of the more particular of the two roles
        (the one declared later: an interpreter's over a professional's)."""
        declared = self._kentro_occupants()
        rank = {field: index for index, field in enumerate(declared)}
        roles = {}
        for field, user_id in occupants.items():
            if user_id:
                roles.setdefault(user_id, []).append(field)
        users = self.env["res.users"].browse(list(roles))
        clashes = [
            (max(rank[own], rank[field]), begin, end, user)
            for user, begin, end, field in self._kentro_busy_intervals(
                users, start, stop, event_id, booked_only=True
            )
            for own in roles[user.id]
        ]
        if not clashes:
            return
        index, begin, end, user = min(clashes, key=lambda clash: clash[:2])
        calendar = self.browse(event_id) if event_id else self
        raise ValidationError(
            list(declared.values())[index]["clash"]
            % {
                # sudo: the name of someone the user has just booked (see
                # _kentro_check_links), as the appointment shows it.
                "person": user.sudo().name,
                "start": calendar._kentro_local(begin).strftime("%d/%m/%Y %H:%M"),
                "stop": calendar._kentro_local(end).strftime("%H:%M"),
            }
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
        closure = appointments.closures(
            self.env["resource.calendar.leaves"], calendar, self.start, self.stop, limit=1
        )
        if closure:
            raise ValidationError(
                self.env._(
                    "%(structure)s is closed on %(day)s (%(closure)s). Pick another day; its "
                    "hours are: %(hours)s.",
                    structure=centre.name,
                    hours=opening_hours_text(calendar),
                    day=self._kentro_local(max(closure.date_from, self.start)).strftime("%d/%m/%Y"),
                    closure=closure.name,
                )
            )
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
        services = self.env["kentro.service"]._kentro_log_work(
            [
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
                for event in self
            ]
        )
        for event, service in zip(self, services, strict=True):
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
        """What the card prints, in the beneficiary's local time; the name in
        Latin script (ELOT 743) when the card is not in Greek."""
        self.ensure_one()
        calendar = self._kentro_calendar()
        start = self._kentro_local(self.start)
        person = self.kentro_beneficiary_id
        return {
            "name": person._kentro_name_in(self.env.lang),
            "first_name": person._kentro_name_in(self.env.lang, person.first_name),
            "date": start.strftime("%d/%m/%Y"),
            "time": start.strftime("%H:%M"),
            "hours": opening_hours_text(calendar) if calendar else "",
        }
