from contextlib import contextmanager

from dateutil.relativedelta import relativedelta
from psycopg2 import errors

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..tools import groups

PLAN_STATES = [
    ("draft", "Draft"),
    ("active", "Active"),
    ("closed", "Closed"),
]
OPEN_STATES = ("draft", "active")


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
    goal_count = fields.Integer(compute="_compute_counts")
    open_action_count = fields.Integer(compute="_compute_counts")

    def init(self):
        result = super().init()
        # One open plan (draft or active) per file, whoever writes it at the
        # same moment: the database refuses the second.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS kentro_support_plan_one_open_per_file "
                "ON %s (beneficiary_id) WHERE state IN ('draft', 'active')",
                SQL.identifier(self._table),
            )
        )
        return result

    @api.depends("beneficiary_id.name", "episode", "company_id")
    def _compute_name(self):
        for plan in self:
            # Stored: in the municipality's language, whatever the writer's.
            readers = plan.with_context(lang=plan.company_id._kentro_lang())
            plan.name = readers.env._(
                "Support plan %(episode)s – %(person)s",
                episode=plan.episode,
                person=plan.beneficiary_id.name or "",
            )

    @api.depends("centre_id")
    def _compute_review_interval_months(self):
        for plan in self:
            if not plan.review_interval_months:
                plan.review_interval_months = plan.centre_id.review_interval_months or 3

    def _compute_counts(self):
        goals = dict(
            self.env["kentro.support.goal"]._read_group(
                [("plan_id", "in", self.ids)], ["plan_id"], ["__count"]
            )
        )
        actions = dict(
            self.env["kentro.support.action"]._read_group(
                [("plan_id", "in", self.ids), ("state", "in", ("todo", "in_progress"))],
                ["plan_id"],
                ["__count"],
            )
        )
        for plan in self:
            plan.goal_count = goals.get(plan, 0)
            plan.open_action_count = actions.get(plan, 0)

    def _next_review_from(self, day):
        self.ensure_one()
        return day + relativedelta(months=self.review_interval_months or 3)

    # ------------------------------------------------------------------ create / write
    @api.model_create_multi
    def create(self, vals_list):
        # The file must be one the user may read before anything is said of it.
        self._kentro_check_links(vals_list)
        for vals in vals_list:
            if vals.get("state", "draft") in OPEN_STATES and vals.get("beneficiary_id"):
                self._check_no_open_plan(vals["beneficiary_id"])
        with self._open_plan_race_guard():
            return super().create(vals_list)

    def write(self, vals):
        if vals.get("state") in OPEN_STATES or "beneficiary_id" in vals:
            self._kentro_check_links([vals])
            for plan in self:
                state = vals.get("state", plan.state)
                person = vals.get("beneficiary_id", plan.beneficiary_id.id)
                if state in OPEN_STATES:
                    self._check_no_open_plan(person, exclude=plan)
            with self._open_plan_race_guard():
                return super().write(vals)
        return super().write(vals)

    @contextmanager
    def _open_plan_race_guard(self):
        """Two plans opened for the same file at the same moment both pass
        the check; the unique index refuses the second, and its user reads
        why, in their language."""
        try:
            with self.env.cr.savepoint(flush=False):
                yield
                self.env.flush_all()
        except errors.UniqueViolation as error:
            if error.diag.constraint_name != "kentro_support_plan_one_open_per_file":
                raise
            raise ValidationError(
                self.env._(
                    "This file has just been given an open support plan, perhaps by a colleague "
                    "at this very moment: open that plan instead of starting another."
                )
            ) from None

    @api.model
    def _check_no_open_plan(self, beneficiary_id, exclude=None):
        """Refuse a second open plan of a file with a message, before the
        database's unique index would refuse it with its own."""
        # sudo: only whether the file already has an open plan is read (the
        # plan may be kept by a structure the user does not work at); the
        # message names the file the user is writing a plan for.
        existing = self.sudo().search_count(
            [
                ("beneficiary_id", "=", beneficiary_id),
                ("state", "in", OPEN_STATES),
                ("id", "!=", exclude.id if exclude else False),
            ],
            limit=1,
        )
        if existing:
            person = self.env["kentro.beneficiary"].browse(beneficiary_id)
            raise ValidationError(
                self.env._(
                    "%(person)s already has an open support plan: a file has one open plan "
                    "at a time. Open that plan and go on with it, or close it first.",
                    person=person.display_name,
                )
            )

    # ------------------------------------------------------------------ steps
    def action_activate(self):
        """Agree the plan: it becomes active and its first review is planned
        one interval after its start."""
        self._check_state("draft")
        for plan in self:
            if not plan.goal_ids:
                raise UserError(
                    self.env._(
                        "Add at least one goal to the plan before activating it: a plan is "
                        "reviewed and closed goal by goal."
                    )
                )
        self.write({"state": "active"})
        self._schedule_review({plan: plan._next_review_from(plan.start_date) for plan in self})
        return True

    def _schedule_review(self, dates_by_plan):
        """Plan one review per plan, on the date given for it, and show it as
        the plan's next review."""
        reviews = self.env["kentro.support.review"].create(
            [
                {"plan_id": plan.id, "scheduled_date": day, "user_id": plan.user_id.id}
                for plan, day in dates_by_plan.items()
            ]
        )
        for plan, day in dates_by_plan.items():
            plan.next_review_date = day
        return reviews

    def _schedule_next_review(self, base_dates):
        """After a review was held, missed or not attended: plan the next one,
        one interval after ``base_dates[plan]`` (never before today), for the
        active plans without a planned review."""
        today = fields.Date.context_today(self)
        planned = {
            plan
            for [plan] in self.env["kentro.support.review"]._read_group(
                [("plan_id", "in", self.ids), ("state", "=", "planned")], ["plan_id"]
            )
        }
        wanted = {
            plan: max(plan._next_review_from(base_dates[plan]), today)
            for plan in self
            if plan.state == "active" and plan not in planned
        }
        return self._schedule_review(wanted)

    def action_open_close_wizard(self):
        """Ask the outcome of every goal and the reason, then close."""
        self.ensure_one()
        self._check_state("draft", "active")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Close the support plan"),
            "res_model": "kentro.support.plan.close",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_plan_id": self.id},
        }

    def _close(self, reason):
        """Close the plans: their open actions and planned reviews are
        cancelled; the goals' outcomes are written by the caller."""
        self.write(
            {
                "state": "closed",
                "close_date": fields.Date.context_today(self),
                "close_reason": reason,
                "next_review_date": False,
            }
        )
        self.action_ids.filtered(lambda a: a.state in ("todo", "in_progress")).write(
            {"state": "cancelled"}
        )
        self.review_ids.filtered(lambda r: r.state == "planned").write({"state": "cancelled"})

    def action_reopen(self):
        """A new episode for the file of a closed plan: a new draft plan, the
        file active again if it was closed; the closed plans stay as history."""
        self.ensure_one()
        self._check_state("closed")
        person = self.beneficiary_id
        if person.state == "closed":
            # The file's own reopening: back to active, which clears its
            # closing and retention dates.
            person.state = "active"
        # sudo: only the highest episode number of the file is read, to number
        # the new one; plans of other structures count as episodes too.
        last = self.sudo().search(
            [("beneficiary_id", "=", person.id)], order="episode desc", limit=1
        )
        plan = self.create(
            {
                "beneficiary_id": person.id,
                "centre_id": self.centre_id.id,
                "episode": last.episode + 1,
                "review_interval_months": self.review_interval_months,
            }
        )
        return plan._action_open_form()

    def _action_open_form(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
