from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import KentroRegistryCase, new_staff_user

SPREADSHEET = "last_name,first_name,amka\nΠαπαδόπουλος,Γεώργιος,15038012348\n".encode()


def _defined_or_extended_by_kentro(name, model):
    """Whether a class of a Kentro addon defines or extends the model ``name``
    itself (not through an extension of every model, ``_inherit = "base"``)."""
    for cls in model.__mro__:
        if not (getattr(cls, "_module", None) or "").startswith("kentro"):
            continue
        inherit = cls.__dict__.get("_inherit") or ()
        inherit = [inherit] if isinstance(inherit, str) else list(inherit)
        if cls.__dict__.get("_name") == name or name in inherit:
            return True
    return False


@tagged("kentro", "kentro_security")
class TestWizardRowsStayWithTheirUser(KentroRegistryCase):
    """Odoo 18 gives transient models no owner check of their own: without a
    record rule, everyone with the model's access right reads every user's
    wizard rows. Each user reads only their own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A colleague with the same rights at the same structure.
        cls.colleague = new_staff_user(
            cls.env,
            "kentro_colleague",
            "kentro_community.group_kentro_head",
            cls.municipality,
            cls.centre,
            cls.social_worker,
        )

    def assertHidden(self, records, user, fields):
        """``user`` neither finds nor reads ``records``."""
        Model = records.env[records._name].with_user(user)
        self.assertFalse(Model.search_read([("id", "in", records.ids)], fields))
        self.assertFalse(Model.search([]) & records)
        with self.assertRaises(AccessError):
            records.with_user(user).read(fields)
        with self.assertRaises(AccessError):
            records.with_user(user).write({fields[0]: records[:1][fields[0]]})

    def test_an_import_file_is_read_by_its_uploader_only(self):
        Import = self.env["base_import.import"].with_user(self.user_reception)
        upload = Import.create(
            {
                "res_model": "kentro.beneficiary",
                "file": SPREADSHEET,
                "file_name": "people.csv",
                "file_type": "text/csv",
            }
        )
        self.assertEqual(upload.read(["file"])[0]["file"], SPREADSHEET)
        for user in (self.user_employee, self.user_head, self.user_manager):
            self.assertHidden(upload, user, ["file", "file_name"])

    def test_an_import_of_another_app_is_read_by_its_uploader_only(self):
        # The rule is base_import's, not Kentro's: a list of people may be
        # uploaded to the contacts' import as well.
        upload = (
            self.env["base_import.import"]
            .with_user(self.user_employee)
            .create({"res_model": "res.partner", "file": SPREADSHEET, "file_name": "c.csv"})
        )
        self.assertTrue(upload.parse_preview({"has_headers": True, "quoting": '"'})["headers"])
        self.assertHidden(upload, self.user_reception, ["file"])

    def test_a_report_wizard_is_read_by_its_user_only(self):
        wizard = (
            self.env["kentro.activity.report"]
            .with_user(self.user_head)
            .create({"centre_id": self.centre.id, "report_type": "esf"})
        )
        self.assertEqual(
            wizard.with_user(self.user_head).read(["report_type"])[0]["report_type"], "esf"
        )
        self.assertHidden(wizard, self.colleague, ["centre_id", "report_type"])

    def test_a_slot_search_is_read_by_its_user_only(self):
        self.centre.staff_ids = self.user_reception | self.user_professional | self.user_head
        finder = (
            self.env["kentro.appointment.finder"]
            .with_user(self.user_reception)
            .create(
                {
                    "beneficiary_id": self.papadopoulos.id,
                    "centre_id": self.centre.id,
                    "service_type_id": self.env.ref(
                        "kentro_community.kentro_service_type_information"
                    ).id,
                }
            )
        )
        slot = (
            self.env["kentro.appointment.slot"]
            .with_user(self.user_reception)
            .create(
                {
                    "finder_id": finder.id,
                    "start": "2030-01-07 08:00:00",
                    "stop": "2030-01-07 09:00:00",
                    "user_id": self.user_professional.id,
                }
            )
        )
        self.assertEqual(finder.with_user(self.user_reception).slot_ids, slot)
        self.assertHidden(finder, self.colleague, ["beneficiary_id", "centre_id"])
        self.assertHidden(slot, self.colleague, ["finder_id", "user_id"])

    def test_every_kentro_wizard_keeps_its_rows_with_their_user(self):
        # A wizard added tomorrow by any addon is held to the same rule.
        transient = [
            name
            for name, model in self.env.registry.items()
            if model._transient and _defined_or_extended_by_kentro(name, model)
        ]
        self.assertIn("kentro.activity.report", transient)
        self.assertIn("base_import.import", transient)
        other = self.env["res.users"].browse(self.env.ref("base.user_admin").id)
        for model in transient:
            Rule = self.env["ir.rule"].with_user(self.user_reception)
            domain = Rule._compute_domain(model, "read")
            # Rows of another user never match what the rule lets this user read.
            Model = self.env[model].with_user(self.user_reception)
            self.assertTrue(
                Model.new({"create_uid": self.user_reception.id}).filtered_domain(domain or []),
                model,
            )
            self.assertFalse(
                Model.new({"create_uid": other.id}).filtered_domain(domain or []), model
            )
