from odoo import fields, models


class KentroReferral(models.Model):
    _inherit = "kentro.referral"

    beneficiary_area_id = fields.Many2one(related="beneficiary_id.mobile_area_id", string="Village")
