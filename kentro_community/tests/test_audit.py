from datetime import date
from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.modules.registry import Registry
from odoo.tests import tagged

from .common import KentroRegistryCase

PROFESSIONAL = "kentro_community.group_kentro_professional"
# The beneficiary list view's fields: what the registry's list reads.
LIST_SPEC = {
    "last_name": {},
    "first_name": {},
    "father_name": {},
    "birthdate": {},
    "amka": {},
    "phone": {},
    "centre_id": {"fields": {"display_name": {}}},
    "state": {},
}
FORM_SPEC = {
    "name": {},
    "amka": {},
    "disability": {},
    "social_history": {},
    "vulnerability_ids": {"fields": {"display_name": {}}},
}


@tagged("kentro", "kentro_privacy", "kentro_audit")
class TestReadAudit(KentroRegistryCase):
    """Every read of a file's protected data (the fields only professionals
    read) leaves one access-log row per user, file and kind of access."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Log = cls.env["kentro.audit.log"]
        cls.professional_env = cls.env(user=cls.user_professional)
        cls.second_person = cls.env["kentro.beneficiary"].create(
            {
                "first_name": "Μαρία",
                "last_name": "Αντωνίου",
                "birthdate": date(1985, 5, 5),
                "centre_id": cls.centre.id,
                "disability": True,
            }
        )
        cls.files = cls.papadopoulos + cls.second_person

    def _rows(self, files=None):
        files = files if files is not None else self.files
        return self.Log.search([("file_id", "in", files.ids)])

    def _assert_one_row_each(self, files, action, user=None):
        rows = self._rows(files)
        self.assertEqual(
            sorted((row.file_id, row.action, row.user_id.id) for row in rows),
            sorted((file.id, action, (user or self.user_professional).id) for file in files),
        )
        self.assertEqual(rows.centre_id, self.centre)
        self.assertEqual(rows.company_id, self.municipality)

    def test_protected_fields_come_from_the_fields_groups(self):
        Beneficiary = self.env["kentro.beneficiary"]
        protected = Beneficiary._kentro_protected_fields()
        self.assertEqual(
            protected,
            {name for name, field in Beneficiary._fields.items() if field.groups == PROFESSIONAL},
        )
        self.assertTrue({"social_history", "disability", "case_note_ids"} <= protected)
        self.assertFalse({"name", "amka", "phone", "message_follower_ids"} & protected)

    def test_read_writes_one_row_per_file(self):
        people = self.files.with_user(self.user_professional)
        people.read(["name", "social_history", "disability"])
        self._assert_one_row_each(self.files, "read")

    def test_search_read_writes_one_row_per_file(self):
        self.professional_env["kentro.beneficiary"].search_read(
            [("id", "in", self.files.ids)], ["name", "social_history"]
        )
        self._assert_one_row_each(self.files, "read")

    def test_web_read_of_a_form_is_an_opening(self):
        self.papadopoulos.with_user(self.user_professional).web_read(FORM_SPEC)
        self._assert_one_row_each(self.papadopoulos, "open")

    def test_web_search_read_writes_one_row_per_file(self):
        self.professional_env["kentro.beneficiary"].web_search_read(
            [("id", "in", self.files.ids)], {**LIST_SPEC, "disability": {}}
        )
        self._assert_one_row_each(self.files, "open")

    def test_nested_read_through_a_service(self):
        service = (
            self.env["kentro.service"]
            .with_user(self.user_professional)
            .create(
                {
                    "beneficiary_id": self.papadopoulos.id,
                    "service_type_id": self.env.ref(
                        "kentro_community.kentro_service_type_counselling_adult"
                    ).id,
                }
            )
        )
        service.web_read({"date": {}, "beneficiary_id": {"fields": {"social_history": {}}}})
        self._assert_one_row_each(self.papadopoulos, "open")
        service.read(["date"])
        service.beneficiary_id.read(["social_history"])
        self.assertEqual(sorted(self._rows().mapped("action")), ["open", "read"])

    def test_read_group_on_a_protected_field(self):
        Beneficiary = self.professional_env["kentro.beneficiary"]
        Beneficiary.read_group([], ["disability"], ["disability"])
        readable = Beneficiary.search([])
        self.assertIn(self.second_person, readable)
        self._assert_one_row_each(readable, "read_group")

    def test_read_group_by_structure_is_not_protected(self):
        self.professional_env["kentro.beneficiary"].read_group([], ["centre_id"], ["centre_id"])
        self.assertFalse(self._rows())

    def test_export_writes_one_row_per_file(self):
        self.user_professional.groups_id += self.env.ref("base.group_allow_export")
        self.files.with_user(self.user_professional).export_data(["name", "social_history"])
        self._assert_one_row_each(self.files, "export")

    def test_export_through_services_writes_one_row_per_file(self):
        self.user_professional.groups_id += self.env.ref("base.group_allow_export")
        counselling = self.env.ref("kentro_community.kentro_service_type_counselling_adult")
        services = self.env["kentro.service"].create(
            [
                {"beneficiary_id": person.id, "service_type_id": counselling.id}
                for person in self.files
                for _times in range(3)
            ]
        )
        queries = self.cr.sql_log_count
        services.with_user(self.user_professional).export_data(
            ["date", "beneficiary_id/name", "beneficiary_id/social_history"]
        )
        self._assert_one_row_each(self.files, "export")
        self.assertTrue(self.cr.sql_log_count - queries < 20, "one INSERT, not one per service")

    def test_printing_the_sheet_writes_one_row(self):
        self.env["ir.actions.report"].with_user(self.user_professional)._render_qweb_html(
            "kentro_community.kentro_beneficiary_sheet_action", self.papadopoulos.ids
        )
        self._assert_one_row_each(self.papadopoulos, "print")

    def test_lists_without_protected_fields_write_nothing(self):
        for user in (self.user_reception, self.user_professional):
            self.env(user=user)["kentro.beneficiary"].web_search_read(
                [("id", "in", self.files.ids)], LIST_SPEC
            )
            self.env(user=user)["kentro.beneficiary"].name_search("Παπαδ")
        self.assertFalse(self._rows())

    def test_reads_as_superuser_write_nothing(self):
        # sudo: Odoo's own reads as superuser are what this test is about.
        self.files.sudo().read(["social_history"])
        self.assertFalse(self._rows())

    def test_a_list_of_80_files_costs_one_query_more(self):
        people = self.env["kentro.beneficiary"].create(
            [
                {
                    "first_name": "Άννα",
                    "last_name": f"Δοκιμή {'Α' * (index % 9 + 1)}{'Β' * (index // 9 + 1)}",
                    "birthdate": date(1980, 1, 1),
                    "centre_id": self.centre.id,
                    "social_history": "<p>x</p>",
                }
                for index in range(80)
            ]
        )
        Beneficiary = self.professional_env["kentro.beneficiary"]
        spec = {**LIST_SPEC, "social_history": {}}

        def count_queries():
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            result = Beneficiary.web_search_read([("id", "in", people.ids)], spec, limit=80)
            self.assertEqual(len(result["records"]), 80)
            return self.cr.sql_log_count - before

        Audit = type(self.env["kentro.beneficiary"])
        original = Audit._kentro_audit

        def reference_count():
            # The same reads without the audit: its one logging method replaced.
            Audit._kentro_audit = lambda records, *args, **kwargs: None
            try:
                return count_queries()
            finally:
                Audit._kentro_audit = original

        reference_count()  # caches of rules, rights and views warmed up
        reference = reference_count()
        audited = count_queries()
        self.assertEqual(len(self._rows(people)), 80)
        self.assertLessEqual(audited - reference, 1)

    def test_read_only_request_of_a_server_without_replica_writes_in_its_own_transaction(self):
        """Without a replica, Odoo gives a read-only request (web_read,
        search_read) a read/write cursor: the row is written in the request's
        transaction, committed with it, and no second cursor is opened."""
        self.registry.enter_test_mode(self.cr, test_readonly_enabled=False)
        self.addCleanup(self.registry.leave_test_mode)
        opened = []
        registry_cursor = Registry.cursor

        def spy(registry, readonly=False):
            opened.append("read-only" if readonly else "read/write")
            return registry_cursor(registry, readonly=readonly)

        with patch.object(Registry, "cursor", spy):
            with self.registry.cursor(readonly=True) as request_cr:
                self.assertFalse(request_cr.readonly, "no replica: a read/write cursor")
                env = self.env(cr=request_cr, user=self.user_professional)
                env["kentro.beneficiary"].browse(self.papadopoulos.id).read(["social_history"])
        self.assertEqual(opened, ["read-only"], "no cursor of the row's own")
        self._assert_one_row_each(self.papadopoulos, "read")


@tagged("kentro", "kentro_privacy", "kentro_audit")
class TestAuditLogKept(KentroRegistryCase):
    def test_nobody_edits_or_deletes_rows_not_even_the_administrator(self):
        self.papadopoulos.with_user(self.user_professional).read(["social_history"])
        row = self.env["kentro.audit.log"].search([("file_id", "=", self.papadopoulos.id)])
        self.assertEqual(len(row), 1)
        admin = self.env.ref("base.user_admin")
        for env in (self.env(user=admin), self.env(su=True), self.env(user=self.user_head)):
            Log = env["kentro.audit.log"]
            with self.assertRaises(AccessError):
                Log.browse(row.ids).write({"action": "print"})
            with self.assertRaises(AccessError):
                Log.browse(row.ids).unlink()
            with self.assertRaises(AccessError):
                Log.create({"date": row.date, "user_id": admin.id, "action": "read"})
        self.assertEqual(row.action, "read")

    def test_deleting_a_file_keeps_its_rows(self):
        self.papadopoulos.with_user(self.user_professional).read(["social_history"])
        file_id = self.papadopoulos.id
        self.papadopoulos.with_user(self.user_manager).unlink()
        row = self.env["kentro.audit.log"].search([("file_id", "=", file_id)])
        self.assertEqual(len(row), 1)
        self.assertEqual(row.user_id, self.user_professional)
        self.assertEqual(row.centre_id, self.centre)
        self.assertFalse(row.beneficiary_id)

    def test_heads_see_who_looked_at_a_file_of_their_structures(self):
        self.papadopoulos.with_user(self.user_professional).read(["social_history"])
        self.annex_person.with_user(self.user_annex_professional).read(["social_history"])
        action = self.papadopoulos.with_user(self.user_head).action_open_access_log()
        rows = self.env["kentro.audit.log"].with_user(self.user_head).search(action["domain"])
        self.assertEqual(rows.user_id, self.user_professional)
        self.assertEqual(rows.beneficiary_id, self.papadopoulos)
        # The head also sees the annex's log; the professional sees no log at all.
        annex_rows = (
            self.env["kentro.audit.log"]
            .with_user(self.user_head)
            .search([("beneficiary_id", "=", self.annex_person.id)])
        )
        self.assertEqual(annex_rows.user_id, self.user_annex_professional)
        with self.assertRaises(AccessError):
            self.papadopoulos.with_user(self.user_professional).action_open_access_log()
        self.assertFalse(
            self.env["kentro.audit.log"]
            .with_user(self.user_manager_other)
            .search([("file_id", "=", self.papadopoulos.id)]),
            "another municipality",
        )

    def test_access_kinds_read_in_greek(self):
        selection = dict(
            self.env["kentro.audit.log"]
            .with_context(lang="el_GR")
            .fields_get(["action"])["action"]["selection"]
        )
        for kind in ("read", "read_group", "open", "export", "print"):
            self.assertNotEqual(
                selection[kind],
                dict(self.env["kentro.audit.log"]._fields["action"].selection)[kind],
            )
