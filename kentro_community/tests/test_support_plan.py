"""The individual support plan's life: activation and one open plan per file,
actions that create applications and referrals, overdue actions as
activities, reviews, closure with outcomes, reopening as a new episode."""

from datetime import date
from unittest.mock import patch

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import ThreeAxesCase, new_group_activity, new_staff_user


class SupportPlanCase(ThreeAxesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.centre.staff_ids = cls.user_reception | cls.user_professional | cls.user_head
        cls.housing = cls.env.ref("kentro_community.kentro_need_housing")
        cls.financial = cls.env.ref("kentro_community.kentro_need_financial")

    def _plan(self, person=None, user=None, goals=("Στέγαση",), **values):
        Plan = self.env["kentro.support.plan"].with_user(user or self.user_professional)
        return Plan.create(
            {
                "beneficiary_id": (person or self.mother).id,
                "goal_ids": [(0, 0, {"name": name, "need_id": self.housing.id}) for name in goals],
                **values,
            }
        )

    def _action(self, plan, kind="service", kind_override=None, **values):
        defaults = {
            "service": {"service_type_id": self.application_support.id},
            "programme": {"programme_id": self.gmi.id},
            "agency": {"agency_id": self.dypa.id},
            "group": {},
        }[kind]
        return (
            self.env["kentro.support.action"]
            .with_user(self.user_professional)
            .create(
                {
                    "plan_id": plan.id,
                    "goal_id": plan.goal_ids[:1].id,
                    "name": "Ενέργεια",
                    "kind": kind_override or kind,
                    **defaults,
                    **values,
                }
            )
        )


@tagged("post_install", "-at_install", "kentro")
class TestSupportPlanActivation(SupportPlanCase):
    @freeze_time("2026-01-15 10:00:00")
    def test_activation_plans_the_first_review(self):
        plan = self._plan(start_date=date(2026, 1, 15))
        plan.action_activate()
        self.assertEqual(plan.state, "active")
        self.assertEqual(plan.next_review_date, date(2026, 4, 15))
        review = plan.review_ids
        self.assertEqual(len(review), 1)
        self.assertEqual((review.state, review.scheduled_date), ("planned", date(2026, 4, 15)))
        self.assertEqual(review.line_ids.goal_id, plan.goal_ids)

    def test_a_plan_without_goals_is_not_activated(self):
        plan = self._plan(goals=())
        with self.assertRaisesRegex(UserError, "at least one goal"):
            plan.action_activate()
        self.assertEqual(plan.state, "draft")

    def test_the_interval_comes_from_the_structure_and_may_change_per_plan(self):
        self.centre.review_interval_months = 6
        plan = self._plan()
        self.assertEqual(plan.review_interval_months, 6)
        plan.review_interval_months = 2
        plan.action_activate()
        self.assertEqual(plan.next_review_date, plan.start_date + relativedelta(months=2))

    def test_one_open_plan_per_file_with_a_clear_message(self):
        self._plan()
        with self.assertRaises(ValidationError) as caught:
            self._plan()
        self.assertIn("already has an open support plan", str(caught.exception))
        self.assertIn(self.mother.name, str(caught.exception))
        # Another file is free to have its own.
        self.assertTrue(self._plan(person=self.papadopoulos))

    def test_two_plans_opened_at_the_same_moment_are_refused_by_the_database(self):
        # Both pass the check before either is written: the index decides.
        self._plan()
        Plan = type(self.env["kentro.support.plan"])
        with (
            patch.object(Plan, "_check_no_open_plan", lambda *args, **kwargs: None),
            mute_logger("odoo.sql_db"),
            self.assertRaisesRegex(ValidationError, "at this very moment"),
        ):
            self._plan()
        self.assertEqual(
            self.env["kentro.support.plan"].search_count([("beneficiary_id", "=", self.mother.id)]),
            1,
        )

    def test_a_closed_plan_does_not_count_as_open(self):
        plan = self._plan()
        plan._close("Ολοκληρώθηκε")
        self.assertEqual(self._plan().episode, 1)

    def test_the_file_button_opens_the_open_plan_or_a_new_one(self):
        Person = self.mother.with_user(self.user_professional)
        action = Person.action_open_support_plan()
        self.assertFalse(action.get("res_id"))
        self.assertEqual(action["context"], {"default_beneficiary_id": self.mother.id})
        plan = self._plan()
        self.assertEqual(Person.action_open_support_plan()["res_id"], plan.id)


@tagged("post_install", "-at_install", "kentro")
class TestSupportPlanActions(SupportPlanCase):
    def test_each_kind_needs_its_record(self):
        plan = self._plan()
        for kind, fname in (
            ("programme", "programme_id"),
            ("agency", "agency_id"),
            ("group", "group_activity_id"),
        ):
            with self.subTest(kind=kind):
                with self.assertRaises(ValidationError) as caught:
                    self._action(plan, kind="group", kind_override=kind)
                self.assertIn("change the kind", str(caught.exception))
                self.assertIn(
                    self.env["kentro.support.action"]._fields[fname].string,
                    str(caught.exception),
                )
        # A service of the structure may be named by the action alone.
        self.assertTrue(self._action(plan, kind="group", kind_override="service"))

    def test_the_goal_belongs_to_the_plan(self):
        plan = self._plan()
        other = self._plan(person=self.papadopoulos)
        with self.assertRaisesRegex(ValidationError, "belongs to another plan"):
            self._action(plan, goal_id=other.goal_ids.id)

    def test_a_goal_adds_an_action_on_itself(self):
        plan = self._plan(goals=("Στέγαση", "Εργασία"))
        goal = plan.goal_ids[1]
        opened = goal.with_user(self.user_professional).action_new_action()
        self.assertEqual((opened["res_model"], opened["target"]), ("kentro.support.action", "new"))
        Action = self.env["kentro.support.action"].with_user(self.user_professional)
        with Form(Action.with_context(**opened["context"])) as form:
            form.name = "Εγγραφή στη ΔΥΠΑ"
            form.kind = "agency"
            form.agency_id = self.dypa
        self.assertEqual((form.record.plan_id, form.record.goal_id), (plan, goal))

    def test_a_programme_action_creates_the_application_once(self):
        action = self._action(self._plan(), kind="programme")
        opened = action.action_create_application()
        application = action.application_id
        self.assertEqual(opened["res_model"], "kentro.application")
        self.assertEqual(opened["res_id"], application.id)
        self.assertEqual(application.beneficiary_id, self.mother)
        self.assertEqual(application.programme_id, self.gmi)
        self.assertEqual(application.user_id, self.user_professional)
        self.assertEqual(action.state, "in_progress")
        with self.assertRaisesRegex(UserError, "already has its"):
            action.action_create_application()
        self.assertEqual(
            self.env["kentro.application"].search_count([("beneficiary_id", "=", self.mother.id)]),
            1,
        )

    def test_an_agency_action_creates_a_draft_referral_once(self):
        action = self._action(self._plan(), kind="agency", name="Εγγραφή στη ΔΥΠΑ")
        opened = action.action_create_referral()
        referral = action.referral_id
        self.assertEqual((opened["res_model"], opened["res_id"]), ("kentro.referral", referral.id))
        self.assertEqual(
            (referral.state, referral.agency_id, referral.beneficiary_id),
            ("draft", self.dypa, self.mother),
        )
        with self.assertRaisesRegex(UserError, "already has its"):
            action.action_create_referral()

    def test_an_action_creates_only_what_its_kind_says(self):
        action = self._action(self._plan(), kind="service")
        with self.assertRaisesRegex(UserError, "change its kind first"):
            action.action_create_referral()
        with self.assertRaisesRegex(UserError, "change its kind first"):
            action.action_create_application()
        self.assertFalse(action.application_id or action.referral_id)

    def test_an_agency_of_another_municipality_is_refused(self):
        foreign = self.env["res.partner"].create(
            {
                "name": "Φορέας Άλλου Δήμου",
                "is_company": True,
                "kentro_is_agency": True,
                "company_id": self.other_municipality.id,
            }
        )
        with self.assertRaises(AccessError):
            self._action(self._plan(), kind="agency", agency_id=foreign.id)

    def test_a_group_activity_of_another_municipality_is_refused(self):
        foreign = new_group_activity(
            self.env,
            "Ομάδα Άλλου Δήμου",
            self.other_centre,
            "kentro_community.kentro_service_type_information",
        )
        with self.assertRaises(AccessError):
            self._action(
                self._plan(), kind="group", service_type_id=False, group_activity_id=foreign.id
            )


@tagged("post_install", "-at_install", "kentro")
class TestOverdueActions(SupportPlanCase):
    def _activities(self, plan):
        return self.env["mail.activity"].search(
            [("res_model", "=", "kentro.support.plan"), ("res_id", "=", plan.id)]
        )

    def _overdue_plan(self):
        with freeze_time("2026-01-10 10:00:00"):
            plan = self._plan()
            plan.action_activate()
            action = self._action(plan, due_date=date(2026, 2, 1))
        return plan, action

    def test_an_overdue_action_becomes_one_activity_of_its_responsible(self):
        plan, action = self._overdue_plan()
        Action = self.env["kentro.support.action"]
        with freeze_time("2026-02-01 10:00:00"):
            Action._cron_overdue_activities()
            self.assertFalse(self._activities(plan), "due today is not overdue yet")
        with freeze_time("2026-02-03 10:00:00"):
            self.assertTrue(action.overdue)
            self.assertIn(action, Action.search([("overdue", "=", True)]))
            Action._cron_overdue_activities()
            Action._cron_overdue_activities()
        activity = self._activities(plan)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.user_professional)
        self.assertEqual(activity.date_deadline, date(2026, 2, 1))
        self.assertEqual(action.overdue_activity_id, activity)
        # Marked done by the case worker, it does not come back for the same date.
        activity.action_feedback()
        with freeze_time("2026-02-04 10:00:00"):
            Action._cron_overdue_activities()
        self.assertFalse(self._activities(plan))

    def test_a_done_or_cancelled_action_closes_its_activity(self):
        plan, action = self._overdue_plan()
        second = self._action(plan, due_date=date(2026, 2, 1))
        with freeze_time("2026-02-03 10:00:00"):
            self.env["kentro.support.action"]._cron_overdue_activities()
        self.assertEqual(len(self._activities(plan)), 2)
        summary = action.overdue_activity_id.summary
        action.with_user(self.user_professional).action_done()
        second.with_user(self.user_professional).action_cancel()
        self.assertFalse(self._activities(plan))
        # The done one left its trace in the plan's chatter.
        self.assertIn(summary, plan.message_ids[:1].body)

    def test_a_new_due_date_may_be_reminded_again(self):
        plan, action = self._overdue_plan()
        with freeze_time("2026-02-03 10:00:00"):
            self.env["kentro.support.action"]._cron_overdue_activities()
        action.with_user(self.user_professional).due_date = date(2026, 3, 1)
        self.assertFalse(self._activities(plan))
        with freeze_time("2026-03-05 10:00:00"):
            self.env["kentro.support.action"]._cron_overdue_activities()
        self.assertEqual(self._activities(plan).date_deadline, date(2026, 3, 1))

    def test_the_cron_costs_the_same_queries_for_one_or_many_actions(self):
        def queries(count):
            with freeze_time("2026-01-10 10:00:00"):
                person = self.env["kentro.beneficiary"].create(
                    {
                        "first_name": "Άννα",
                        "last_name": f"Δοκιμή {count}",
                        "centre_id": self.centre.id,
                    }
                )
                plan = self._plan(person=person)
                plan.action_activate()
                for _index in range(count):
                    self._action(plan, due_date=date(2026, 2, 1))
            self.env.flush_all()
            self.env.invalidate_all()
            with freeze_time("2026-02-03 10:00:00"):
                before = self.env.cr.sql_log_count
                self.env["kentro.support.action"]._cron_overdue_activities()
                self.env.flush_all()
                return self.env.cr.sql_log_count - before

        queries(1)  # caches warmed: the activity type, the model, the translations
        self.assertEqual(queries(6), queries(1))


@tagged("post_install", "-at_install", "kentro")
class TestSupportPlanReviews(SupportPlanCase):
    def _active_plan(self):
        with freeze_time("2026-01-15 10:00:00"):
            plan = self._plan(start_date=date(2026, 1, 15))
            plan.action_activate()
        return plan

    def test_recording_a_review_plans_the_next(self):
        plan = self._active_plan()
        review = plan.review_ids.with_user(self.user_professional)
        review.line_ids.progress = "good"
        with freeze_time("2026-04-16 10:00:00"):
            review.action_done()
        self.assertEqual((review.state, review.date), ("done", date(2026, 4, 16)))
        planned = plan.review_ids.filtered(lambda r: r.state == "planned")
        self.assertEqual(planned.scheduled_date, date(2026, 7, 16))
        self.assertEqual(plan.next_review_date, date(2026, 7, 16))
        with self.assertRaisesRegex(UserError, "current status"):
            review.action_done()

    def test_a_goal_added_is_reviewed_at_the_next_review(self):
        plan = self._active_plan()
        self.env["kentro.support.goal"].with_user(self.user_professional).create(
            {"plan_id": plan.id, "name": "Εργασία", "need_id": self.financial.id}
        )
        self.assertEqual(plan.review_ids.line_ids.goal_id, plan.goal_ids)

    def test_a_review_past_a_week_is_marked_missed(self):
        plan = self._active_plan()
        review = plan.review_ids
        Review = self.env["kentro.support.review"]
        with freeze_time("2026-04-21 10:00:00"):
            Review._cron_mark_missed()
        self.assertEqual(review.state, "planned")
        with freeze_time("2026-04-23 10:00:00"):
            self.assertEqual(Review._cron_mark_missed(), review)
        self.assertEqual((review.state, review.recorded_date), ("missed", date(2026, 4, 23)))
        self.assertEqual(plan.next_review_date, date(2026, 7, 15))

    def test_a_no_show_plans_the_next_review(self):
        plan = self._active_plan()
        with freeze_time("2026-04-15 10:00:00"):
            plan.review_ids.with_user(self.user_professional).action_no_show()
        self.assertEqual(sorted(plan.review_ids.mapped("state")), ["no_show", "planned"])
        self.assertEqual(plan.next_review_date, date(2026, 7, 15))

    def test_the_dashboard_counts_reviews_due_and_missed(self):
        plans = self._active_plan()
        with freeze_time("2026-01-15 10:00:00"):
            plans |= self._plan(person=self.papadopoulos)
            plans[1].action_activate()
            self._plan(person=self.annex_person, user=self.user_head).action_activate()
        with freeze_time("2026-04-15 10:00:00"):
            plans[0].review_ids.action_no_show()
        with freeze_time("2026-04-20 10:00:00"):
            Centre = self.env["kentro.centre"].with_user(self.user_head)
            centres = Centre.search([("id", "in", (self.centre | self.annex).ids)])
            today = date(2026, 4, 20)
            Review = self.env["kentro.support.review"]
            for centre in centres:
                due = Review.search_count(
                    [
                        ("centre_id", "=", centre.id),
                        ("state", "=", "planned"),
                        ("scheduled_date", "<=", today),
                    ]
                )
                missed = Review.search_count(
                    [
                        ("centre_id", "=", centre.id),
                        ("state", "in", ("missed", "no_show")),
                        ("recorded_date", ">=", date(2026, 4, 1)),
                    ]
                )
                self.assertEqual(centre.dashboard_reviews_due, due)
                self.assertEqual(centre.dashboard_reviews_missed, missed)
            self.assertEqual(centres.mapped("dashboard_reviews_due"), [1, 1])
            self.assertEqual(centres.mapped("dashboard_reviews_missed"), [1, 0])
            opened = (
                centres[0]
                .with_context(dashboard_figure="dashboard_reviews_missed")
                .action_dashboard_open()
            )
            self.assertEqual(
                self.env["kentro.support.review"].search(opened["domain"]),
                plans[0].review_ids.filtered(lambda r: r.state == "no_show"),
            )


@tagged("post_install", "-at_install", "kentro")
class TestSupportPlanClosure(SupportPlanCase):
    def _wizard(self, plan):
        Wizard = self.env["kentro.support.plan.close"].with_user(self.user_professional)
        return Form(Wizard.with_context(default_plan_id=plan.id))

    def _active_plan(self):
        plan = self._plan(goals=("Στέγαση", "Εργασία"))
        plan.action_activate()
        self._action(plan)
        self._action(plan, kind="agency").action_done()
        return plan

    def test_every_goal_needs_its_outcome(self):
        plan = self._active_plan()
        form = self._wizard(plan)
        self.assertEqual(len(form.line_ids), 2)
        with form.line_ids.edit(0) as line:
            line.outcome = "achieved"
        form.reason = "Ολοκληρώθηκε"
        # The form asks for every outcome…
        with self.assertRaisesRegex(AssertionError, "outcome is a required field"):
            form.save()
        # …and so does the server, whatever the client sends.
        wizard = (
            self.env["kentro.support.plan.close"]
            .with_user(self.user_professional)
            .create({"plan_id": plan.id, "reason": "Ολοκληρώθηκε"})
        )
        self.assertEqual(wizard.line_ids.goal_id, plan.goal_ids)
        wizard.line_ids[0].outcome = "achieved"
        with self.assertRaisesRegex(UserError, "outcome of every goal") as caught:
            wizard.action_confirm()
        self.assertIn(plan.goal_ids[1].name, str(caught.exception))
        self.assertNotIn(plan.goal_ids[0].name, str(caught.exception))
        self.assertEqual(plan.state, "active")

    @freeze_time("2026-05-04 10:00:00")
    def test_closing_cancels_the_open_work_and_may_close_the_file(self):
        plan = self._active_plan()
        form = self._wizard(plan)
        for index, outcome in enumerate(("achieved", "referred_on")):
            with form.line_ids.edit(index) as line:
                line.outcome = outcome
        form.reason = "Η οικογένεια μετακόμισε"
        form.close_file = True
        form.save().action_confirm()
        self.assertEqual((plan.state, plan.close_date), ("closed", date(2026, 5, 4)))
        self.assertEqual(plan.goal_ids.mapped("outcome"), ["achieved", "referred_on"])
        self.assertEqual(plan.action_ids.mapped("state"), ["cancelled", "done"])
        self.assertEqual(plan.review_ids.mapped("state"), ["cancelled"])
        self.assertFalse(plan.next_review_date)
        years = self.municipality.kentro_retention_years or 5
        self.assertEqual(
            (self.mother.state, self.mother.closed_date, self.mother.retention_until),
            ("closed", date(2026, 5, 4), date(2026 + years, 5, 4)),
        )

    def test_closing_the_plan_alone_keeps_the_file_open(self):
        plan = self._plan(goals=())
        form = self._wizard(plan)
        form.reason = "Δεν χρειάστηκε"
        form.save().action_confirm()
        self.assertEqual((plan.state, self.mother.state), ("closed", "active"))

    @freeze_time("2026-05-04 10:00:00")
    def test_reopening_starts_a_new_episode_and_keeps_the_history(self):
        plan = self._active_plan()
        form = self._wizard(plan)
        for index in range(2):
            with form.line_ids.edit(index) as line:
                line.outcome = "withdrew"
        form.reason = "Αποχώρησε"
        form.close_file = True
        form.save().action_confirm()
        opened = plan.with_user(self.user_professional).action_reopen()
        new = self.env["kentro.support.plan"].browse(opened["res_id"])
        self.assertEqual((new.episode, new.state), (2, "draft"))
        self.assertEqual(
            (self.mother.state, self.mother.closed_date, self.mother.retention_until),
            ("active", False, False),
        )
        self.assertEqual(plan.state, "closed")
        self.assertEqual(plan.goal_ids.mapped("outcome"), ["withdrew", "withdrew"])
        self.assertEqual(self.mother.with_user(self.user_professional).support_plan_ids, new | plan)
        with self.assertRaisesRegex(UserError, "current state"):
            new.action_reopen()

    def test_the_file_button_reopens_a_closed_file_as_a_new_episode(self):
        plan = self._plan(goals=())
        form = self._wizard(plan)
        form.reason = "Ολοκληρώθηκε"
        form.close_file = True
        form.save().action_confirm()
        self.assertEqual(self.mother.state, "closed")
        opened = self.mother.with_user(self.user_professional).action_open_support_plan()
        new = self.env["kentro.support.plan"].browse(opened["res_id"])
        self.assertEqual((new.episode, new.state, self.mother.state), (2, "draft", "active"))


@tagged("post_install", "-at_install", "kentro")
class TestSupportPlanAccess(SupportPlanCase):
    MODELS = (
        "kentro.support.plan",
        "kentro.support.goal",
        "kentro.support.action",
        "kentro.support.review",
        "kentro.support.review.line",
    )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env["kentro.support.plan"].create(
            {
                "beneficiary_id": cls.mother.id,
                "goal_ids": [(0, 0, {"name": "Στέγαση", "need_id": cls.housing.id})],
            }
        )
        cls.plan.action_activate()
        cls.env["kentro.support.action"].create(
            {
                "plan_id": cls.plan.id,
                "name": "Αίτηση",
                "kind": "programme",
                "programme_id": cls.gmi.id,
            }
        )
        cls.user_second_centre = new_staff_user(
            cls.env,
            "kentro_second_professional",
            "kentro_community.group_kentro_professional",
            cls.municipality,
            cls.second_centre,
        )
        cls.user_other_municipality = new_staff_user(
            cls.env,
            "kentro_other_professional",
            "kentro_community.group_kentro_professional",
            cls.other_municipality,
            cls.other_centre,
        )

    def test_every_model_has_records(self):
        for model in self.MODELS:
            self.assertTrue(self.env[model].search_count([("centre_id", "=", self.centre.id)]))

    def test_reception_reads_nothing_of_plans(self):
        for model in self.MODELS:
            Model = self.env[model].with_user(self.user_reception)
            with self.subTest(model=model):
                with self.assertRaises(AccessError):
                    Model.search_read([], ["id"])
                with self.assertRaises(AccessError):
                    Model.read_group([], ["centre_id"], ["centre_id"])
                with self.assertRaises(AccessError):
                    Model.name_search("")

    def test_reception_sees_no_plan_on_the_file(self):
        form = self.mother.with_user(self.user_reception).get_views([(False, "form")])
        arch = form["views"]["form"]["arch"]
        self.assertNotIn("support_plan_ids", arch)
        with self.assertRaises(AccessError):
            self.mother.with_user(self.user_reception).read(["support_plan_ids"])

    def test_professionals_of_other_structures_see_none(self):
        for user in (self.user_second_centre, self.user_other_municipality):
            for model in self.MODELS:
                Model = self.env[model].with_user(user)
                with self.subTest(user=user.login, model=model):
                    self.assertFalse(Model.search_read([], ["id"]))
                    self.assertFalse(Model.read_group([], ["centre_id"], ["centre_id"]))
                    self.assertFalse(Model.name_search(""))

    def test_the_professional_and_head_of_the_structure_see_them(self):
        for user in (self.user_professional, self.user_head):
            with self.subTest(user=user.login):
                plans = self.env["kentro.support.plan"].with_user(user).search([])
                self.assertEqual(plans, self.plan)

    def test_the_one_open_plan_message_names_only_the_file(self):
        # A professional of another structure writing a plan for a file they
        # may not read is refused by the link guard, not told of the plan.
        with self.assertRaises(AccessError):
            self.env["kentro.support.plan"].with_user(self.user_second_centre).create(
                {"beneficiary_id": self.mother.id, "centre_id": self.second_centre.id}
            )
