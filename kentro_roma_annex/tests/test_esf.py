from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import SettlementCase


@tagged("kentro", "kentro_roma", "kentro_esf")
class TestRomaEsfEntry(SettlementCase):
    """A person of a Roma settlement enters an ESF+ operation as belonging to
    a minority incl. Roma, unless they declined to answer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["kentro.esf.operation"].create(
            {
                "name": "Πράξη",
                "code": "5000200",
                "date_start": date(2026, 1, 1),
                "date_end": date(2027, 12, 31),
                "company_id": cls.municipality.id,
                "centre_ids": [(6, 0, cls.roma_annex.ids)],
            }
        )
        cls.information = cls.env.ref("kentro_community.kentro_service_type_information")

    def _enter(self, person):
        self.env["kentro.service"].with_user(self.mediator).create(
            {
                "beneficiary_id": person.id,
                "service_type_id": self.information.id,
                "date": date(2026, 3, 2),
                "user_id": self.mediator.id,
            }
        )
        return self.env["kentro.esf.participant"].search([("beneficiary_id", "=", person.id)])

    @freeze_time("2026-03-10")
    def test_a_settlement_s_people_belong_to_a_minority(self):
        mother, son, _daughter = self.members
        self.assertEqual(self._enter(mother).minority, "yes")
        son.esf_sensitive_refused = True
        self.assertEqual(self._enter(son).minority, "refused")

    @freeze_time("2026-03-10")
    def test_a_person_of_no_settlement_is_answered_from_the_file(self):
        person = self.env["kentro.beneficiary"].create(
            {"first_name": "Άννα", "last_name": "Δοκιμής", "centre_id": self.roma_annex.id}
        )
        self.assertEqual(self._enter(person).minority, "no")
