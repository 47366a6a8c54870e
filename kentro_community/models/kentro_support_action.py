from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import dates, structure

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
        "kentro.support.goal", index=True, domain="[('plan_id', '=', plan_id)]"
    )
    name = fields.Char(string="Action", required=True)
    kind = fields.Selection(ACTION_KINDS, required=True, default="service")
    service_type_id = fields.Many2one("kentro.service.type", string="Service")
    programme_id = fields.Many2one("kentro.programme")
    agency_id = fields.Many2one("res.partner", domain="[('kentro_is_agency', '=', True)]")
    group_activity_id = fields.Many2one(
        "kentro.group.activity", string="Group activity", check_company=True
    )
    user_id = fields.Many2one(
        "res.users", string="Responsible", required=True, default=lambda self: self.env.user
    )
    due_date = fields.Date(index=True)
    state = fields.Selection(
        ACTION_STATES, default="todo", required=True, index=True, group_expand=True
    )
    application_id = fields.Many2one("kentro.application", readonly=True, index=True)
    referral_id = fields.Many2one("kentro.referral", readonly=True, index=True)
    overdue = fields.Boolean(compute="_compute_overdue", search="_search_overdue")
    # The to-do activity an overdue action gave its responsible, on the plan
    # (where the case worker works and the activity is marked done); once
    # given, never again for the same due date.
    overdue_activity_id = fields.Many2one("mail.activity", readonly=True, ondelete="set null")
    overdue_reminded = fields.Boolean(readonly=True, copy=False)
    plan_state = fields.Selection(related="plan_id.state", string="Plan status")

    # The record each kind of action needs; a service of the structure may be
    # named by the action alone (an escort, a home visit).
    KIND_FIELDS = {
        "programme": "programme_id",
        "agency": "agency_id",
        "group": "group_activity_id",
    }

    @api.depends("due_date", "state")
    def _compute_overdue(self):
        today = fields.Date.context_today(self)
        for action in self:
            action.overdue = (
                action.state in ("todo", "in_progress")
                and bool(action.due_date)
                and action.due_date < today
            )

    def _search_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Search overdue actions with «is set» or «is not set»."))
        domain = [
            ("state", "in", ("todo", "in_progress")),
            ("due_date", "<", fields.Date.context_today(self)),
        ]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    @api.constrains("kind", "service_type_id", "programme_id", "agency_id", "group_activity_id")
    def _check_kind(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for action in self:
            fname = self.KIND_FIELDS.get(action.kind)
            if fname and not action[fname]:
                raise ValidationError(
                    self.env._(
                        "The action «%(action)s» is of the kind «%(kind)s»: choose its "
                        "%(field)s, or change the kind.",
                        action=action.name,
                        kind=labels[action.kind],
                        field=self._fields[fname]._description_string(self.env),
                    )
                )

    @api.constrains("goal_id", "plan_id")
    def _check_goal_of_plan(self):
        for action in self:
            if action.goal_id and action.goal_id.plan_id != action.plan_id:
                raise ValidationError(
                    self.env._(
                        "The goal of the action «%(action)s» belongs to another plan: choose "
                        "one of this plan's goals.",
                        action=action.name,
                    )
                )

    def write(self, vals):
        if "due_date" in vals:
            # A new due date: the reminder of the old one goes, a new one may come.
            self.overdue_activity_id.unlink()
            vals = {**vals, "overdue_reminded": False}
        result = super().write(vals)
        if vals.get("state") == "done":
            self.overdue_activity_id.action_feedback()
        elif vals.get("state") == "cancelled":
            self.overdue_activity_id.unlink()
        return result

    # ------------------------------------------------------------------ steps
    def action_start(self):
        self._check_action_state("todo")
        self.write({"state": "in_progress"})

    def action_done(self):
        self._check_action_state("todo", "in_progress")
        self.write({"state": "done"})

    def action_cancel(self):
        self._check_action_state("todo", "in_progress")
        self.write({"state": "cancelled"})

    def _check_action_state(self, *states):
        if any(action.state not in states for action in self):
            raise UserError(self.env._("This step is not possible in the action's current status."))

    def action_create_application(self):
        """The application to the action's programme, for the person, linked
        to the action and opened."""
        self.ensure_one()
        self._check_may_create("programme", "application_id")
        application = self.env["kentro.application"].create(
            {
                "beneficiary_id": self.beneficiary_id.id,
                "centre_id": self.centre_id.id,
                "programme_id": self.programme_id.id,
                "user_id": self.user_id.id,
            }
        )
        self.write({"application_id": application.id, "state": "in_progress"})
        return self._action_open(application)

    def action_create_referral(self):
        """A draft referral of the person to the action's agency, linked to
        the action and opened (it is sent from there, with the consent)."""
        self.ensure_one()
        self._check_may_create("agency", "referral_id")
        referral = self.env["kentro.referral"].create(
            {
                "beneficiary_id": self.beneficiary_id.id,
                "centre_id": self.centre_id.id,
                "agency_id": self.agency_id.id,
                "programme_id": self.programme_id.id,
                "user_id": self.user_id.id,
                "reason": self.name,
            }
        )
        self.write({"referral_id": referral.id, "state": "in_progress"})
        return self._action_open(referral)

    def _check_may_create(self, kind, link_field):
        if self.kind != kind:
            raise UserError(
                self.env._(
                    "The action «%(action)s» is not of the kind «%(kind)s»: change its kind first.",
                    action=self.name,
                    kind=dict(self._fields["kind"]._description_selection(self.env))[kind],
                )
            )
        if self[link_field]:
            raise UserError(
                self.env._(
                    "The action «%(action)s» already has its %(record)s: open it from the action.",
                    action=self.name,
                    record=self._fields[link_field]._description_string(self.env),
                )
            )
        if self.state in ("done", "cancelled") or self.plan_id.state == "closed":
            raise UserError(
                self.env._(
                    "The action «%(action)s» is finished or its plan is closed: nothing more is "
                    "created from it.",
                    action=self.name,
                )
            )

    def _action_open(self, record):
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    # ------------------------------------------------------------------ reminders
    @api.model
    def _cron_overdue_activities(self):
        """Each overdue action of an active plan becomes, once, a to-do
        activity of its responsible on the plan, due on the action's date."""
        self = dates.in_greek_time(self)
        overdue = self.search(
            [
                ("overdue", "=", True),
                ("overdue_reminded", "=", False),
                ("plan_id.state", "=", "active"),
            ]
        )
        if not overdue:
            return overdue
        todo = self.env.ref("mail.mail_activity_data_todo")
        plan_model = self.env["ir.model"]._get_id("kentro.support.plan")
        values = []
        for action in overdue:
            # Written by a cron, read by the case worker: in their language.
            readers = self.with_context(lang=action.company_id._kentro_lang())
            values.append(
                {
                    "res_model_id": plan_model,
                    "res_id": action.plan_id.id,
                    "activity_type_id": todo.id,
                    "date_deadline": action.due_date,
                    "summary": readers.env._("Overdue action: %(action)s", action=action.name),
                    "user_id": action.user_id.id,
                }
            )
        # No e-mail per activity (quick update): the reminders wait in the
        # responsible's activities, and one mail rendered per overdue action
        # every morning would cost a query per action and flood the inbox.
        activities = (
            self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(values)
        )
        # Written to the cache per action, flushed as one UPDATE.
        for action, activity in zip(overdue, activities, strict=True):
            action.write({"overdue_activity_id": activity.id, "overdue_reminded": True})
        return overdue
