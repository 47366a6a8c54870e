from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.kentro_community.tests.common import new_staff_user

from .common import MobileCase


@tagged("kentro", "kentro_mobile", "kentro_security")
class TestMobileWizardRowsStayWithTheirUser(MobileCase):
    """A crew member's registration at a visit (name, ΑΜΚΑ, phone typed on the
    spot) and poster are read by that crew member only, not by a colleague
    with the same rights at the same unit."""

    def assertHidden(self, records, user, fields):
        Model = records.env[records._name].with_user(user)
        self.assertFalse(Model.search_read([("id", "in", records.ids)], fields))
        with self.assertRaises(AccessError):
            records.with_user(user).read(fields)

    def test_a_registration_on_the_spot_is_read_by_its_user_only(self):
        colleague = new_staff_user(
            self.env,
            "unit_colleague",
            "kentro_community.group_kentro_reception",
            self.municipality,
            self.unit,
        )
        visit = self.new_visit(date(2026, 2, 3))
        registration = (
            self.env["kentro.mobile.registration"]
            .with_user(self.driver)
            .with_context(default_visit_id=visit.id)
            .create(
                {
                    "first_name": "Φατμέ",
                    "last_name": "Μεμέτ",
                    "amka": "19076512345",
                    "phone": "6912345678",
                }
            )
        )
        self.assertEqual(
            registration.with_user(self.driver).read(["amka"])[0]["amka"], "19076512345"
        )
        self.assertHidden(registration, colleague, ["first_name", "last_name", "amka", "phone"])

        poster = (
            self.env["kentro.mobile.poster"]
            .with_user(self.driver)
            .create({"centre_id": self.unit.id, "month": 2, "year": 2026})
        )
        self.assertHidden(poster, colleague, ["centre_id", "month"])
