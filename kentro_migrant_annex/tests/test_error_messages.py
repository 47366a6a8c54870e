from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import MigrantCase


@tagged("kentro", "kentro_privacy")
class TestPermitMessages(MigrantCase):
    """Refusals about permits name nobody the user may not read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_kem = cls.env["kentro.centre"].create(
            {
                "name": "ΚΕΜ Άλλου Δήμου",
                "code": "KK-O-KEM",
                "centre_type": "migrant_annex",
                "parent_id": cls.other_centre.id,
                "company_id": cls.other_municipality.id,
            }
        )
        cls.stranger = cls.env["kentro.beneficiary"].create(
            {
                "first_name": "Φατιμά",
                "last_name": "Αλ-Σαγίρ",
                "birthdate": date(1990, 2, 2),
                "centre_id": cls.other_kem.id,
                "migrant_status": "asylum_seeker",
            }
        )

    def test_a_permit_for_a_person_of_another_municipality_names_nobody(self):
        Document = self.env["kentro.migrant.document"].with_user(self.kem_professional)
        # A refugee's permit for an asylum seeker: refused for the status too,
        # but the professional must learn neither the name nor the status.
        with self.assertRaises(UserError) as caught:
            Document.create(
                {
                    "beneficiary_id": self.stranger.id,
                    "centre_id": self.kem.id,
                    "kind": "adet",
                    "number": "ΑΔΕΤ-0001",
                    "expiry_date": date(2030, 1, 1),
                }
            )
        message = str(caught.exception)
        self.assertIn("does not exist or you have no access to it", message)
        for secret in ("Αλ-Σαγίρ", "Φατιμά", "Asylum seeker", "Αιτών άσυλο", "ΚΕΜ Άλλου Δήμου"):
            self.assertNotIn(secret, message)
        # sudo: nothing was written, whoever looks.
        self.assertFalse(self.stranger.sudo().legal_document_ids)

    def test_own_person_is_named_with_their_status(self):
        Document = self.env["kentro.migrant.document"].with_user(self.kem_professional)
        with self.assertRaises(ValidationError) as caught:
            Document.create(
                {
                    "beneficiary_id": self.afghan.id,
                    "kind": "adet",
                    "number": "ΑΔΕΤ-0002",
                    "expiry_date": date(2030, 1, 1),
                }
            )
        self.assertIn(self.afghan.name, str(caught.exception))
