from odoo import fields, models

from ..models.kentro_support_goal import GOAL_OUTCOMES


class KentroSupportPlanCloseLine(models.TransientModel):
    """The outcome of one goal, asked when its plan closes."""

    _name = "kentro.support.plan.close.line"
    _description = "Outcome of a goal at closing"

    wizard_id = fields.Many2one("kentro.support.plan.close", required=True, ondelete="cascade")
    goal_id = fields.Many2one("kentro.support.goal", required=True)
    need_id = fields.Many2one(related="goal_id.need_id")
    outcome = fields.Selection(GOAL_OUTCOMES)
    note = fields.Text(string="Outcome note")
