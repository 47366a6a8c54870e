from odoo import api, fields, models

from ..tools import greek, groups


class KentroJobSeeker(models.Model):
    """A beneficiary registered with the Job Bank, with skills and CV."""

    _name = "kentro.job.seeker"
    _description = "Job seeker"
    _inherit = ["kentro.casework.mixin", "mail.thread"]
    _order = "registration_date desc, id desc"
    _rec_names_search = ["beneficiary_id"]

    beneficiary_id = fields.Many2one(ondelete="cascade", tracking=True)
    user_id = fields.Many2one(
        "res.users", string="Employment counsellor", default=lambda self: self.env.user
    )
    skill_ids = fields.Many2many("kentro.skill", string="Skills")
    area = fields.Char(help="Where the person can work (town, village, municipal unit).")
    area_key = fields.Char(compute="_compute_area_key", store=True, index=True)
    registration_date = fields.Date(
        string="Registered on", required=True, default=fields.Date.context_today
    )
    education = fields.Selection(
        [
            ("none", "No formal education"),
            ("primary", "Primary school"),
            ("lower_secondary", "Lower secondary (Gymnasio)"),
            ("upper_secondary", "Upper secondary (Lykeio)"),
            ("vocational", "Vocational training"),
            ("tertiary", "University or college"),
        ]
    )
    cv = fields.Binary(string="CV", attachment=True, groups=groups.PROFESSIONAL)
    cv_filename = fields.Char(groups=groups.PROFESSIONAL)
    notes = fields.Text(groups=groups.PROFESSIONAL)
    state = fields.Selection(
        [("active", "Looking for work"), ("placed", "Placed"), ("withdrawn", "Withdrawn")],
        default="active",
        required=True,
        tracking=True,
    )
    placement_ids = fields.One2many("kentro.job.placement", "seeker_id", string="Placements")

    _sql_constraints = [
        (
            "beneficiary_uniq",
            "unique(beneficiary_id)",
            "This beneficiary is already registered as a job seeker.",
        ),
    ]

    @api.depends("area")
    def _compute_area_key(self):
        for seeker in self:
            seeker.area_key = greek.normalize(seeker.area) if seeker.area else False

    def _compute_display_name(self):
        for seeker in self:
            seeker.display_name = seeker.beneficiary_id.name or ""

    def action_withdraw(self):
        self.write({"state": "withdrawn"})

    def action_reactivate(self):
        self.write({"state": "active"})
