from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import KentroCommunityCase


@tagged("kentro", "kentro_structure")
class TestCentre(KentroCommunityCase):
    def test_annex_is_named_after_its_reference_centre(self):
        self.assertEqual(self.annex.complete_name, "Κέντρο Κοινότητας Δοκιμής / Παράρτημα Δοκιμής")
        self.assertEqual(self.centre.child_ids, self.annex)

    def test_annex_without_reference_centre_is_refused(self):
        Centre = self.env["kentro.centre"]
        count = Centre.search_count([])
        with self.assertRaises(ValidationError) as caught:
            Centre.create(
                {
                    "name": "Ορφανό Παράρτημα",
                    "centre_type": "annex",
                    "company_id": self.municipality.id,
                }
            )
        self.assertIn("choose the reference centre", str(caught.exception))
        self.assertEqual(Centre.search_count([]), count)

    def test_centre_attached_to_another_centre_is_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.centre.copy(
                {"name": "Δεύτερο Κέντρο", "code": "KK-T9", "parent_id": self.centre.id}
            )
        self.assertIn("only annexes and mobile units", str(caught.exception))
        with self.assertRaises(ValidationError):
            self.annex.centre_type = "centre"
        self.assertFalse(self.env["kentro.centre"].search([("code", "=", "KK-T9")]))
        self.assertEqual(self.annex.centre_type, "annex")

    def test_code_is_unique_within_a_municipality(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["kentro.centre"].create(
                {"name": "Διπλός κωδικός", "code": "KK-T", "company_id": self.municipality.id}
            )
        # The same code in another municipality is another structure.
        other = self.env["kentro.centre"].create(
            {"name": "Ίδιος κωδικός", "code": "KK-T", "company_id": self.other_municipality.id}
        )
        self.assertEqual(other.code, "KK-T")

    def test_reference_centre_of_another_municipality_is_refused(self):
        with self.assertRaises(UserError) as caught:
            self.env["kentro.centre"].create(
                {
                    "name": "Παράρτημα σε ξένο Κέντρο",
                    "centre_type": "annex",
                    "parent_id": self.other_centre.id,
                    "company_id": self.municipality.id,
                }
            )
        self.assertIn("Incompatible companies", str(caught.exception))


@tagged("post_install", "-at_install", "kentro", "kentro_structure")
class TestStructuresUnderTheApp(TransactionCase):
    """The core's structure type, once every addon is installed; each
    structure-type addon checks its own type (StructureTypeCases)."""

    def test_a_centre_with_an_annex(self):
        Centre = self.env["kentro.centre"]
        centre = Centre.create({"name": "Κέντρο Κοινότητας Δήμου Δοκιμής"})
        Centre.create({"name": "Δομή 0", "centre_type": "annex", "parent_id": centre.id})
        groups = Centre._read_group([("parent_id", "=", centre.id)], ["centre_type"], ["__count"])
        self.assertEqual(dict(groups), {"annex": 1})

    def test_every_menu_under_the_app_opens_structures(self):
        root = self.env.ref("kentro_community.kentro_root_menu")
        actions = {
            menu.action.res_model
            for menu in self.env["ir.ui.menu"].search(
                [("parent_id", "=", root.id), ("action", "!=", False)]
            )
        }
        self.assertEqual(actions, {"kentro.centre"})
