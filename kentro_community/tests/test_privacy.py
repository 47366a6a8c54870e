from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import KentroRegistryCase


@tagged("kentro", "kentro_privacy")
class TestCaseNotes(KentroRegistryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A second professional at the centre, a social worker like the head.
        cls.user_social_worker = new_test_user(
            cls.env,
            login="kentro_social_worker",
            groups="kentro_community.group_kentro_professional",
            company_id=cls.municipality.id,
            company_ids=[cls.municipality.id],
        )
        cls.user_social_worker.write(
            {"kentro_centre_ids": [(6, 0, cls.centre.ids)], "kentro_role_id": cls.social_worker.id}
        )
        export = cls.env.ref("base.group_allow_export")
        for user in (
            cls.user_professional,
            cls.user_social_worker,
            cls.user_head,
            cls.user_annex_professional,
        ):
            user.groups_id += export
        Note = cls.env["kentro.case.note"].with_user(cls.user_professional)  # a psychologist
        cls.notes = {
            level: Note.create(
                {
                    "beneficiary_id": cls.papadopoulos.id,
                    "level": level,
                    "body": f"<p>Σημείωμα {level}</p>",
                }
            )
            for level in ("team", "discipline", "private")
        }

    def visible(self, user):
        Note = self.env["kentro.case.note"].with_user(user)
        rows = Note.search_read([("beneficiary_id", "=", self.papadopoulos.id)], ["level"])
        levels = {row["level"] for row in rows}
        # read_group and export agree with search_read.
        groups = Note.read_group([], ["level"], ["level"])
        self.assertEqual({group["level"] for group in groups}, levels)
        exported = Note.browse([row["id"] for row in rows]).export_data(["level"])["datas"]
        self.assertEqual(len(exported), len(rows))
        return levels

    def test_each_level_is_read_by_whom_it_says(self):
        self.assertEqual(self.visible(self.user_professional), {"team", "discipline", "private"})
        self.assertEqual(self.visible(self.user_social_worker), {"team"})
        self.assertEqual(self.visible(self.user_head), {"team", "private"})
        self.assertEqual(self.visible(self.user_annex_professional), set())
        psychologist = new_test_user(
            self.env,
            login="kentro_psychologist_2",
            groups="kentro_community.group_kentro_professional,base.group_allow_export",
            company_id=self.municipality.id,
            company_ids=[self.municipality.id],
        )
        psychologist.write(
            {"kentro_centre_ids": [(6, 0, self.centre.ids)], "kentro_role_id": self.psychologist.id}
        )
        self.assertEqual(self.visible(psychologist), {"team", "discipline"})

    def test_reception_and_the_supervisor_read_no_note(self):
        for user in (self.user_reception, self.user_supervisor, self.user_employee):
            with self.assertRaises(AccessError):
                self.env["kentro.case.note"].with_user(user).search_read([], ["body"])
            self.assertNotIn(
                "case_note_ids", self.env["kentro.beneficiary"].with_user(user).fields_get()
            )

    def test_only_the_author_changes_a_note(self):
        team = self.notes["team"]
        with self.assertRaises(AccessError):
            team.with_user(self.user_social_worker).write({"body": "<p>αλλαγή</p>"})
        with self.assertRaises(AccessError):
            team.with_user(self.user_head).unlink()
        team.with_user(self.user_professional).write({"body": "<p>διόρθωση</p>"})
        self.assertIn("διόρθωση", team.body)
        with self.assertRaises(AccessError):
            team.with_user(self.user_professional).write({"author_id": self.user_head.id})
        forged = (
            self.env["kentro.case.note"]
            .with_user(self.user_social_worker)
            .create(
                {
                    "beneficiary_id": self.papadopoulos.id,
                    "author_id": self.user_professional.id,
                    "body": "<p>x</p>",
                }
            )
        )
        self.assertEqual(
            forged.author_id, self.user_social_worker, "notes are signed by the writer"
        )


@tagged("kentro", "kentro_privacy")
class TestAccessLog(KentroRegistryCase):
    def test_opening_printing_and_exporting_a_file_are_logged(self):
        self.user_professional.groups_id += self.env.ref("base.group_allow_export")
        Log = self.env["kentro.audit.log"]
        person = self.papadopoulos.with_user(self.user_professional)
        person.web_read({"name": {}, "amka": {}})
        person.export_data(["name"])
        self.env["ir.actions.report"].with_user(self.user_professional)._render_qweb_html(
            "kentro_community.kentro_beneficiary_sheet_action", person.ids
        )
        logs = Log.search([("beneficiary_id", "=", self.papadopoulos.id)])
        self.assertEqual(sorted(logs.mapped("action")), ["export", "open", "print"])
        self.assertEqual(logs.user_id, self.user_professional)
        self.assertEqual(logs.centre_id, self.centre)
        # Heads and managers read it; nobody else does.
        self.assertEqual(Log.with_user(self.user_head).search([]), logs)
        for user in (self.user_professional, self.user_reception, self.user_supervisor):
            with self.assertRaises(AccessError):
                Log.with_user(user).search_read([], ["action"])
        self.assertFalse(Log.with_user(self.user_manager_other).search([]), "another municipality")

    def test_nobody_changes_or_deletes_the_log(self):
        self.papadopoulos.with_user(self.user_professional).web_read({"name": {}})
        log = self.env["kentro.audit.log"].search([])
        admin = self.env.ref("base.user_admin")
        for env in (self.env(user=admin), self.env(su=True), self.env(user=self.user_manager)):
            with self.assertRaises(AccessError):
                env["kentro.audit.log"].browse(log.ids).write({"action": "print"})
            with self.assertRaises(AccessError):
                env["kentro.audit.log"].browse(log.ids).unlink()
            with self.assertRaises(AccessError):
                env["kentro.audit.log"].create(
                    {"date": log.date, "user_id": admin.id, "action": "open"}
                )
        self.assertEqual(log.action, "open")
