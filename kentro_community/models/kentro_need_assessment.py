from odoo import fields, models

from ..tools import groups

SEVERITIES = [
    ("low", "Low"),
    ("moderate", "Moderate"),
    ("high", "High"),
    ("critical", "Critical"),
]


class KentroNeedAssessment(models.Model):
    """One need of a person as a professional assessed it (κοινωνική
    διερεύνηση), with its severity and date. A reassessment is a new record:
    the earlier ones stay as the history of the need."""

    _name = "kentro.need.assessment"
    _description = "Needs assessment"
    _inherit = ["kentro.casework.mixin"]
    _order = "date desc, id desc"
    _rec_name = "need_id"

    beneficiary_id = fields.Many2one(ondelete="cascade")
    need_id = fields.Many2one("kentro.need", string="Need", required=True, index=True)
    severity = fields.Selection(SEVERITIES, required=True, default="moderate")
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    user_id = fields.Many2one(
        "res.users", string="Assessed by", required=True, default=lambda self: self.env.user
    )
    notes = fields.Text(groups=groups.PROFESSIONAL)
