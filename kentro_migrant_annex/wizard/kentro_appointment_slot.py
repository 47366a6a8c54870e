from odoo import fields, models


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
