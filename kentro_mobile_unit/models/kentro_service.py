from odoo import fields, models


class KentroService(models.Model):
    _inherit = "kentro.service"

    mobile_visit_id = fields.Many2one(
        "kentro.mobile.visit", string="Mobile unit visit", index=True, ondelete="set null"
    )
    # Not stored: the report groups services by the visit's village and by
    # the person's registration month (new or returning).
    mobile_area_id = fields.Many2one(related="mobile_visit_id.area_id", string="Visited village")
    beneficiary_registration_date = fields.Date(related="beneficiary_id.registration_date")
