from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from ..tools import dates, groups, structure

REVIEW_STATES = [
    ("planned", "Planned"),
    ("done", "Done"),
    ("missed", "Missed"),
    ("no_show", "The person did not come"),
    ("cancelled", "Cancelled"),
]
# A planned review this many days past its date is marked missed.
MISSED_AFTER_DAYS = 7


class KentroSupportReview(models.Model):
    """A scheduled review of a support plan: when it is due, and once held,
    the progress towards each goal."""

    _name = "kentro.support.review"
    _description = "Support plan review"
    _order = "scheduled_date desc, id desc"
    _rec_names_search = ["beneficiary_id"]

    plan_id = fields.Many2one("kentro.support.plan", required=True, ondelete="cascade", index=True)
    beneficiary_id = fields.Many2one(related="plan_id.beneficiary_id", store=True, index=True)
    centre_id, company_id = structure.follows("plan_id")
    scheduled_date = fields.Date(required=True, index=True)
    date = fields.Date(string="Held on", readonly=True)
    recorded_date = fields.Date(
        string="Recorded on",
        readonly=True,
        index=True,
        help="The day the review was recorded as held, missed or not attended.",
    )
    plan_state = fields.Selection(related="plan_id.state", string="Plan status")
    user_id = fields.Many2one("res.users", string="Case worker", default=lambda self: self.env.user)
    state = fields.Selection(REVIEW_STATES, default="planned", required=True, index=True)
    summary = fields.Text(groups=groups.PROFESSIONAL)
    line_ids = fields.One2many("kentro.support.review.line", "review_id", string="Progress")

    @api.depends("scheduled_date", "beneficiary_id.name")
    def _compute_display_name(self):
        for review in self:
            review.display_name = self.env._(
                "Review of %(date)s – %(person)s",
                date=review.scheduled_date and format_date(self.env, review.scheduled_date) or "",
                person=review.beneficiary_id.name or "",
            )

    @api.model_create_multi
    def create(self, vals_list):
        reviews = super().create(vals_list)
        reviews._fill_lines()
        return reviews

    def _fill_lines(self):
        """One line per goal of the plan that the review has no line for yet,
        so that the case worker records progress goal by goal."""
        values = [
            {"review_id": review.id, "goal_id": goal.id}
            for review in self.filtered(lambda r: r.state == "planned")
            for goal in review.plan_id.goal_ids - review.line_ids.goal_id
        ]
        self.env["kentro.support.review.line"].create(values)

    def _check_review_state(self, *states):
        if any(review.state not in states for review in self):
            raise UserError(self.env._("This step is not possible in the review's current status."))

    def action_done(self):
        """The review was held: recorded today, and the plan's next review is
        planned one interval later."""
        self._check_review_state("planned")
        today = fields.Date.context_today(self)
        self.write({"state": "done", "date": today, "recorded_date": today})
        self._plan_next(dict.fromkeys(self.plan_id, today))
        return True

    def action_missed(self):
        self._record_not_held("missed")
        return True

    def action_no_show(self):
        self._record_not_held("no_show")
        return True

    def _record_not_held(self, state):
        self._check_review_state("planned")
        self.write({"state": state, "recorded_date": fields.Date.context_today(self)})
        self._plan_next({review.plan_id: review.scheduled_date for review in self})

    def _plan_next(self, base_dates):
        plans = self.plan_id
        plans._schedule_next_review(base_dates)
        # The plan shows its next planned review (none if it is closed).
        for plan in plans:
            planned = plan.review_ids.filtered(lambda r: r.state == "planned")
            plan.next_review_date = min(planned.mapped("scheduled_date"), default=False)

    @api.model
    def _cron_mark_missed(self):
        """Planned reviews a week past their date were missed: marked so,
        which shows them on the head's dashboard and plans the next one."""
        self = dates.in_greek_time(self)
        limit = fields.Date.context_today(self) - timedelta(days=MISSED_AFTER_DAYS)
        missed = self.search([("state", "=", "planned"), ("scheduled_date", "<", limit)])
        if missed:
            missed._record_not_held("missed")
        return missed
