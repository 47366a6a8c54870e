from odoo.tests import HttpCase, tagged

from .common import KentroRegistryCase


@tagged("post_install", "-at_install", "kentro", "kentro_tour")
class TestUi(HttpCase, KentroRegistryCase):
    def test_manager_creates_an_annex_from_the_menu(self):
        self.start_tour("/odoo", "kentro_community_structure_tour", login="kentro_manager")
        annex = self.env["kentro.centre"].search([("name", "=", "Παράρτημα Περιήγησης")])
        self.assertEqual(annex.centre_type, "annex")
        self.assertEqual(annex.parent_id, self.centre)
        self.assertEqual(annex.company_id, self.municipality)

    def test_professional_registers_a_beneficiary_and_finds_them_unaccented(self):
        self.start_tour(
            "/odoo", "kentro_beneficiary_registration_tour", login="kentro_professional"
        )
        person = self.env["kentro.beneficiary"].search([("last_name", "=", "Ξυλουργάκης")])
        self.assertEqual(person.first_name, "Ευάγγελος")
        self.assertEqual(person.centre_id, self.centre)
        self.assertEqual(person.partner_id.mobile, "6944123456")
        self.assertIn("Επίδομα Στέγασης", person.social_history)

    def test_professional_registers_applies_refers_and_closes(self):
        self.start_tour("/odoo", "kentro_three_axes_tour", login="kentro_professional")
        person = self.env["kentro.beneficiary"].search([("last_name", "=", "Ξυλουργάκη")])
        self.assertEqual(
            person.consent_ids.agency_id, self.env.ref("kentro_community.res_partner_agency_dypa")
        )
        application = person.application_ids
        self.assertEqual(
            application.programme_id, self.env.ref("kentro_community.kentro_programme_gmi")
        )
        self.assertEqual(application.state, "collecting")
        self.assertEqual(len(application.line_ids), 12)
        referral = person.referral_ids
        self.assertEqual(referral.state, "completed")
        self.assertEqual(person.service_ids.service_type_id.code, "referral")

    def test_professional_writes_a_note_and_refers_under_consent(self):
        self.env["res.lang"]._activate_lang("el_GR")
        self.user_professional.lang = "el_GR"
        dypa = self.env.ref("kentro_community.res_partner_agency_dypa")
        # Registered by the professional, in Greek: the file's history reads in Greek.
        person = (
            self.env["kentro.beneficiary"]
            .with_user(self.user_professional)
            .with_context(lang="el_GR")
            .create(
                {"first_name": "Αγγελική", "last_name": "Καραγιάννη", "centre_id": self.centre.id}
            )
        )
        consent = self.env["kentro.consent"].create(
            {"beneficiary_id": person.id, "agency_id": dypa.id}
        )
        self.start_tour("/odoo", "kentro_professional_day_tour", login="kentro_professional")
        note = person.case_note_ids
        self.assertEqual(len(note), 1)
        self.assertIn("Συζητήσαμε το σχέδιο στέγασης.", note.body)
        self.assertEqual(note.author_id, self.user_professional)
        referral = person.referral_ids
        self.assertEqual(len(referral), 1)
        self.assertEqual(referral.state, "sent")
        self.assertEqual(referral.agency_id, dypa)
        self.assertEqual(referral.consent_id, consent)
        self.assertEqual(referral.user_id, self.user_professional)

    def test_file_chatter_follows_the_pager_and_logs_a_note(self):
        self.env["res.lang"]._activate_lang("el_GR")
        self.user_professional.lang = "el_GR"
        Person = self.env["kentro.beneficiary"].with_user(self.user_professional)
        first, second = (
            Person.create(
                {"first_name": name, "last_name": "Χατζηπέτρου", "centre_id": self.centre.id}
            )
            for name in ("Άλκηστη", "Βασιλική")
        )
        first.message_post(body="Πρώτη επίσκεψη της Άλκηστης", message_type="comment")
        second.message_post(body="Πρώτη επίσκεψη της Βασιλικής", message_type="comment")
        self.start_tour("/odoo", "kentro_file_chatter_tour", login="kentro_professional")
        logged = second.message_ids.filtered(lambda m: "Τηλεφώνησε για το επίδομα." in m.body)
        self.assertEqual(len(logged), 1)
        self.assertEqual(logged.author_id, self.user_professional.partner_id)
        self.assertFalse(
            first.message_ids.filtered(lambda m: "Τηλεφώνησε για το επίδομα." in m.body)
        )
