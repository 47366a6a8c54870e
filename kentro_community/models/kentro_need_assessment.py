from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

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
    the earlier ones stay as the history of the need, and only the latest one
    of each need of a person is current."""

    _name = "kentro.need.assessment"
    _description = "Needs assessment"
    _inherit = ["kentro.casework.mixin"]
    _order = "date desc, id desc"
    _rec_name = "need_id"

    beneficiary_id = fields.Many2one(ondelete="cascade")
    need_id = fields.Many2one("kentro.need", required=True, index=True)
    severity = fields.Selection(SEVERITIES, required=True, default="moderate")
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    user_id = fields.Many2one(
        "res.users", string="Assessed by", required=True, default=lambda self: self.env.user
    )
    notes = fields.Text(groups=groups.PROFESSIONAL)
    is_current = fields.Boolean(
        string="Current",
        compute="_compute_is_current",
        store=True,
        index=True,
        help="The latest assessment of this need of the person; the earlier ones are its history.",
    )

    @api.depends(
        "beneficiary_id",
        "need_id",
        "date",
        "beneficiary_id.need_assessment_ids.need_id",
        "beneficiary_id.need_assessment_ids.date",
    )
    def _compute_is_current(self):
        saved = self.filtered("id")
        (self - saved).is_current = False
        if not saved:
            return
        # One query for the batch, over all the person's assessments whatever
        # the user reads: which one is the latest is a fact of the file.
        self.flush_model(["beneficiary_id", "need_id", "date"])
        self.env.cr.execute(
            SQL(
                """SELECT DISTINCT ON (beneficiary_id, need_id) id
                     FROM kentro_need_assessment
                    WHERE beneficiary_id = ANY(%s)
                 ORDER BY beneficiary_id, need_id, date DESC, id DESC""",
                saved.beneficiary_id.ids,
            )
        )
        latest = {row[0] for row in self.env.cr.fetchall()}
        # Assigned in two batches: one by one, Odoo reads each previous value.
        current = saved.filtered(lambda assessment: assessment.id in latest)
        current.is_current = True
        (saved - current).is_current = False

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        for assessment in self:
            if assessment.date > today:
                raise ValidationError(
                    self.env._(
                        "The assessment of «%(need)s» is dated %(date)s, in the future: date it "
                        "on the day the need was assessed, today at the latest.",
                        need=assessment.need_id.name,
                        date=assessment.date.strftime("%d/%m/%Y"),
                    )
                )

    def action_reassess(self):
        """A new assessment of the same need of the person, today, with the
        severity found last time to start from: the earlier one stays."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reassessment"),
            "res_model": self._name,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_beneficiary_id": self.beneficiary_id.id,
                "default_need_id": self.need_id.id,
                "default_severity": self.severity,
            },
        }

    def action_history(self):
        """Every assessment of this need of the person, the latest first."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("History of «%(need)s»", need=self.need_id.name),
            "res_model": self._name,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [
                ("beneficiary_id", "=", self.beneficiary_id.id),
                ("need_id", "=", self.need_id.id),
            ],
        }
