from odoo import fields, models

from ..tools import groups, structure

REVIEW_STATES = [
    ("planned", "Planned"),
    ("done", "Done"),
    ("missed", "Missed"),
    ("no_show", "The person did not come"),
]


class KentroSupportReview(models.Model):
    """A scheduled review of a support plan: when it is due, and once held,
    the progress towards each goal."""

    _name = "kentro.support.review"
    _description = "Support plan review"
    _order = "scheduled_date desc, id desc"

    plan_id = fields.Many2one("kentro.support.plan", required=True, ondelete="cascade", index=True)
    beneficiary_id = fields.Many2one(related="plan_id.beneficiary_id", store=True, index=True)
    centre_id, company_id = structure.follows("plan_id")
    scheduled_date = fields.Date(required=True, index=True)
    date = fields.Date(string="Held on", readonly=True)
    user_id = fields.Many2one("res.users", string="Case worker", default=lambda self: self.env.user)
    state = fields.Selection(REVIEW_STATES, default="planned", required=True, index=True)
    summary = fields.Text(groups=groups.PROFESSIONAL)
    line_ids = fields.One2many("kentro.support.review.line", "review_id", string="Progress")
