from babel.dates import format_date

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import babel_locale_parse

from ..tools.appointments import utc


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
        # The day's name from babel (CLDR), complete in every language: Odoo's
        # Greek lacks some of its own weekday labels (Friday, Monday).
        locale = babel_locale_parse(self.env.lang or "en_US")
        for slot in self:
            if not (slot.start and slot.stop):
                slot.name = False
                continue
            tz = slot.finder_id.centre_id._local_timezone()
            start, stop = utc(slot.start).astimezone(tz), utc(slot.stop).astimezone(tz)
            slot.name = (
                f"{format_date(start, 'EEEE', locale=locale)} {start.strftime('%d/%m/%Y %H:%M')}"
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
