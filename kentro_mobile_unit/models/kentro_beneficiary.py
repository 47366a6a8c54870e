from odoo import api, fields, models


class KentroBeneficiary(models.Model):
    _inherit = "kentro.beneficiary"

    mobile_area_id = fields.Many2one(
        "kentro.area",
        string="Village",
        domain="[('kind', '=', 'community')]",
        index=True,
        tracking=True,
        help="The community the person lives in, for the mobile unit's reports.",
    )

    @api.model
    def _kentro_personal_data(self):
        """The unit's personal data, for the right of access: the village on
        the file and the visit of each service given by the unit (the
        service's notes are erased with the core's)."""
        data = super()._kentro_personal_data()
        data["kentro.beneficiary"]["export"] += ["mobile_area_id"]
        data["kentro.service"]["export"] += ["mobile_visit_id"]
        return data

    def action_book_appointment(self):
        action = super().action_book_appointment()
        booking_centre = self.centre_id._kentro_booking_centre()
        action["context"] = {**action["context"], "default_centre_id": booking_centre.id}
        return action


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


class KentroService(models.Model):
    _inherit = "kentro.service"

    mobile_visit_id = fields.Many2one(
        "kentro.mobile.visit", string="Mobile unit visit", index=True, ondelete="set null"
    )
    # Not stored: the report groups services by the visit's village and by
    # the person's registration month (new or returning).
    mobile_area_id = fields.Many2one(related="mobile_visit_id.area_id", string="Visited village")
    beneficiary_registration_date = fields.Date(related="beneficiary_id.registration_date")


class KentroReferral(models.Model):
    _inherit = "kentro.referral"

    beneficiary_area_id = fields.Many2one(related="beneficiary_id.mobile_area_id", string="Village")
