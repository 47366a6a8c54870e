from odoo import fields, models


class KentroHousehold(models.Model):
    _inherit = "kentro.household"

    roma_settlement_id = fields.Many2one(
        "kentro.roma.settlement", string="Roma settlement", index=True, ondelete="set null"
    )
