"""Every entry of the bad-input corpus (bad_inputs.json) through the ORM and
through the import wizard, as the staff member who would type it, in Greek:
refused with a clear message and nothing written, or kept as the corpus says."""

from contextlib import closing, contextmanager

import markupsafe
import pytz

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..tools import dates
from . import bad_inputs
from .common import ATHENS, AppointmentCase


@tagged("post_install", "-at_install", "kentro", "kentro_bad_inputs")
class BadInputCase(AppointmentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agency = cls.env["res.partner"].create(
            {"name": "Φορέας Δοκιμής", "is_company": True, "kentro_is_agency": True}
        )
        cls.entries = bad_inputs.load_entries()
        cls.refs = {
            "centre": cls.centre.id,
            "beneficiary": cls.kosti.id,
            "agency": cls.agency.id,
            "service_type": cls.counselling.id,
            "professional": cls.user_professional.id,
            "professional_partner": cls.user_professional.partner_id.id,
        }
        cls.users = {"reception": cls.user_reception, "professional": cls.user_professional}
        # The records that "write" entries change, one per model.
        cls.targets = {
            "kentro.beneficiary": cls.kosti,
            "kentro.service": cls.env["kentro.service"].create(
                {
                    "beneficiary_id": cls.kosti.id,
                    "service_type_id": cls.counselling.id,
                    "user_id": cls.user_professional.id,
                    "duration": 45,
                }
            ),
            "kentro.referral": cls.env["kentro.referral"].create(
                {"beneficiary_id": cls.kosti.id, "agency_id": cls.agency.id}
            ),
        }

    @contextmanager
    def assertRefused(self, exception, pattern):
        """Odoo's assertRaises (which rolls the refused change back, as a
        request would), and the message says ``pattern``."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertIn(pattern, str(caught.exception))

    def utc(self, day_name, hour, minute):
        local = bad_inputs.local_datetime(dates.greek_today(), day_name, hour, minute)
        return fields.Datetime.to_string(
            ATHENS.localize(local).astimezone(pytz.utc).replace(tzinfo=None)
        )

    def local(self, day_name, hour, minute):
        return fields.Datetime.to_string(
            bad_inputs.local_datetime(dates.greek_today(), day_name, hour, minute)
        )

    def model(self, entry):
        user = self.users[entry["user"]]
        return self.env[entry["model"]].with_user(user).with_context(lang="el_GR", tz=user.tz)

    def applies(self, entry, door):
        addon = entry.get("addon")
        installed = not addon or self.env["ir.module.module"]._get(addon).state == "installed"
        return installed and door in entry.get("doors", ("orm", "rpc", "import"))

    def run_setup(self, entry):
        for record in entry.get("setup", ()):
            self.env[record["model"]].create(
                bad_inputs.resolve(record["values"], self.refs, self.utc)
            )

    def counts(self, entry):
        """What a refused entry must not leave behind."""
        return (
            self.env[entry["model"]].sudo().with_context(active_test=False).search_count([]),
            self.env["res.partner"].sudo().with_context(active_test=False).search_count([]),
        )

    def snapshot(self, record, names):
        record.invalidate_recordset()
        return {name: record.sudo()[name] for name in names}

    def assertStored(self, entry, record):
        expect = bad_inputs.resolve(entry["expect"], self.refs, self.utc)
        record.invalidate_recordset()
        for name, value in expect.get("stored", {}).items():
            self.assertEqual(bad_inputs.plain(record[name]), value, f"{entry['id']}: {name}")
        for name, fragment in expect.get("stored_contains", {}).items():
            self.assertIn(fragment, str(record[name]), f"{entry['id']}: {name}")
        for name, fragment in expect.get("stored_excludes", {}).items():
            self.assertNotIn(fragment, str(record[name]), f"{entry['id']}: {name}")

    def through_load(self, entry, Model):
        """A CSV entry at the ORM's door: ``load``, as the import wizard calls it."""
        field_names, data = bad_inputs.import_file(entry, self.refs, self.local)
        rows = bad_inputs.csv_rows(entry, data)
        before = self.counts(entry)
        with mute_logger("odoo.sql_db"):
            result = Model.load(field_names, rows)
        self.assertImportResult(entry, result, before)

    def assertImportResult(self, entry, result, before):
        message = bad_inputs.expected_message(entry, "import")
        if message:
            errors = [m["message"] for m in result["messages"] if m["type"] == "error"]
            self.assertTrue(errors, f"{entry['id']}: no error in {result['messages']}")
            self.assertIn(message, " | ".join(errors))
            self.assertFalse(result.get("ids"))
            self.assertEqual(self.counts(entry), before, "nothing written")
            return
        self.assertFalse([m for m in result["messages"] if m["type"] == "error"], result)
        records = self.env[entry["model"]].browse(result["ids"])
        self.assertEqual(len(records), entry["expect"].get("imported", 1))
        self.assertStored(entry, records.with_user(self.users[entry["user"]])[:1])

    def each(self, door):
        ran = 0
        for entry in self.entries:
            if not self.applies(entry, door):
                continue
            with self.subTest(entry=entry["id"]), closing(self.env.cr.savepoint()):
                self.run_setup(entry)
                getattr(self, f"through_{door}")(entry)
                ran += 1
        return ran


@tagged("post_install", "-at_install", "kentro", "kentro_bad_inputs")
class TestBadInputsORM(BadInputCase):
    def through_orm(self, entry):
        Model = self.model(entry)
        values = bad_inputs.resolve(entry.get("values"), self.refs, self.utc)
        message = bad_inputs.expected_message(entry, "orm")
        if entry["op"] == "import":
            self.through_load(entry, Model)
        elif entry["op"] == "write":
            target = self.targets[entry["model"]].with_env(Model.env)
            before = self.snapshot(target, values)
            if message:
                with self.assertRefused(ValidationError, message):
                    target.write(values)
                self.assertEqual(self.snapshot(target, values), before)
            else:
                target.write(values)
                self.assertStored(entry, target)
        elif entry["op"] == "create_and_send":
            record = Model.create(values)
            with self.assertRefused(UserError, message):
                record.action_send()
            self.assertEqual(record.state, "draft")
        elif message:
            before = self.counts(entry)
            with self.assertRefused(ValidationError, message):
                Model.create(values)
            self.assertEqual(self.counts(entry), before, "nothing written")
        else:
            self.assertStored(entry, Model.create(values))

    def test_every_entry_through_the_orm(self):
        self.assertGreaterEqual(self.each("orm"), 60)


@tagged("post_install", "-at_install", "kentro", "kentro_bad_inputs")
class TestBadInputsImport(BadInputCase):
    def through_import(self, entry):
        """The import wizard, as the browser drives it: the file's preview
        (which detects the encoding and separator), then the import."""
        Model = self.model(entry)
        target = self.targets.get(entry["model"]) if entry["op"] == "write" else None
        field_names, data = bad_inputs.import_file(
            entry, self.refs, self.local, target_id=target.id if target else None
        )
        wizard = (
            self.env["base_import.import"]
            .with_env(Model.env)
            .create(
                {
                    "res_model": entry["model"],
                    "file": data,
                    "file_name": f"{entry['id']}.csv",
                    "file_type": "text/csv",
                }
            )
        )
        options = bad_inputs.import_options(entry)
        preview = wizard.parse_preview(dict(options))
        before = self.counts(entry)
        snapshot = target and self.snapshot(target, field_names[1:])
        message = bad_inputs.expected_message(entry, "import")
        if "error" in preview:
            # The wizard shows it instead of the preview; importing anyway
            # gives the same message.
            self.assertTrue(message, f"{entry['id']}: {preview['error']}")
            self.assertIn(message, preview["error"])
        else:
            # What the preview detected (encoding, separator); the dates as given.
            detected = preview["options"]
            options.update(encoding=detected["encoding"], separator=detected["separator"])
        with mute_logger("odoo.sql_db", "odoo.addons.base_import.models.base_import"):
            result = wizard.execute_import(field_names, field_names, options)
        if target and message:
            self.assertEqual(self.snapshot(target, field_names[1:]), snapshot)
        self.assertImportResult(entry, result, before)

    def test_every_entry_through_the_import_wizard(self):
        self.assertGreaterEqual(self.each("import"), 60)


@tagged("post_install", "-at_install", "kentro", "kentro_bad_inputs")
class TestBadInputsShown(BadInputCase):
    def test_free_text_is_escaped_on_the_beneficiary_sheet(self):
        report = self.env.ref("kentro_community.kentro_beneficiary_sheet_action")
        for entry in self.entries:
            if not entry.get("escaped"):
                continue
            with self.subTest(entry=entry["id"]):
                values = bad_inputs.resolve(entry["values"], self.refs, self.utc)
                person = self.model(entry).create(values)
                html = str(
                    report.with_user(self.user_professional)._render_qweb_html(
                        report.report_name, person.ids
                    )[0]
                )
                for name in entry["escaped"]:
                    self.assertIn(str(markupsafe.escape(values[name])), html)
                    self.assertNotIn(values[name], html)
                self.assertNotIn("<script>alert", html)
                self.assertNotIn("<img src=x", html)

    def test_social_history_is_sanitized(self):
        person = (
            self.env["kentro.beneficiary"]
            .with_user(self.user_professional)
            .create(
                {
                    "first_name": "Ελένη",
                    "last_name": "Δοκιμαστική",
                    "centre_id": self.centre.id,
                    "social_history": '<p>Στέγαση</p><script>alert(1)</script><img src=x onerror="alert(1)">',
                }
            )
        )
        self.assertIn("Στέγαση", person.social_history)
        self.assertNotIn("<script", person.social_history)
        self.assertNotIn("onerror", person.social_history)
