from odoo import api, fields, models

from ..tools import groups, structure

PROGRESS = [
    ("none", "No progress"),
    ("some", "Some progress"),
    ("good", "Good progress"),
    ("achieved", "Achieved"),
    ("worse", "Worse"),
]


class KentroSupportReviewLine(models.Model):
    """The progress towards one goal, recorded at a review."""

    _name = "kentro.support.review.line"
    _description = "Support plan review line"
    _order = "review_id, id"
    _rec_names_search = ["goal_id"]

    review_id = fields.Many2one(
        "kentro.support.review", required=True, ondelete="cascade", index=True
    )
    centre_id, company_id = structure.follows("review_id")
    goal_id = fields.Many2one("kentro.support.goal", required=True, index=True, ondelete="cascade")
    progress = fields.Selection(PROGRESS, required=True, default="some")
    note = fields.Text(groups=groups.PROFESSIONAL)

    @api.depends("goal_id.name")
    def _compute_display_name(self):
        for line in self:
            line.display_name = line.goal_id.name or ""
