from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from .common import KentroCommunityCase


@tagged("kentro", "kentro_security")
class TestAccessRights(KentroCommunityCase):
    def test_each_role_reads_the_structures_of_its_scope(self):
        everything = {self.centre, self.annex, self.second_centre}
        expected = {
            self.user_reception: {self.centre},
            self.user_professional: {self.centre},
            self.user_annex_professional: {self.annex},
            self.user_head: {self.centre, self.annex},
            self.user_supervisor: everything,
            self.user_manager: everything,
        }
        for user, structures in expected.items():
            Centre = self.env["kentro.centre"].with_user(user)
            rows = Centre.search_read([], ["name", "centre_type"])
            self.assertEqual({row["id"] for row in rows}, {s.id for s in structures}, user.login)
            found = {row[0] for row in Centre.name_search("Δοκιμής")}
            self.assertEqual(found, {s.id for s in structures}, user.login)
            groups = Centre.read_group([], ["centre_type"], ["centre_type"])
            self.assertEqual(sum(g["centre_type_count"] for g in groups), len(structures))
        with self.assertRaises(AccessError):
            self.env["kentro.centre"].with_user(self.user_professional).browse(self.annex.id).read(
                ["name"]
            )

    @users("kentro_reception", "kentro_professional", "kentro_head", "kentro_supervisor")
    def test_staff_do_not_configure_structures(self):
        Centre = self.env["kentro.centre"]
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
        self.assertEqual(sum(group["centre_type_count"] for group in groups), 3)
        exported = Centre.search([]).export_data(["name"])["datas"]
        self.assertEqual(
            sorted(row[0] for row in exported),
            sorted([self.centre.name, self.annex.name, self.second_centre.name]),
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
