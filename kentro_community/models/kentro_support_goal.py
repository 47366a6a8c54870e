from odoo import api, fields, models

from ..tools import groups, structure

GOAL_OUTCOMES = [
    ("achieved", "Achieved"),
    ("partly", "Partly achieved"),
    ("not_achieved", "Not achieved"),
    ("withdrew", "The person withdrew"),
    ("moved", "Moved away"),
    ("deceased", "Deceased"),
    ("referred_on", "Referred on"),
]


class KentroSupportGoal(models.Model):
    """A goal of a support plan, agreed with the person, answering one of
    their needs; its outcome is recorded when the plan closes."""

    _name = "kentro.support.goal"
    _description = "Support plan goal"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one("kentro.support.plan", required=True, ondelete="cascade", index=True)
    beneficiary_id = fields.Many2one(related="plan_id.beneficiary_id", store=True, index=True)
    centre_id, company_id = structure.follows("plan_id")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Goal", required=True)
    need_id = fields.Many2one("kentro.need", index=True)
    outcome = fields.Selection(GOAL_OUTCOMES, index=True)
    outcome_note = fields.Text(groups=groups.PROFESSIONAL)
    action_ids = fields.One2many("kentro.support.action", "goal_id", string="Actions")

    @api.model_create_multi
    def create(self, vals_list):
        goals = super().create(vals_list)
        # A goal added to a plan is reviewed at its next planned review.
        goals.plan_id.review_ids.filtered(lambda r: r.state == "planned")._fill_lines()
        return goals

    def action_new_action(self):
        """An action towards this goal, in a dialog. From the plan's goals:
        the plan and its new goal are saved by the button, so the action
        names the goal (the action's own goal field lists saved goals only)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New action"),
            "res_model": "kentro.support.action",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_plan_id": self.plan_id.id, "default_goal_id": self.id},
        }
