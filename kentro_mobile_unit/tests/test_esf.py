from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import MobileCase


@tagged("kentro", "kentro_mobile", "kentro_esf")
class TestMobileEsfEntry(MobileCase):
    """A person whose village is a rural area enters an ESF+ operation as
    from a rural area: the area's degree of urbanisation, or that of the
    municipal unit or municipality it belongs to."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["kentro.esf.operation"].create(
            {
                "name": "Πράξη",
                "code": "5000400",
                "date_start": date(2026, 1, 1),
                "date_end": date(2027, 12, 31),
                "company_id": cls.municipality.id,
                "centre_ids": [(6, 0, (cls.centre | cls.unit).ids)],
            }
        )

    def _enter(self, village):
        person = self.env["kentro.beneficiary"].create(
            {
                "first_name": "Ρούλα",
                "last_name": "Δοκιμής",
                "centre_id": self.unit.id,
                "mobile_area_id": village.id if village else False,
            }
        )
        self.env["kentro.service"].with_user(self.social_worker).create(
            {
                "beneficiary_id": person.id,
                "service_type_id": self.information.id,
                "date": date(2026, 3, 2),
                "user_id": self.social_worker.id,
            }
        )
        return self.env["kentro.esf.participant"].search([("beneficiary_id", "=", person.id)])

    @freeze_time("2026-03-10")
    def test_a_village_of_a_rural_municipality_is_a_rural_area(self):
        # Γλαύκη has no degree of its own: Μύκη's, the municipality's, is rural.
        self.assertFalse(self.glafki.urbanisation)
        self.assertEqual(self.env.ref("kentro_mobile_unit.kentro_area_mykis").urbanisation, "rural")
        self.assertTrue(self._enter(self.glafki).rural)

    @freeze_time("2026-03-10")
    def test_a_town_is_not_a_rural_area(self):
        self.glafki.parent_id.urbanisation = "town"
        self.assertFalse(self._enter(self.glafki).rural)

    @freeze_time("2026-03-10")
    def test_no_village_no_rural_area(self):
        self.assertFalse(self._enter(False).rural)
