from datetime import date

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.kentro_community.tests.common import new_group_activity
from odoo.addons.kentro_community.tools import dates

from .common import MigrantCase


@tagged("kentro", "kentro_migrant")
class TestLegalStatus(MigrantCase):
    def _document(self, person, user=None, **values):
        return (
            self.env["kentro.migrant.document"]
            .with_user(user or self.kem_professional)
            .create({"beneficiary_id": person.id, "number": "Α-1", **values})
        )

    def test_status_must_agree_with_nationality(self):
        person = self.syrian.with_user(self.kem_professional)
        with self.assertRefused(ValidationError, "EU member state"):
            person.nationality_id = self.env.ref("base.fr")
        with self.assertRefused(ValidationError, "EU citizen"):
            self.french.with_user(self.kem_professional).nationality_id = self.env.ref("base.sy")
        self.assertEqual(self.syrian.nationality_id, self.env.ref("base.sy"), "nothing was kept")
        # A stateless refugee, or one whose nationality is not recorded, is fine.
        person.nationality_id = False
        self.assertEqual(self.syrian.migrant_status, "international_protection")

    def test_arrival_date_is_in_the_past_and_after_birth(self):
        person = self.syrian.with_user(self.kem_professional)
        with self.assertRefused(ValidationError, "future"):
            person.arrival_date = dates.greek_today() + relativedelta(days=1)
        with self.assertRefused(ValidationError, "before being born"):
            person.arrival_date = date(1980, 1, 1)
        self.assertEqual(self.syrian.arrival_date, date(2019, 3, 2))

    def test_an_interpreter_needs_a_language(self):
        with self.assertRefused(ValidationError, "which language"):
            self.french.with_user(self.kem_reception).interpreter_needed = True
        self.assertFalse(self.french.interpreter_needed)

    def test_documents_match_the_status_and_have_coherent_dates(self):
        today = dates.greek_today()
        Document = self.env["kentro.migrant.document"]
        with self.assertRefused(ValidationError, "Asylum seeker card"):
            self._document(self.syrian, kind="asylum_card", expiry_date=today)
        with self.assertRefused(ValidationError, "type of residence permit"):
            self._document(self.syrian, kind="residence_permit", expiry_date=today)
        with self.assertRefused(ValidationError, "expires before it was issued"):
            self._document(
                self.syrian,
                kind="adet",
                issue_date=today - relativedelta(days=10),
                expiry_date=today - relativedelta(days=20),
            )
        with self.assertRefused(ValidationError, "issued in the future"):
            self._document(
                self.syrian,
                kind="adet",
                issue_date=today + relativedelta(days=1),
                expiry_date=today + relativedelta(years=3),
            )
        without_status = self.env["kentro.beneficiary"].create(
            {"first_name": "Νέος", "last_name": "Φάκελος", "centre_id": self.kem.id}
        )
        with self.assertRefused(ValidationError, "not recorded"):
            self._document(without_status, kind="adet", expiry_date=today)
        people = self.syrian | without_status
        self.assertFalse(
            Document.search([("beneficiary_id", "in", people.ids)]), "no refused document was saved"
        )
        adet = self._document(
            self.syrian,
            kind="adet",
            issue_date=today - relativedelta(years=1),
            expiry_date=today + relativedelta(years=2),
        )
        self.assertEqual(adet.display_name, "Refugee residence permit (ΑΔΕΤ) Α-1")
        self.assertEqual(adet.centre_id, self.kem, "the person's structure")
        self.assertEqual(self.syrian.legal_document_ids, adet)

    @freeze_time("2026-01-10")
    def test_expiry_alerts_before_the_expiry_and_for_the_expired(self):
        soon = self._document(self.syrian, kind="adet", expiry_date=date(2026, 2, 20))
        later = self._document(self.syrian, kind="adet", number="Α-2", expiry_date=date(2026, 5, 1))
        expired = self._document(self.afghan, kind="asylum_card", expiry_date=date(2026, 1, 5))
        self.assertEqual(
            (soon.expiry_state, later.expiry_state, expired.expiry_state),
            ("expiring", "valid", "expired"),
        )
        Document = self.env["kentro.migrant.document"]
        Document._cron_expiry_alerts()
        self.assertEqual(len(soon.activity_ids), 1)
        self.assertEqual(soon.activity_ids.user_id, self.kem_professional, "who follows it")
        self.assertEqual(soon.activity_ids.date_deadline, date(2026, 2, 20))
        self.assertEqual(expired.activity_ids.date_deadline, date(2026, 1, 10), "due today")
        self.assertFalse(later.activity_ids, "more than 60 days away")

        Document._cron_expiry_alerts()
        self.assertEqual(len(soon.activity_ids | expired.activity_ids), 2, "once only")

        # The municipality wants 120 days; a renewed card is watched again.
        self.municipality.kentro_expiry_alert_days = 120
        Document._cron_expiry_alerts()
        self.assertEqual(len(later.activity_ids), 1)
        soon.expiry_date = date(2027, 2, 20)
        self.assertFalse(soon.expiry_alerted)
        self.assertEqual(soon.expiry_state, "valid")

    def test_greek_course_raises_the_level_in_the_file(self):
        course = new_group_activity(
            self.env,
            "Ελληνικά Α1",
            self.kem,
            "kentro_migrant_annex.kentro_service_type_greek_course",
            session_ids=[
                (0, 0, {"date": dates.greek_today(), "attendee_ids": [(6, 0, self.syrian.ids)]}),
                (0, 0, {"date": dates.greek_today(), "attendee_ids": [(6, 0, self.afghan.ids)]}),
            ],
        )
        self.assertTrue(course.greek_course)
        course.session_ids[0].action_mark_held()
        self.syrian.greek_level = "a1"
        result = self.env["kentro.greek.course.result"].create(
            {"activity_id": course.id, "beneficiary_id": self.syrian.id, "level_start": "a1"}
        )
        self.assertEqual(result.sessions_attended, 1, "held sessions only")
        result.level_reached = "a2"
        self.assertEqual(self.syrian.greek_level, "a2")
        result.level_reached = "a1"
        self.assertEqual(self.syrian.greek_level, "a2", "a level reached is never lowered")
        services = self.env["kentro.service"].search(
            [("group_session_id", "in", course.session_ids.ids)]
        )
        self.assertEqual(services.beneficiary_id, self.syrian)


@tagged("kentro", "kentro_migrant", "kentro_security")
class TestLegalStatusAccess(MigrantCase):
    def setUp(self):
        super().setUp()
        export = self.env.ref("base.group_allow_export")
        (self.kem_reception | self.kem_professional | self.user_head).write(
            {"groups_id": [(4, export.id)]}
        )
        self.card = self.env["kentro.migrant.document"].create(
            {
                "beneficiary_id": self.afghan.id,
                "kind": "asylum_card",
                "number": "ΔΑ 1",
                "expiry_date": dates.greek_today() + relativedelta(days=30),
            }
        )

    def test_reception_sees_the_interpreter_need_not_the_status(self):
        Beneficiary = self.env["kentro.beneficiary"].with_user(self.kem_reception)
        [row] = Beneficiary.search_read(
            [("id", "=", self.syrian.id)], ["interpreter_needed", "interpreter_language_id"]
        )
        self.assertEqual(
            (row["interpreter_needed"], row["interpreter_language_id"][0]), (True, self.arabic.id)
        )
        self.assertNotIn("migrant_status", Beneficiary.fields_get())
        for field in ("migrant_status", "origin_country_id", "legal_document_ids", "arrival_date"):
            with self.assertRaises(AccessError):
                Beneficiary.search_read([("id", "=", self.syrian.id)], [field])
        with self.assertRaises(AccessError):
            Beneficiary.read_group([], ["migrant_status"], ["migrant_status"])
        with self.assertRaises(AccessError):
            Beneficiary.search([("migrant_status", "=", "asylum_seeker")])
        with self.assertRaises(AccessError):
            Beneficiary.search([]).export_data(["migrant_status"])
        with self.assertRaises(AccessError):
            self.env["kentro.migrant.document"].with_user(self.kem_reception).search_read([])
        # Booking still works for reception: the form shows the need.
        form = Form(self.env["calendar.event"].with_user(self.kem_reception))
        form.kentro_beneficiary_id = self.syrian
        self.assertEqual(form.kentro_interpreter_language_id, self.arabic)

    def test_a_nationality_refused_by_the_status_does_not_tell_reception_the_status(self):
        """Reception corrects nationalities but does not read the legal status:
        the refusal must not say which status the person has."""
        for person, country in ((self.syrian, "base.fr"), (self.french, "base.sy")):
            with self.assertRaises(ValidationError) as refusal:
                person.with_user(self.kem_reception).nationality_id = self.env.ref(country)
            message = str(refusal.exception)
            for word in ("EU citizen", "EU member state", "status «"):
                self.assertNotIn(word, message)
            self.assertIn("professional", message)
        self.assertEqual(self.syrian.nationality_id, self.env.ref("base.sy"), "nothing was kept")

    def test_a_birthdate_refused_by_the_arrival_does_not_tell_reception_of_an_arrival(self):
        """Reception corrects dates of birth but does not read the arrival date:
        the refusal must not say that there is one, nor when."""
        with self.assertRaises(ValidationError) as refusal:
            self.syrian.with_user(self.kem_reception).birthdate = date(2020, 1, 1)
        message = str(refusal.exception)
        for word in ("arrived", "arrival", "Greece", "2019"):
            self.assertNotIn(word, message)
        self.assertIn("professional", message)
        self.assertNotEqual(self.syrian.birthdate, date(2020, 1, 1), "nothing was kept")

    def test_annex_professionals_and_the_head_see_the_status(self):
        for user in (self.kem_professional, self.user_head):
            Beneficiary = self.env["kentro.beneficiary"].with_user(user)
            statuses = {
                row["id"]: row["migrant_status"]
                for row in Beneficiary.search_read(
                    [("centre_id", "=", self.kem.id)], ["migrant_status"]
                )
            }
            self.assertEqual(statuses[self.afghan.id], "asylum_seeker")
            grouped = dict(
                Beneficiary._read_group(
                    [("centre_id", "=", self.kem.id)], ["migrant_status"], ["__count"]
                )
            )
            self.assertEqual(grouped["international_protection"], 1)
            exported = Beneficiary.search([("id", "=", self.afghan.id)]).export_data(
                ["migrant_status"]
            )["datas"]
            self.assertEqual(exported, [["Asylum seeker"]])
            self.assertEqual(
                self.env["kentro.migrant.document"].with_user(user).name_search("ΔΑ"),
                [(self.card.id, self.card.display_name)],
            )

    def test_main_centre_professionals_do_not_see_the_kem_files(self):
        Beneficiary = self.env["kentro.beneficiary"].with_user(self.user_professional)
        self.assertFalse(Beneficiary.search([("centre_id", "=", self.kem.id)]))
        self.assertFalse(Beneficiary.name_search("Χοσεϊνί"))
        self.assertFalse(
            self.env["kentro.migrant.document"].with_user(self.user_professional).search([])
        )
        with self.assertRaises(AccessError):
            self.card.with_user(self.user_professional).read(["number"])

    def test_esf_counts_kem_people_as_third_country_nationals(self):
        wizard = self.env["kentro.activity.report"].create(
            {
                "report_type": "esf",
                "centre_id": self.centre.id,
                "date_from": dates.greek_today() - relativedelta(days=1),
                "date_to": dates.greek_today(),
            }
        )
        rows = {row[0]: row[1] for row in wizard._esf_sections()[0]["rows"]}
        # The Syrian (non-EU nationality) and the Afghan asylum seeker (no
        # nationality recorded); not the French EU citizen.
        self.assertEqual(rows["Third-country nationals"], 2)
