from datetime import date

from odoo.tests import tagged

from odoo.addons.kentro_community.tests.common import new_group_activity, zip_report

from .common import MigrantCase


@tagged("kentro", "kentro_migrant", "kentro_privacy", "kentro_personal_data")
class TestMigrantPersonalData(MigrantCase):
    """The annex's data is in the person's right-of-access copy and goes
    when the file is erased, because the annex declares it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("el_GR")
        person = cls.syrian
        person.partner_id.lang = "el_GR"
        cls.permit = (
            cls.env["kentro.migrant.document"]
            .with_user(cls.kem_professional)
            .create(
                {
                    "beneficiary_id": person.id,
                    "kind": "adet",
                    "number": "ΑΔΕΤ-445566",
                    "issue_date": date(2021, 5, 4),
                    "expiry_date": date(2031, 5, 3),
                }
            )
        )
        cls.language = cls.env["kentro.beneficiary.language"].create(
            {"beneficiary_id": person.id, "language_id": cls.arabic.id, "native": True}
        )
        course = new_group_activity(
            cls.env, "Ελληνικά Α1", cls.kem, "kentro_migrant_annex.kentro_service_type_greek_course"
        )
        cls.result = cls.env["kentro.greek.course.result"].create(
            {"activity_id": course.id, "beneficiary_id": person.id, "level_start": "a1"}
        )

    def test_the_export_holds_permits_status_languages_and_courses(self):
        _name, content = self.syrian.with_user(self.user_head)._subject_access_zip()
        text, _names = zip_report(content)
        for expected in (
            "ΑΔΕΤ-445566",  # the permit
            "Δικαιούχος διεθνούς προστασίας",  # the legal status
            "Αραβικά",  # language spoken, and the interpreting language
            "Ελληνικά Α1",  # the Greek course
        ):
            self.assertIn(expected, text)

    def test_erasure_deletes_permits_and_languages_and_keeps_the_statistics(self):
        self.syrian.with_user(self.user_head).action_anonymise()
        self.assertFalse(self.permit.exists())
        self.assertFalse(self.language.exists())
        self.assertFalse(self.syrian.arrival_date)
        # What the ΚΕΜ report counts stays, on an anonymous file.
        self.assertEqual(self.syrian.migrant_status, "international_protection")
        self.assertTrue(self.result.exists())
        self.assertNotIn("Χασάν", self.syrian.name)
