from odoo import api, fields, models

from ..tools import groups


class KentroNeed(models.Model):
    """A coded need (why a person comes, what the assessment finds, what a
    goal of the support plan answers), tied to the service types and
    programmes that usually answer it. The catalogue ships in Greek and each
    municipality may edit it."""

    _name = "kentro.need"
    _description = "Need"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    service_type_ids = fields.Many2many(
        "kentro.service.type",
        string="Service types",
        help="The services that usually answer this need.",
    )
    programme_ids = fields.Many2many(
        "kentro.programme",
        string="Programmes",
        help="The programmes the person may be helped to apply for.",
    )

    current_people_count = fields.Integer(
        string="People with this need",
        compute="_compute_current_people_count",
        groups=groups.PROFESSIONAL,
        help="The people whose latest assessment names this need, among the files you read.",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "A need with this code already exists."),
    ]

    # Counted among the files the user reads: one user's count is not another's.
    @api.depends_context("uid", "allowed_company_ids")
    def _compute_current_people_count(self):
        # As the user: the record rules count only the files they may read.
        counts = dict(
            self.env["kentro.need.assessment"]._read_group(
                [("need_id", "in", self.ids), ("is_current", "=", True)],
                ["need_id"],
                ["beneficiary_id:count_distinct"],
            )
        )
        for need in self:
            need.current_people_count = counts.get(need, 0)

    def action_current_assessments(self):
        """The current assessments of this need, one per person."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kentro_community.kentro_need_assessment_action"
        )
        action["domain"] = [("need_id", "=", self.id), ("is_current", "=", True)]
        action["context"] = {"default_need_id": self.id}
        return action
