from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import MigrantCase


@tagged("kentro", "kentro_migrant", "kentro_esf")
class TestMigrantEsfEntry(MigrantCase):
    """The ΚΕΜ's legal status answers the ESF+ questions on nationality: a
    third-country status makes a third-country national even when the
    nationality is not recorded, and any migrant status a foreign background,
    unless the person declined to answer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["kentro.esf.operation"].create(
            {
                "name": "Πράξη",
                "code": "5000300",
                "date_start": date(2026, 1, 1),
                "date_end": date(2027, 12, 31),
                "company_id": cls.municipality.id,
                "centre_ids": [(6, 0, cls.kem.ids)],
            }
        )
        cls.information = cls.env.ref("kentro_community.kentro_service_type_information")

    def _enter(self, person, user=None):
        self.env["kentro.service"].with_user(user or self.kem_professional).create(
            {
                "beneficiary_id": person.id,
                "service_type_id": self.information.id,
                "date": date(2026, 3, 2),
                "user_id": self.kem_professional.id,
            }
        )
        participant = self.env["kentro.esf.participant"].search(
            [("beneficiary_id", "=", person.id)]
        )
        return participant.third_country, participant.foreign_background

    @freeze_time("2026-03-10")
    def test_an_asylum_seeker_without_nationality_is_a_third_country_national(self):
        self.assertFalse(self.afghan.nationality_id)
        self.assertEqual(self._enter(self.afghan), (True, "yes"))

    @freeze_time("2026-03-10")
    def test_an_eu_citizen_has_a_foreign_background_only(self):
        self.assertEqual(self._enter(self.french), (False, "yes"))

    @freeze_time("2026-03-10")
    def test_reception_logging_the_service_still_answers_from_the_status(self):
        # Reception may not read the legal status; the entry record is made all the same.
        self.assertEqual(self._enter(self.syrian, user=self.kem_reception), (True, "yes"))

    @freeze_time("2026-03-10")
    def test_a_refusal_stays_a_refusal(self):
        self.afghan.esf_sensitive_refused = True
        self.assertEqual(self._enter(self.afghan), (True, "refused"))

    @freeze_time("2026-03-10")
    def test_a_permit_identifies_a_migrant_without_amka_in_the_file(self):
        self._enter(self.afghan)
        participant = self.env["kentro.esf.participant"].search(
            [("beneficiary_id", "=", self.afghan.id)]
        )
        problems = participant._kentro_problems()
        self.assertIn("ΑΜΚΑ", problems[participant])
        self.env["kentro.migrant.document"].create(
            [
                {
                    "beneficiary_id": self.afghan.id,
                    "kind": kind,
                    "number": number,
                    "expiry_date": expiry,
                }
                for kind, number, expiry in (
                    ("asylum_card", "ΑΣ-1111", date(2026, 6, 30)),
                    ("asylum_card", "ΑΣ-2222", date(2027, 6, 30)),
                )
            ]
        )
        self.assertEqual(participant._kentro_document_number(self.afghan), "ΑΣ-2222")
        self.assertNotIn("ΑΜΚΑ", participant._kentro_problems().get(participant, ""))
