from odoo import api, fields, models

from ..tools import structure

ACTION_KINDS = [
    ("service", "Service of the structure"),
    ("programme", "Application to a programme"),
    ("agency", "Referral to an agency"),
    ("group", "Group activity"),
]
ACTION_STATES = [
    ("todo", "To do"),
    ("in_progress", "In progress"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]


class KentroSupportAction(models.Model):
    """A step of a support plan towards one of its goals: a service of the
    structure, an application to a programme, a referral to an agency or a
    group activity, with who is responsible and by when."""

    _name = "kentro.support.action"
    _description = "Support plan action"
    _inherit = ["mail.activity.mixin"]
    _order = "due_date, id"

    plan_id = fields.Many2one("kentro.support.plan", required=True, ondelete="cascade", index=True)
    beneficiary_id = fields.Many2one(related="plan_id.beneficiary_id", store=True, index=True)
    centre_id, company_id = structure.follows("plan_id")
    goal_id = fields.Many2one(
        "kentro.support.goal", string="Goal", index=True, domain="[('plan_id', '=', plan_id)]"
    )
    name = fields.Char(string="Action", required=True)
    kind = fields.Selection(ACTION_KINDS, required=True, default="service")
    service_type_id = fields.Many2one("kentro.service.type", string="Service")
    programme_id = fields.Many2one("kentro.programme", string="Programme")
    agency_id = fields.Many2one(
        "res.partner", string="Agency", domain="[('kentro_is_agency', '=', True)]"
    )
    group_activity_id = fields.Many2one(
        "kentro.group.activity", string="Group activity", check_company=True
    )
    user_id = fields.Many2one(
        "res.users", string="Responsible", required=True, default=lambda self: self.env.user
    )
    due_date = fields.Date(index=True)
    state = fields.Selection(ACTION_STATES, default="todo", required=True, index=True)
    application_id = fields.Many2one("kentro.application", readonly=True, index=True)
    referral_id = fields.Many2one("kentro.referral", readonly=True, index=True)
    overdue = fields.Boolean(compute="_compute_overdue")

    @api.depends("due_date", "state")
    def _compute_overdue(self):
        today = fields.Date.context_today(self)
        for action in self:
            action.overdue = (
                action.state in ("todo", "in_progress")
                and bool(action.due_date)
                and action.due_date < today
            )
