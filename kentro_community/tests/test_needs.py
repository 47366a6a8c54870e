from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, HttpCase, tagged

from .common import KentroRegistryCase


class NeedsCase(KentroRegistryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.housing = cls.env.ref("kentro_community.kentro_need_housing")
        cls.employment = cls.env.ref("kentro_community.kentro_need_employment")

    def assess(self, person=None, need=None, day=date(2026, 3, 2), severity="moderate", **values):
        Assessment = self.env["kentro.need.assessment"].with_user(
            values.pop("user", self.user_professional)
        )
        return Assessment.create(
            {
                "beneficiary_id": (person or self.papadopoulos).id,
                "need_id": (need or self.housing).id,
                "date": day,
                "severity": severity,
                **values,
            }
        )


@tagged("kentro", "kentro_needs")
@freeze_time("2026-03-16")
class TestNeedsAssessment(NeedsCase):
    def test_a_reassessment_is_a_new_record_and_keeps_the_history(self):
        first = self.assess(severity="high", notes="Έξωση σε 30 ημέρες")
        self.assertTrue(first.is_current)
        action = first.action_reassess()
        self.assertEqual(action["res_model"], "kentro.need.assessment")
        Assessment = self.env["kentro.need.assessment"].with_user(self.user_professional)
        with Form(Assessment.with_context(**action["context"])) as form:
            self.assertEqual(form.need_id, self.housing)
            self.assertEqual(form.severity, "high")
            self.assertEqual(form.date, date(2026, 3, 16))
            form.severity = "low"
        second = form.record
        self.assertEqual(second.beneficiary_id, self.papadopoulos)
        self.assertNotEqual(second, first)
        self.assertTrue(second.is_current)
        self.assertFalse(first.is_current)
        self.assertEqual(first.severity, "high", "the earlier assessment is not changed")
        history = Assessment.search(first.action_history()["domain"])
        self.assertEqual(history, second | first, "the latest first")

    def test_only_the_latest_of_each_need_of_each_person_is_current(self):
        older = self.assess(day=date(2026, 1, 10))
        latest = self.assess(day=date(2026, 2, 10))
        backdated = self.assess(day=date(2025, 12, 1))
        employment = self.assess(need=self.employment, day=date(2025, 6, 1))
        other_person = self.assess(
            person=self.annex_person, day=date(2025, 6, 1), user=self.user_annex_professional
        )
        Assessment = self.env["kentro.need.assessment"]
        current = Assessment.search(
            [("id", "in", (older | latest | backdated | employment | other_person).ids)]
        ).filtered("is_current")
        self.assertEqual(current, latest | employment | other_person)
        self.assertEqual(
            Assessment.search(
                [("beneficiary_id", "=", self.papadopoulos.id), ("is_current", "=", True)]
            ),
            latest | employment,
            "searchable",
        )
        # The same day: the one recorded last is current.
        same_day = self.assess(day=date(2026, 2, 10))
        self.assertTrue(same_day.is_current)
        self.assertFalse(latest.is_current)
        # Redating the latest back makes the previous one current again.
        same_day.date = date(2026, 1, 1)
        self.assertTrue(latest.is_current)
        self.assertFalse(same_day.is_current)

    def test_the_current_flag_costs_no_query_per_assessment(self):
        people = self.env["kentro.beneficiary"].create(
            [
                {
                    "first_name": f"Δοκιμή {index}",
                    "last_name": "Πολλών",
                    "centre_id": self.centre.id,
                }
                for index in range(7)
            ]
        )
        Assessment = self.env["kentro.need.assessment"]

        def cost(persons):
            before = self.env.cr.sql_log_count
            Assessment.create(
                [{"beneficiary_id": person.id, "need_id": self.housing.id} for person in persons]
            )
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        cost(people[:1])  # the caches of the need, the structure, the user
        self.assertEqual(cost(people[1:3]), cost(people[3:7]))
        self.assertEqual(Assessment.search_count([("beneficiary_id", "in", people.ids)]), 7)

    def test_deleting_the_current_assessment_makes_the_previous_current(self):
        older = self.assess(day=date(2026, 1, 10))
        latest = self.assess(day=date(2026, 2, 10))
        latest.with_user(self.user_manager).unlink()
        self.assertTrue(older.is_current)

    def test_the_file_shows_the_current_needs(self):
        self.assess(day=date(2026, 1, 10))
        latest = self.assess(day=date(2026, 2, 10))
        employment = self.assess(need=self.employment)
        person = self.papadopoulos.with_user(self.user_professional)
        self.assertEqual(person.current_need_assessment_ids, latest | employment)
        self.assertEqual(len(person.need_assessment_ids), 3)

    def test_an_assessment_in_the_future_is_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.assess(day=date(2026, 3, 17))
        self.assertIn("17/03/2026, in the future", str(caught.exception))
        self.assertIn("today at the latest", str(caught.exception))

    def test_the_need_counts_the_people_who_have_it_now(self):
        self.assess(day=date(2026, 1, 10))
        self.assess(day=date(2026, 2, 10))
        self.assess(person=self.annex_person, user=self.user_annex_professional)
        self.assess(person=self.second_centre_person, user=self.env.user)
        housing = self.housing.with_user(self.user_head)
        self.assertEqual(housing.current_people_count, 2, "the centre's and its annex's")
        self.assertEqual(self.housing.with_user(self.user_professional).current_people_count, 1)
        action = housing.action_current_assessments()
        found = (
            self.env["kentro.need.assessment"].with_user(self.user_head).search(action["domain"])
        )
        self.assertEqual(found.beneficiary_id, self.papadopoulos | self.annex_person)
        with self.assertRaises(AccessError):
            self.housing.with_user(self.user_reception).read(["current_people_count"])


@tagged("kentro", "kentro_needs", "kentro_privacy")
@freeze_time("2026-03-16")
class TestNeedsAssessmentAccess(NeedsCase):
    def test_reception_reads_no_assessment(self):
        assessment = self.assess(notes="Εξάρτηση")
        Assessment = self.env["kentro.need.assessment"].with_user(self.user_reception)
        with self.assertRaises(AccessError):
            Assessment.search_read([], ["need_id"])
        with self.assertRaises(AccessError):
            assessment.with_user(self.user_reception).read(["need_id"])
        with self.assertRaises(AccessError):
            Assessment.read_group([], ["need_id"], ["need_id"])
        with self.assertRaises(AccessError):
            self.assess(user=self.user_reception)
        with self.assertRaises(AccessError):
            self.papadopoulos.with_user(self.user_reception).read(["current_need_assessment_ids"])
        with self.assertRaises(AccessError):
            self.env["kentro.beneficiary"].with_user(self.user_reception).search(
                [("need_assessment_ids.need_id", "=", self.housing.id)]
            )

    def test_only_professionals_have_the_menu(self):
        menu = self.env.ref("kentro_community.kentro_need_assessment_menu")
        for user, shown in ((self.user_reception, False), (self.user_professional, True)):
            self.assertEqual(bool(menu.groups_id & user.groups_id), shown, user.login)

    def test_another_structure_is_invisible(self):
        centre = self.assess()
        annex = self.assess(person=self.annex_person, user=self.user_annex_professional)
        as_annex = self.env["kentro.need.assessment"].with_user(self.user_annex_professional)
        self.assertEqual(as_annex.search([]), annex)
        found = [record_id for record_id, _name in as_annex.name_search(self.housing.name)]
        self.assertEqual(found, annex.ids)
        with self.assertRaises(AccessError):
            centre.with_user(self.user_annex_professional).read(["severity"])
        self.assertEqual(
            self.env["kentro.need.assessment"].with_user(self.user_head).search([]),
            centre | annex,
            "the head sees the centre and its annex",
        )
        self.assertFalse(
            self.env["kentro.need.assessment"].with_user(self.user_manager_other).search([]),
            "another municipality sees nothing",
        )
        # An assessment cannot be written for a file of another structure.
        with self.assertRaises(AccessError):
            self.assess(person=self.papadopoulos, user=self.user_annex_professional)

    def test_erasure_blanks_the_notes_and_keeps_the_need(self):
        assessment = self.assess(notes="Οφειλές ενοικίου, απειλή έξωσης")
        self.papadopoulos.with_user(self.user_head).action_anonymise()
        self.env.flush_all()
        self.assertTrue(assessment.exists())
        self.assertIn(assessment.notes, (False, "—"))
        self.assertEqual(assessment.need_id, self.housing, "the statistics keep the need")


@tagged("post_install", "-at_install", "kentro", "kentro_tour", "kentro_needs")
class TestNeedsTour(HttpCase, NeedsCase):
    def test_professional_assesses_and_reassesses_a_need_from_the_file(self):
        self.env["res.lang"]._activate_lang("el_GR")
        self.user_professional.lang = "el_GR"
        self.start_tour(
            f"/odoo/action-kentro_community.kentro_beneficiary_action/{self.papadopoulos.id}",
            "kentro_needs_assessment_tour",
            login="kentro_professional",
        )
        assessments = self.papadopoulos.need_assessment_ids
        self.assertEqual(assessments.need_id, self.housing)
        self.assertEqual(assessments.mapped("severity"), ["low", "high"])
        self.assertEqual(assessments.filtered("is_current").severity, "low")
        self.assertEqual(assessments.user_id, self.user_professional)
