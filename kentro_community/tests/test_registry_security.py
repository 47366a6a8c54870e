import importlib.util

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.modules.module import get_module_path
from odoo.tests import tagged, users
from odoo.tools import mute_logger

from .common import KentroRegistryCase

SENSITIVE = [
    "social_history",
    "presenting_request",
    "assessed_needs",
    "vulnerability_ids",
    "disability",
]


@tagged("kentro", "kentro_security")
class TestRegistrySecurity(KentroRegistryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for user in (cls.user_reception, cls.user_professional, cls.user_head, cls.user_supervisor):
            user.groups_id += cls.env.ref("base.group_allow_export")

    def _visible(self):
        Beneficiary = self.env["kentro.beneficiary"]
        return {row["id"] for row in Beneficiary.search_read([], ["name"])}

    # ---------------------------------------------------------------- scopes
    @users("kentro_professional")
    def test_professional_sees_the_files_of_their_structure_only(self):
        self.assertEqual(self._visible(), {self.papadopoulos.id})
        Beneficiary = self.env["kentro.beneficiary"]
        self.assertFalse(Beneficiary.name_search("Ζαφειρίου"))
        with self.assertRaises(AccessError):
            Beneficiary.browse(self.annex_person.id).read(["name"])
        groups = Beneficiary.read_group([], ["centre_id"], ["centre_id"])
        self.assertEqual([g["centre_id"][0] for g in groups], [self.centre.id])

    @users("kentro_annex_professional")
    def test_annex_professional_does_not_see_the_centre(self):
        self.assertEqual(self._visible(), {self.annex_person.id})

    @users("kentro_head")
    def test_head_sees_the_centre_and_its_annex(self):
        self.assertEqual(self._visible(), {self.papadopoulos.id, self.annex_person.id})
        exported = self.env["kentro.beneficiary"].search([]).export_data(["name", "social_history"])
        self.assertEqual(len(exported["datas"]), 2)

    @users("kentro_manager_other")
    def test_other_municipality_sees_none_of_these_files(self):
        self.assertFalse(self._visible())

    # -------------------------------------------------------- sensitive fields
    @users("kentro_reception")
    def test_reception_registers_but_never_reads_sensitive_fields(self):
        Beneficiary = self.env["kentro.beneficiary"]
        self.assertFalse(set(SENSITIVE) & set(Beneficiary.fields_get()))
        person = Beneficiary.browse(self.papadopoulos.id)
        self.assertEqual(person.read(["amka"])[0]["amka"], "15038012348")
        for field in SENSITIVE:
            with self.assertRaises(AccessError, msg=field):
                person.read([field])
            with self.assertRaises(AccessError, msg=field):
                Beneficiary.search_read([], [field])
            with self.assertRaises(AccessError, msg=field):
                person.export_data([field])
        with self.assertRaises(AccessError):
            Beneficiary.read_group([], ["disability"], ["disability"])
        with self.assertRaises(AccessError):
            person.write({"social_history": "<p>γραμμένο από την υποδοχή</p>"})
        new = Beneficiary.create(
            {"first_name": "Νέα", "last_name": "Εγγραφή", "centre_id": self.centre.id}
        )
        self.assertEqual(new.centre_id, self.centre)

    @users("kentro_professional")
    def test_professional_reads_and_writes_the_social_history(self):
        person = self.env["kentro.beneficiary"].browse(self.papadopoulos.id)
        self.assertIn("Οφειλές ενοικίου", person.social_history)
        person.social_history = "<p>Νέα εκτίμηση</p>"
        self.assertIn("Νέα εκτίμηση", person.social_history)

    # ------------------------------------------------- supervisor and others
    @users("kentro_supervisor")
    def test_supervisor_reads_statistics_but_no_file(self):
        Beneficiary = self.env["kentro.beneficiary"]
        with self.assertRaises(AccessError):
            Beneficiary.search_read([], ["name"])
        with self.assertRaises(AccessError):
            Beneficiary.name_search("Παπαδόπουλος")
        with self.assertRaises(AccessError):
            Beneficiary.read_group([], ["gender"], ["gender"])
        Report = self.env["kentro.beneficiary.report"]
        self.assertNotIn("name", Report.fields_get())
        groups = Report.read_group(
            [("company_id", "=", self.municipality.id)], ["beneficiary_count:sum"], ["centre_id"]
        )
        counts = {g["centre_id"][0]: g["beneficiary_count"] for g in groups}
        # One person per structure: counts this small are hidden from the Social Service.
        self.assertEqual(
            counts, {self.centre.id: False, self.annex.id: False, self.second_centre.id: False}
        )

    @users("kentro_employee")
    def test_employee_without_centre_group_sees_no_beneficiary_nor_their_contact(self):
        with self.assertRaises(AccessError):
            self.env["kentro.beneficiary"].search_read([], ["name"])
        Partner = self.env["res.partner"]
        self.assertNotIn("kentro_beneficiary_ids", Partner.fields_get())
        partner_ids = (self.papadopoulos | self.annex_person).partner_id.ids
        self.assertFalse(Partner.search_read([("id", "in", partner_ids)], ["name"]))
        self.assertFalse(Partner.name_search("Παπαδόπουλος"))
        self.assertFalse(Partner.search([("name", "ilike", "Ζαφειρίου")]))
        with self.assertRaises(AccessError):
            Partner.browse(self.papadopoulos.partner_id.id).read(["name"])
        groups = Partner.read_group([("id", "in", partner_ids)], ["name"], ["name"])
        self.assertFalse(groups)
        # Other contacts stay visible: only beneficiaries are hidden.
        self.assertTrue(Partner.search([("id", "=", self.env.user.partner_id.id)]))

    @users("kentro_professional")
    def test_staff_see_only_the_contacts_of_their_beneficiaries(self):
        Partner = self.env["res.partner"]
        self.assertEqual(Partner.name_search("Παπαδόπουλος")[0][0], self.papadopoulos.partner_id.id)
        self.assertFalse(Partner.search([("id", "=", self.annex_person.partner_id.id)]))

    def test_a_contact_follows_its_person_from_structure_to_structure(self):
        """The rules on contacts compare the contact's own copy of the
        person's structure: it follows the file when the file moves, and a
        contact is the file of one person only."""
        contact = self.papadopoulos.partner_id
        Partner = self.env["res.partner"]
        self.assertEqual(contact.kentro_beneficiary_centre_id, self.centre)
        self.assertTrue(Partner.with_user(self.user_professional).search([("id", "=", contact.id)]))
        self.papadopoulos.centre_id = self.annex
        self.assertEqual(contact.kentro_beneficiary_centre_id, self.annex)
        # The centre's professional no longer finds the contact; the annex's does.
        self.assertFalse(
            Partner.with_user(self.user_professional).search([("id", "=", contact.id)])
        )
        self.assertTrue(
            Partner.with_user(self.user_annex_professional).search([("id", "=", contact.id)])
        )
        self.assertFalse(Partner.with_user(self.user_employee).search([("id", "=", contact.id)]))
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.env.cr.savepoint():
            self.env["kentro.beneficiary"].create(
                {
                    "first_name": "Άλλη",
                    "last_name": "Παπαδοπούλου",
                    "centre_id": self.centre.id,
                    "partner_id": contact.id,
                }
            )
        # A new person's new contact is hidden at once, before anything is flushed.
        person = self.env["kentro.beneficiary"].create(
            {"first_name": "Νέα", "last_name": "Καινούργια", "centre_id": self.annex.id}
        )
        self.assertFalse(
            Partner.with_user(self.user_professional).search([("id", "=", person.partner_id.id)])
        )

    def test_searching_contacts_does_not_read_every_beneficiary(self):
        """Contacts are searched from every many2one to a contact (agencies,
        attendees, followers): as staff, the query compares the contact's own
        column, not a subquery over all the files of the database."""
        for user in (self.user_employee, self.user_reception, self.user_head):
            query = self.env["res.partner"].with_user(user)._search([("ref", "=", "X-1")])
            sql = query.select().code
            self.assertIn("kentro_beneficiary_centre_id", sql, user.login)
            self.assertNotIn("kentro_beneficiary", sql.replace("kentro_beneficiary_centre_id", ""))

    def test_the_upgrade_writes_the_rules_as_the_module_declares_them(self):
        """The rules are data Odoo does not update: the 18.0.1.2.0 migration
        writes their domains, which must be those of the security file."""
        path = get_module_path("kentro_community")
        spec = importlib.util.spec_from_file_location(
            "kentro_post_migrate_1_2", f"{path}/migrations/18.0.1.2.0/post-migrate.py"
        )
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        for name, domain in migration.DOMAINS.items():
            rule = self.env.ref(f"kentro_community.{name}")
            self.assertEqual(rule.domain_force, domain, name)

    # -------------------------------------------------------------- households
    def test_households_follow_the_structures_of_the_user(self):
        Household = self.env["kentro.household"]
        centre_household = Household.create({"name": "Παπαδόπουλος", "centre_id": self.centre.id})
        annex_household = Household.create({"name": "Ζαφειρίου", "centre_id": self.annex.id})
        (self.papadopoulos | self.annex_person).write({"household_relationship": "head"})
        self.papadopoulos.household_id = centre_household
        self.annex_person.household_id = annex_household
        self.assertEqual(centre_household.head_id, self.papadopoulos)
        for user, expected in (
            (self.user_professional, centre_household),
            (self.user_annex_professional, annex_household),
            (self.user_head, centre_household | annex_household),
        ):
            visible = Household.with_user(user).search(
                [("id", "in", (centre_household | annex_household).ids)]
            )
            self.assertEqual(visible, expected, user.login)
        with self.assertRaises(AccessError):
            Household.with_user(self.user_professional).browse(annex_household.id).read(["name"])
        with self.assertRaises(AccessError):
            Household.with_user(self.user_reception).browse(centre_household.id).read(
                ["annual_income"]
            )

    def test_head_statistics_cover_their_centre_and_annex_only(self):
        Report = self.env["kentro.beneficiary.report"].with_user(self.user_head)
        groups = Report.read_group([], ["beneficiary_count:sum"], ["centre_id"])
        self.assertEqual(
            {g["centre_id"][0]: g["beneficiary_count"] for g in groups},
            {self.centre.id: 1, self.annex.id: 1},
        )
