from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.appointments import utc


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

    def _search_period(self):
        """The (begin, end) searched, aware: from the first day asked (never
        before now) over the weeks asked, in the structure's time zone."""
        self.ensure_one()
        first = self.centre_id._local_timezone().localize(
            datetime.combine(self.date_from, time.min)
        )
        return (
            max(utc(fields.Datetime.now()), first),
            first + relativedelta(weeks=max(self.weeks, 1)),
        )

    def _busy_intervals(self, users, begin, end):
        """``{user: [(start, stop), ...]}`` of ``users``' busy time between the
        aware ``begin`` and ``end`` (naive UTC intervals, see
        calendar.event's _kentro_busy_intervals)."""
        busy = {user: [] for user in users}
        for user, start, stop, _field in self.env["calendar.event"]._kentro_busy_intervals(
            users,
            begin.astimezone(pytz.utc).replace(tzinfo=None),
            end.astimezone(pytz.utc).replace(tzinfo=None),
        ):
            busy[user].append((start, stop))
        return busy

    @staticmethod
    def _is_free(intervals, start, stop):
        return not any(begin < stop and end > start for begin, end in intervals)

    def _free_slots(self, limit=40):
        """(start, stop, user) triples, naive UTC, earliest first."""
        self.ensure_one()
        calendar = self.centre_id._opening_calendar()
        if not calendar or self.duration <= 0 or not self.user_ids:
            return []
        begin, end = self._search_period()
        length = timedelta(minutes=self.duration)
        busy = self._busy_intervals(self.user_ids, begin, end)
        slots = []
        for begin_open, end_open, _records in calendar._work_intervals_batch(begin, end)[False]:
            cursor = begin_open
            while cursor + length <= end_open:
                start_utc = cursor.astimezone(pytz.utc).replace(tzinfo=None)
                stop_utc = (cursor + length).astimezone(pytz.utc).replace(tzinfo=None)
                slots.extend(
                    (start_utc, stop_utc, user)
                    for user in self.user_ids
                    if self._is_free(busy[user], start_utc, stop_utc)
                )
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
