"""Scenarios across the four addons, in-process through pytest-odoo."""

from .common import RepositoryCase


class TestStructuresAcrossAddons(RepositoryCase):
    def test_a_centre_with_one_structure_of_each_type(self):
        Centre = self.env["kentro.centre"]
        centre = Centre.create({"name": "Κέντρο Κοινότητας Δήμου Δοκιμής"})
        types = ["annex", "roma_annex", "migrant_annex", "mobile_unit"]
        Centre.create(
            [
                {"name": f"Δομή {index}", "centre_type": kind, "parent_id": centre.id}
                for index, kind in enumerate(types)
            ]
        )
        groups = Centre._read_group([("parent_id", "=", centre.id)], ["centre_type"], ["__count"])
        self.assertEqual(dict(groups), dict.fromkeys(types, 1))

    def test_every_structure_type_has_its_menu_under_the_app(self):
        root = self.env.ref("kentro_community.kentro_root_menu")
        actions = {
            menu.action.res_model
            for menu in self.env["ir.ui.menu"].search(
                [("parent_id", "=", root.id), ("action", "!=", False)]
            )
        }
        self.assertEqual(actions, {"kentro.centre"})
        domains = {
            self.env.ref(xmlid).domain
            for xmlid in (
                "kentro_roma_annex.kentro_centre_action_roma_annex",
                "kentro_migrant_annex.kentro_centre_action_migrant_annex",
                "kentro_mobile_unit.kentro_centre_action_mobile_unit",
            )
        }
        self.assertEqual(len(domains), 3)
