from odoo import api, fields, models
from odoo.exceptions import UserError


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
        interpreters = self.env["calendar.event"]._kentro_interpreters(self.centre_id, language)
        if not interpreters:
            raise UserError(
                self.env._(
                    "No interpreter of %(language)s works at %(structure)s: add one to the "
                    "structure's staff, or book without an interpreter.",
                    language=language.name,
                    structure=self.centre_id.name,
                )
            )
        busy = self._busy_intervals(interpreters, *self._search_period())
        offered = []
        for slot in slots:
            free = interpreters.filtered(
                lambda user, slot=slot: (
                    user.id != slot["user_id"]
                    and self._is_free(busy[user], slot["start"], slot["stop"])
                )
            )
            if free:
                offered.append({**slot, "interpreter_id": free[0].id})
        return offered
