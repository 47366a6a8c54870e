from odoo import api, models


class KentroAppointmentFinder(models.TransientModel):
    _inherit = "kentro.appointment.finder"

    @api.onchange("beneficiary_id")
    def _onchange_beneficiary_id(self):
        # The core proposes the person's structure; a mobile unit's people
        # are booked at its reference centre.
        result = super()._onchange_beneficiary_id()
        if self.centre_id:
            self.centre_id = self.centre_id._kentro_booking_centre()
        return result
