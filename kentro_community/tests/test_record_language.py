from datetime import date

from freezegun import freeze_time

from .common import KentroRegistryCase


class TestRecordLanguage(KentroRegistryCase):
    """What Kentro writes into records (chatter lines, activity summaries,
    an anonymised name) is in the municipality's language, Greek by default,
    whatever the language of the process writing it: here an English one, as
    an RPC client or a cron may be."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("en_US")
        cls.env["res.lang"]._activate_lang("el_GR")
        cls.municipality.partner_id.lang = "el_GR"
        cls.english = cls.env(context={"lang": "en_US"})

    def test_creation_line_of_a_kentro_record_is_in_greek(self):
        annex = self.english["kentro.centre"].create(
            {
                "name": "Παράρτημα Γλώσσας",
                "code": "KK-T-L",
                "centre_type": "annex",
                "parent_id": self.centre.id,
                "company_id": self.municipality.id,
            }
        )
        body = str(annex.message_ids[-1:].body)
        self.assertIn("Δομή Κέντρου Κοινότητας δημιουργήθηκε", body)
        self.assertNotIn("Community Centre structure", body)

    def test_creation_line_follows_the_municipality_language(self):
        self.municipality.partner_id.lang = "en_US"
        annex = self.env(context={"lang": "el_GR"})["kentro.centre"].create(
            {
                "name": "Annex",
                "code": "KK-T-E",
                "centre_type": "annex",
                "parent_id": self.centre.id,
                "company_id": self.municipality.id,
            }
        )
        self.assertIn("Community Centre structure created", str(annex.message_ids[-1:].body))

    def test_creation_line_of_an_appointment_is_in_greek(self):
        appointment = self.english["calendar.event"].create(
            {
                "name": "Ραντεβού",
                "start": "2026-03-02 08:00:00",
                "stop": "2026-03-02 09:00:00",
                "kentro_beneficiary_id": self.papadopoulos.id,
                "kentro_centre_id": self.centre.id,
            }
        )
        self.assertTrue(appointment.kentro_appointment)
        self.assertIn("δημιουργήθηκε", str(appointment.message_ids[-1:].body))

    def test_creation_line_of_an_odoo_record_is_unchanged(self):
        partner = self.english["res.partner"].create({"name": "Επαφή"})
        for message in partner.message_ids:
            self.assertNotIn("δημιουργήθηκε", str(message.body))

    def test_application_title_and_cron_reminder_are_in_greek(self):
        application = self.english["kentro.application"].create(
            {
                "beneficiary_id": self.papadopoulos.id,
                "programme_id": self.env.ref("kentro_community.kentro_programme_gmi").id,
                "user_id": self.user_professional.id,
            }
        )
        self.assertEqual(
            application.name, "Ελάχιστο Εγγυημένο Εισόδημα (ΕΕΕ, πρώην ΚΕΑ) – Παπαδόπουλος Γεώργιος"
        )
        application.write({"state": "approved", "renewal_date": date(2026, 3, 1)})
        with freeze_time("2026-02-15"):
            self.english["kentro.application"]._cron_reminders()
        self.assertEqual(
            application.activity_ids.mapped("summary"), [f"Ανανέωση: {application.name}"]
        )

    def test_anonymised_name_is_in_greek(self):
        self.papadopoulos.with_env(self.english).sudo()._anonymise()
        self.assertEqual(self.papadopoulos.last_name, "Ανωνυμοποιημένος")
