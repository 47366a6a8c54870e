from odoo import api, fields, models
from odoo.exceptions import UserError


class KentroSupportPlanClose(models.TransientModel):
    """Closing a support plan: the outcome of every goal and the reason; the
    file may be closed with it, which starts its retention period."""

    _name = "kentro.support.plan.close"
    _description = "Close a support plan"

    plan_id = fields.Many2one("kentro.support.plan", required=True, ondelete="cascade")
    beneficiary_id = fields.Many2one(related="plan_id.beneficiary_id")
    line_ids = fields.One2many(
        "kentro.support.plan.close.line",
        "wizard_id",
        string="Outcomes",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
    )
    reason = fields.Text(string="Reason for closing", required=True)
    close_file = fields.Boolean(
        string="Close the file too",
        help="The beneficiary's file is closed as well: its retention period starts today.",
    )

    @api.depends("plan_id")
    def _compute_line_ids(self):
        for wizard in self:
            wizard.line_ids = [
                fields.Command.clear(),
                *(
                    fields.Command.create({"goal_id": goal.id, "outcome": goal.outcome})
                    for goal in wizard.plan_id.goal_ids
                ),
            ]

    def action_confirm(self):
        self.ensure_one()
        plan = self.plan_id
        plan._check_state("draft", "active")
        missing = (plan.goal_ids - self.line_ids.goal_id) | self.line_ids.filtered(
            lambda line: not line.outcome
        ).goal_id
        if missing:
            raise UserError(
                self.env._(
                    "Give the outcome of every goal before closing the plan; missing:\n%(goals)s",
                    goals="\n".join(f"- {goal.name}" for goal in missing),
                )
            )
        if not (self.reason or "").strip():
            raise UserError(self.env._("Say why the plan is closed before closing it."))
        for line in self.line_ids:
            line.goal_id.write({"outcome": line.outcome, "outcome_note": line.note})
        plan._close(self.reason)
        if self.close_file and plan.beneficiary_id.state != "closed":
            # The file's own closing, which starts its retention period.
            plan.beneficiary_id.state = "closed"
        return plan._action_open_form()
