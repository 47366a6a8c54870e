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
