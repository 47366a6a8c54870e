from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools import groups

PLAN_STATES = [
    ("draft", "Draft"),
    ("active", "Active"),
    ("closed", "Closed"),
]


class KentroSupportPlan(models.Model):
    """The individual support plan (Ατομικό Σχέδιο Παρέμβασης) of a file: the
    goals agreed with the person, each tied to a need, the actions towards
    them, the scheduled reviews and, at the end, the outcome of each goal.
    One plan is open per file at a time; a file reopened after closure starts
    a new plan, its next episode, and the earlier plans stay as history."""

    _name = "kentro.support.plan"
    _description = "Individual support plan"
    _inherit = ["kentro.casework.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "start_date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    beneficiary_id = fields.Many2one(ondelete="cascade", tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Case worker",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    state = fields.Selection(PLAN_STATES, default="draft", required=True, tracking=True, index=True)
    episode = fields.Integer(
        readonly=True,
        default=1,
        help="1 for the file's first plan; a file reopened after closure starts the next one.",
    )
    start_date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    summary = fields.Text(
        groups=groups.PROFESSIONAL, help="The situation and what was agreed with the person."
    )
    goal_ids = fields.One2many("kentro.support.goal", "plan_id", string="Goals")
    action_ids = fields.One2many("kentro.support.action", "plan_id", string="Actions")
    review_ids = fields.One2many("kentro.support.review", "plan_id", string="Reviews")
    review_interval_months = fields.Integer(
        string="Review every (months)",
        compute="_compute_review_interval_months",
        store=True,
        readonly=False,
        precompute=True,
    )
    next_review_date = fields.Date(tracking=True, index=True)
    close_date = fields.Date(readonly=True, tracking=True)
    close_reason = fields.Text(groups=groups.PROFESSIONAL)

    def init(self):
        # One open plan (draft or active) per file, whoever writes it at the
        # same moment: the database refuses the second.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS kentro_support_plan_one_open_per_file "
                "ON %s (beneficiary_id) WHERE state IN ('draft', 'active')",
                SQL.identifier(self._table),
            )
        )

    @api.depends("beneficiary_id.name", "episode")
    def _compute_name(self):
        for plan in self:
            plan.name = self.env._(
                "Support plan %(episode)s – %(person)s",
                episode=plan.episode,
                person=plan.beneficiary_id.name or "",
            )

    @api.depends("centre_id")
    def _compute_review_interval_months(self):
        for plan in self:
            if not plan.review_interval_months:
                plan.review_interval_months = plan.centre_id.review_interval_months or 3

    def _next_review_from(self, day):
        self.ensure_one()
        return day + relativedelta(months=self.review_interval_months or 3)
