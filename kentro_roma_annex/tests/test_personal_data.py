from datetime import date

from odoo.tests import tagged

from odoo.addons.kentro_community.tests.common import zip_report

from .common import SettlementCase


@tagged("kentro", "kentro_roma", "kentro_privacy", "kentro_personal_data")
class TestRomaPersonalData(SettlementCase):
    """The annex's data is in the person's right-of-access copy and its free
    text goes when the file is erased, because the annex declares it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("el_GR")
        cls.child = cls.members[1]
        cls.child.write({"birthdate": date(2016, 9, 1)})
        cls.child.partner_id.lang = "el_GR"
        Escort = cls.env["kentro.roma.escort"].with_user(cls.mediator)
        cls.escort = Escort.create(
            {
                "beneficiary_id": cls.child.id,
                "destination": "hospital",
                "purpose": "Εμβόλια στο Νοσοκομείο Βοστάνειο",
                "outcome": "Έγινε ο εμβολιασμός",
            }
        )
        cls.school = (
            cls.env["kentro.roma.school.record"]
            .with_user(cls.mediator)
            .create(
                {
                    "beneficiary_id": cls.child.id,
                    "school": "3ο Δημοτικό Σχολείο Μυτιλήνης",
                    "grade": "Β2",
                    "actions": "Συνάντηση με τη δασκάλα",
                }
            )
        )
        cls.visit = (
            cls.env["kentro.roma.field.visit"]
            .with_user(cls.mediator)
            .create(
                {
                    "settlement_id": cls.settlement.id,
                    "date": date(2026, 3, 10),
                    "purpose": "Ενημέρωση για τα σχολεία",
                    "attendee_ids": [(6, 0, cls.child.ids)],
                }
            )
        )
        cls.visit.action_done()

    def test_the_export_holds_settlement_escorts_school_and_visits(self):
        _name, content = self.child.with_user(self.user_head)._subject_access_zip()
        text, _names = zip_report(content)
        for expected in (
            "Οικισμός Αγίας Παρασκευής",  # settlement, and the visit's name
            "Εμβόλια στο Νοσοκομείο Βοστάνειο",  # escort
            "3ο Δημοτικό Σχολείο Μυτιλήνης",  # school record
            "Συνάντηση με τη δασκάλα",
        ):
            self.assertIn(expected, text)

    def test_erasure_blanks_escorts_and_school_records(self):
        self.child.with_user(self.user_head).action_anonymise()
        self.assertNotIn("Βοστάνειο", self.escort.purpose)
        self.assertFalse(self.escort.outcome)
        self.assertFalse(self.school.school or self.school.grade or self.school.actions)
        # Shared with everyone met there: the visit and the settlement stay.
        self.assertIn(self.child, self.visit.attendee_ids)
        self.assertEqual(self.child.roma_settlement_id, self.settlement)
