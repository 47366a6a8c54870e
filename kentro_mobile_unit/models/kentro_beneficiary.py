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
