from datetime import date

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import KentroRegistryCase, new_company_user


@tagged("kentro", "kentro_privacy")
class TestCaseNotes(KentroRegistryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A second professional at the centre, a social worker like the head.
        cls.user_social_worker = new_company_user(
            cls.env,
            "kentro_social_worker",
            "kentro_community.group_kentro_professional",
            cls.municipality,
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
        psychologist = new_company_user(
            self.env,
            "kentro_psychologist_2",
            "kentro_community.group_kentro_professional,base.group_allow_export",
            self.municipality,
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
        person.web_read({"name": {}, "amka": {}, "social_history": {}})
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
        self.papadopoulos.with_user(self.user_professional).web_read(
            {"name": {}, "social_history": {}}
        )
        log = self.env["kentro.audit.log"].search([("file_id", "=", self.papadopoulos.id)])
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


@tagged("kentro", "kentro_privacy")
class TestRetention(KentroRegistryCase):
    def _report_figures(self):
        today = fields.Date.context_today(self.env["kentro.service"])
        wizard = self.env["kentro.activity.report"].create(
            {"centre_id": self.centre.id, "date_from": today.replace(day=1), "date_to": today}
        )
        esf = wizard.copy({"report_type": "esf"})
        annual = wizard.copy(
            {
                "report_type": "annual",
                "date_from": today.replace(month=1, day=1),
                "date_to": today.replace(month=12, day=31),
            }
        )
        return [
            [section["rows"] for section in report._report_sections() if section["title"]]
            for report in (wizard, annual)
        ] + [esf._report_sections()[0]["rows"]]

    def test_erasure_keeps_the_statistics_and_nothing_that_identifies(self):
        person = self.papadopoulos
        person.write(
            {
                "education_level": "isced_3",
                "employment_status": "unemployed",
                "presenting_request": "Οφειλές",
                "vulnerability_ids": [
                    (4, self.env.ref("kentro_community.kentro_vulnerability_roma").id)
                ],
            }
        )
        service = self.env["kentro.service"].create(
            {
                "beneficiary_id": person.id,
                "service_type_id": self.env.ref(
                    "kentro_community.kentro_service_type_information"
                ).id,
                "notes": "Ο κ. Παπαδόπουλος ζήτησε βοήθεια.",
            }
        )
        self.env["kentro.case.note"].create({"beneficiary_id": person.id, "body": "<p>x</p>"})
        attachment = self.env["ir.attachment"].create(
            {
                "name": "ταυτότητα.pdf",
                "raw": b"%PDF",
                "res_model": person._name,
                "res_id": person.id,
            }
        )
        person.message_post(body="Τηλεφώνησε ο κ. Παπαδόπουλος")
        age, partner = person.age, person.partner_id
        before = self._report_figures()
        with self.assertRaises(AccessError):
            person.with_user(self.user_professional).action_anonymise()
        self.assertFalse(person.anonymised)
        person.with_user(self.user_head).action_anonymise()
        self.assertTrue(person.anonymised)
        self.assertEqual(person.state, "closed")
        self.assertNotIn("Παπαδόπουλος", person.name)
        self.assertFalse(
            person.amka or person.afm or person.social_history or person.presenting_request
        )
        self.assertEqual(person.age, age, "only the age is kept")
        self.assertFalse(partner.phone or partner.street or partner.email)
        self.assertNotIn("Παπαδόπουλος", partner.name)
        self.assertFalse(service.notes)
        self.assertFalse(self.env["kentro.case.note"].search([("beneficiary_id", "=", person.id)]))
        self.assertFalse(attachment.exists())
        # Tracking is written when the transaction commits: run that step too.
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.assertFalse(
            self.env["mail.message"].search(
                [("model", "=", person._name), ("res_id", "=", person.id)]
            )
        )
        self.assertEqual(self._report_figures(), before, "the same totals")

    def test_closing_starts_the_retention_and_the_cron_anonymises_when_it_ends(self):
        self.municipality.kentro_retention_years = 2
        self.papadopoulos.state = "closed"
        today = fields.Date.context_today(self.papadopoulos)
        self.assertEqual(self.papadopoulos.closed_date, today)
        self.assertEqual(self.papadopoulos.retention_until, today + relativedelta(years=2))
        self.annex_person.state = "closed"
        self.annex_person.write({"retention_until": today - relativedelta(days=1)})
        done = self.env["kentro.beneficiary"]._cron_anonymise_expired()
        self.assertEqual(done, self.annex_person)
        self.assertTrue(self.annex_person.anonymised)
        self.assertFalse(self.papadopoulos.anonymised)
        self.papadopoulos.state = "active"
        self.assertFalse(self.papadopoulos.retention_until, "reopened: no retention running")


@tagged("kentro", "kentro_privacy")
class TestConsents(KentroRegistryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dypa = cls.env.ref("kentro_community.res_partner_agency_dypa")

    def _referral(self):
        return (
            self.env["kentro.referral"]
            .with_user(self.user_professional)
            .create({"beneficiary_id": self.papadopoulos.id, "agency_id": self.dypa.id})
        )

    def test_the_expiry_job_counts_days_as_greece_does(self):
        """The job runs as OdooBot, whose time zone is Odoo's default
        (Brussels): at 22:30 UTC on 30 November it is 23:30 there but already
        1 December in Greece, and a consent valid until 30 November has ended."""
        consent = self.env["kentro.consent"].create(
            {
                "beneficiary_id": self.papadopoulos.id,
                "agency_id": self.dypa.id,
                "valid_until": date(2026, 11, 30),
            }
        )
        odoobot = self.env.ref("base.user_root")
        odoobot.tz = "Europe/Brussels"
        job = self.env["kentro.consent"].with_user(odoobot)
        with freeze_time("2026-11-30 21:30:00"):  # 23:30 in Greece: still valid
            job._cron_expire()
        self.assertEqual(consent.state, "given")
        with freeze_time("2026-11-30 22:30:00"):  # 00:30 on 1 December in Greece
            job._cron_expire()
        self.assertEqual(consent.state, "expired")

    def test_only_a_valid_sharing_consent_opens_the_gate(self):
        Consent = self.env["kentro.consent"].with_user(self.user_reception)
        processing = Consent.create(
            {"beneficiary_id": self.papadopoulos.id, "purpose": "processing"}
        )
        self.assertEqual(processing.recorded_by_id, self.user_reception)
        with self.assertRaises(UserError):
            self._referral().action_send()
        expired = Consent.create(
            {
                "beneficiary_id": self.papadopoulos.id,
                "agency_id": self.dypa.id,
                "valid_until": fields.Date.context_today(processing) - relativedelta(days=1),
            }
        )
        with self.assertRaises(UserError):
            self._referral().action_send()
        self.env["kentro.consent"]._cron_expire()
        self.assertEqual(expired.state, "expired")
        self.assertEqual(processing.state, "given", "no end date")
        Consent.create({"beneficiary_id": self.papadopoulos.id, "agency_id": self.dypa.id})
        referral = self._referral()
        referral.action_send()
        self.assertEqual(referral.state, "sent")

    def test_withdrawing_flags_the_open_referrals(self):
        consent = self.env["kentro.consent"].create(
            {"beneficiary_id": self.papadopoulos.id, "agency_id": self.dypa.id}
        )
        referral = self._referral()
        referral.action_send()
        closed = self._referral()
        closed.action_send()
        closed.action_no_response()
        consent.with_user(self.user_reception).write({"state": "withdrawn"})
        self.assertTrue(referral.consent_withdrawn)
        self.assertFalse(closed.consent_withdrawn)
        self.assertIn(
            self.dypa.name, " ".join(referral.activity_ids.mapped("summary")), "the worker is told"
        )

    def test_consent_form_per_purpose_in_greek(self):
        self.env["res.lang"]._activate_lang("el_GR")
        report = self.env["ir.actions.report"].with_user(self.user_reception)
        for purpose, text in (
            ("processing", "να τηρεί το Κέντρο Κοινότητας τον φάκελό μου"),
            ("sharing", self.dypa.name),
            ("esf_sensitive", "Ευρωπαϊκού Κοινωνικού Ταμείου+"),
            ("photos", "φωτογραφίες"),
        ):
            consent = self.env["kentro.consent"].create(
                {
                    "beneficiary_id": self.papadopoulos.id,
                    "purpose": purpose,
                    "agency_id": self.dypa.id if purpose == "sharing" else False,
                }
            )
            html = report._render_qweb_html(
                "kentro_community.kentro_consent_form_action", consent.ids
            )[0].decode()
            self.assertIn("Έντυπο συναίνεσης", html)
            self.assertIn(text, html)
