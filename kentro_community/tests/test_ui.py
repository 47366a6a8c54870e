from odoo.tests import HttpCase, tagged

from .common import KentroCommunityCase


@tagged("post_install", "-at_install", "kentro", "kentro_tour")
class TestUi(HttpCase, KentroCommunityCase):
    def test_manager_creates_an_annex_from_the_menu(self):
        self.start_tour("/odoo", "kentro_community_structure_tour", login="kentro_manager")
        annex = self.env["kentro.centre"].search([("name", "=", "Παράρτημα Περιήγησης")])
        self.assertEqual(annex.centre_type, "annex")
        self.assertEqual(annex.parent_id, self.centre)
        self.assertEqual(annex.company_id, self.municipality)
