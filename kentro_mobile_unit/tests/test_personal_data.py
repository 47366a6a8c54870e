from datetime import date

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.kentro_community.tests.common import new_company_user, zip_report

from .common import MobileCase


@tagged("kentro", "kentro_mobile", "kentro_privacy", "kentro_personal_data")
class TestMobilePersonalData(MobileCase):
    """The unit's data is in the person's right-of-access copy and the notes
    of its services go when the file is erased, because the unit declares it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("el_GR")
        cls.visit = cls.new_visit(cls, date(2026, 2, 3))
        cls.person = cls.env["kentro.beneficiary"].create(
            {
                "first_name": "Φατμέ",
                "last_name": "Μεμέτ",
                "centre_id": cls.unit.id,
                "mobile_area_id": cls.glafki.id,
            }
        )
        cls.person.partner_id.lang = "el_GR"
        cls.service = cls.env["kentro.service"].create(
            {
                "beneficiary_id": cls.person.id,
                "service_type_id": cls.information.id,
                "centre_id": cls.unit.id,
                "date": date(2026, 2, 3),
                "mobile_visit_id": cls.visit.id,
                "notes": "Ρώτησε για το επίδομα θέρμανσης",
            }
        )

    def test_the_export_holds_the_village_and_the_unit_visits(self):
        _name, content = self.person.with_user(self.user_head)._subject_access_zip()
        text, _names = zip_report(content)
        self.assertIn(self.visit.with_context(lang="el_GR").display_name, text)
        self.assertIn(self.glafki.with_context(lang="el_GR").display_name, text)
        self.assertIn("Ρώτησε για το επίδομα θέρμανσης", text)

    def test_erasure_blanks_the_notes_of_the_unit_services(self):
        self.person.with_user(self.user_head).action_anonymise()
        self.assertFalse(self.service.notes)
        self.assertEqual(self.service.mobile_visit_id, self.visit, "the visit's figures stay")
        self.assertNotIn("Μεμέτ", self.person.name)


@tagged("post_install", "-at_install", "kentro", "kentro_mobile", "kentro_privacy")
class TestPosterReportRoute(HttpCase, MobileCase):
    """The poster is printed only by the user who filled the wizard in."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.poster = (
            cls.env["kentro.mobile.poster"]
            .with_user(cls.social_worker)
            .create({"centre_id": cls.unit.id, "month": 1, "year": 2026})
        )
        cls.portal = new_company_user(
            cls.env, "kentro_mobile_portal", "base.group_portal", cls.municipality
        )

    def url(self, converter):
        return (
            f"/report/{converter}/kentro_mobile_unit.kentro_mobile_poster_document/{self.poster.id}"
        )

    def test_every_report_of_the_unit_is_covered_here(self):
        reports = self.env["ir.actions.report"].search(
            [("report_name", "=like", "kentro_mobile_unit.%")]
        )
        self.assertEqual(
            reports.mapped("report_name"), ["kentro_mobile_unit.kentro_mobile_poster_document"]
        )

    @mute_logger("odoo.http")
    def test_only_its_user_prints_the_poster(self):
        for user in (self.user_employee, self.portal, self.user_manager_other, self.driver):
            self.authenticate(user.login, user.login)
            for converter in ("html", "pdf"):
                response = self.url_open(self.url(converter), allow_redirects=False)
                self.assertNotEqual(response.status_code, 200, f"{user.login} {converter}")
                self.assertNotIn(self.unit.name, response.text)
        self.authenticate(self.social_worker.login, self.social_worker.login)
        response = self.url_open(self.url("html"))
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.unit.name, response.text)
