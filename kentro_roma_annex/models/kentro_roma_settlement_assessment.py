from odoo import fields, models

from odoo.addons.kentro_community.tools import structure

from .kentro_roma_settlement import SERVICE_LEVELS


class KentroRomaSettlementAssessment(models.Model):
    """A dated visit-based assessment of a settlement's living conditions."""

    _name = "kentro.roma.settlement.assessment"
    _description = "Settlement condition assessment"
    _order = "date desc, id desc"

    settlement_id = fields.Many2one(
        "kentro.roma.settlement", required=True, ondelete="cascade", index=True
    )
    centre_id, company_id = structure.follows("settlement_id")
    date = fields.Date(required=True, default=fields.Date.context_today)
    user_id = fields.Many2one("res.users", string="Assessed by", default=lambda self: self.env.user)
    water = fields.Selection(SERVICE_LEVELS, string="Running water")
    electricity = fields.Selection(SERVICE_LEVELS)
    sewerage = fields.Selection(SERVICE_LEVELS)
    notes = fields.Text()
