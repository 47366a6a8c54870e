from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from .common import KentroCommunityCase


@tagged("kentro", "kentro_security")
class TestAccessRights(KentroCommunityCase):
    @users("kentro_reception", "kentro_professional", "kentro_head", "kentro_supervisor")
    def test_staff_read_structures_but_do_not_configure_them(self):
        Centre = self.env["kentro.centre"]
        rows = Centre.search_read(
            [("company_id", "=", self.municipality.id)], ["name", "centre_type"]
        )
        self.assertEqual({row["name"] for row in rows}, {self.centre.name, self.annex.name})
        with self.assertRaises(AccessError):
            Centre.create({"name": "Νέο Κέντρο", "company_id": self.municipality.id})
        with self.assertRaises(AccessError):
            Centre.browse(self.centre.id).write({"name": "Μετονομασία"})
        with self.assertRaises(AccessError):
            Centre.browse(self.annex.id).unlink()

    @users("kentro_manager")
    def test_manager_configures_structures(self):
        centre = self.env["kentro.centre"].create({"name": "Νέο Κέντρο", "code": "KK-N"})
        self.assertEqual(centre.company_id, self.municipality)
        centre.name = "Κέντρο Κοινότητας Νέο"
        self.assertEqual(centre.complete_name, "Κέντρο Κοινότητας Νέο")

    @users("kentro_employee")
    def test_employee_without_centre_group_has_no_access(self):
        Centre = self.env["kentro.centre"]
        with self.assertRaises(AccessError):
            Centre.search_read([], ["name"])
        with self.assertRaises(AccessError):
            Centre.name_search("Κέντρο")
        with self.assertRaises(AccessError):
            Centre.read_group([], ["centre_type"], ["centre_type"])

    @users("kentro_manager")
    def test_structures_of_another_municipality_are_invisible(self):
        Centre = self.env["kentro.centre"]
        self.assertNotIn(
            self.other_centre.name, [name for _id, name in Centre.name_search("Κέντρο")]
        )
        groups = Centre.read_group([], ["centre_type"], ["centre_type"])
        self.assertEqual(sum(group["centre_type_count"] for group in groups), 2)
        exported = Centre.search([]).export_data(["name"])["datas"]
        self.assertEqual(
            sorted(row[0] for row in exported), sorted([self.centre.name, self.annex.name])
        )
        with self.assertRaises(AccessError):
            Centre.browse(self.other_centre.id).read(["name"])

    def test_menu_is_shown_to_centre_groups_only(self):
        root = self.env.ref("kentro_community.kentro_root_menu")
        for user in (self.user_reception, self.user_supervisor, self.user_manager):
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            self.assertIn(root.id, visible, user.login)
        visible = self.env["ir.ui.menu"].with_user(self.user_employee)._visible_menu_ids()
        self.assertNotIn(root.id, visible)
