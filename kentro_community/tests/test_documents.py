"""The documents that leave the Centre with a protocol number: the social
report (Κοινωνική Έκθεση) and the certificate (βεβαίωση), printed by
professionals only, on the municipality's letterhead, audited."""

import re
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, HttpCase, tagged
from odoo.tools import mute_logger

from .common import ThreeAxesCase

SOCIAL_REPORT = "kentro_community.kentro_social_report_action"
CERTIFICATE = "kentro_community.kentro_certificate_action"


def protocol_line(html):
    """The printed «Αρ. Πρωτ.» line of a document, in whatever language."""
    found = re.search(r'o_kentro_protocol_number">(.*?)</div>', html, re.DOTALL)
    return text_of(found.group(1)) if found else ""


def text_of(html):
    """The visible text of a rendered document, on one line."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


class DocumentsCase(ThreeAxesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.housing = cls.env.ref("kentro_community.kentro_need_housing")
        cls.employment = cls.env.ref("kentro_community.kentro_need_employment")
        cls.mother.write(
            {
                "intake_need_ids": [(6, 0, (cls.housing | cls.employment).ids)],
                "social_history": "<p>Έξωση από το διαμέρισμα τον Ιανουάριο.</p>",
                "father_name": "Παναγιώτης",
            }
        )
        Assessment = cls.env["kentro.need.assessment"]
        Assessment.create(
            [
                {
                    "beneficiary_id": cls.mother.id,
                    "need_id": cls.housing.id,
                    "severity": "moderate",
                    "date": date(2025, 10, 1),
                    "notes": "Παλιά εκτίμηση στέγασης",
                },
                {
                    "beneficiary_id": cls.mother.id,
                    "need_id": cls.housing.id,
                    "severity": "critical",
                    "date": date(2026, 2, 1),
                    "notes": "Κίνδυνος αστέγασης",
                },
                {
                    "beneficiary_id": cls.papadopoulos.id,
                    "need_id": cls.employment.id,
                    "severity": "high",
                    "date": date(2026, 2, 1),
                    "notes": "Οφειλές από τζόγο",
                },
            ]
        )
        plan = cls.env["kentro.support.plan"].create(
            {"beneficiary_id": cls.mother.id, "start_date": date(2026, 2, 2)}
        )
        goal = cls.env["kentro.support.goal"].create(
            {"plan_id": plan.id, "name": "Εξασφάλιση κατοικίας", "need_id": cls.housing.id}
        )
        cls.env["kentro.support.action"].create(
            {
                "plan_id": plan.id,
                "goal_id": goal.id,
                "name": "Αίτηση για επίδομα στέγασης",
                "kind": "programme",
                "programme_id": cls.env.ref("kentro_community.kentro_programme_housing").id,
                "user_id": cls.user_professional.id,
                "due_date": date(2026, 3, 31),
            }
        )
        cls.school = cls.env["res.partner"].create(
            {"name": "3ο Δημοτικό Σχολείο Δοκιμής", "is_company": True}
        )

    def _render(self, report, entry, user=None, lang=None):
        Report = self.env["ir.actions.report"].with_user(user or self.user_professional)
        if lang:
            Report = Report.with_context(lang=lang)
        html, _kind = Report._render_qweb_html(report, entry.ids)
        return text_of(html.decode())

    def _social_report(self, user=None, **values):
        Wizard = self.env["kentro.social.report.wizard"].with_user(user or self.user_professional)
        wizard = Wizard.create(
            {
                "beneficiary_id": self.mother.id,
                "correspondent_id": self.school.id,
                "proposal": "Προτείνεται ένταξη στο πρόγραμμα Στέγαση και Εργασία.",
                **values,
            }
        )
        action = wizard.action_print()
        return self.env["kentro.protocol.entry"].browse(action["context"]["active_ids"])

    def _print_logs(self, person):
        return self.env["kentro.audit.log"].search(
            [("file_id", "=", person.id), ("action", "=", "print_document")]
        )


@tagged("post_install", "-at_install", "kentro", "kentro_documents")
class TestSocialReport(DocumentsCase):
    @freeze_time("2026-03-16 10:00:00")
    def test_the_report_holds_the_file_and_the_proposal_on_a_numbered_letterhead(self):
        request = (
            self.env["kentro.protocol.entry"]
            .with_user(self.user_professional)
            .create(
                {
                    "direction": "incoming",
                    "document_kind": "incoming_request",
                    "subject": "Αίτημα σχολείου για κοινωνική έκθεση",
                    "correspondent_id": self.school.id,
                    "beneficiary_id": self.mother.id,
                }
            )
        )
        entry = self._social_report(request_id=request.id)
        self.assertEqual((entry.document_kind, entry.name), ("social_report", "1/2026"))
        self.assertEqual((entry.res_model, entry.res_id), ("kentro.beneficiary", self.mother.id))
        text = self._render(SOCIAL_REPORT, entry)
        # The need names as printed: in the language the test renders in.
        needs = self.env["kentro.need"]
        for expected in (
            "Δήμος Δοκιμής",  # the municipality's letterhead
            "Prot. No.: 1/2026 – 16/03/2026",
            "3ο Δημοτικό Σχολείο Δοκιμής",
            f"Prot. No. {request.name}",
            "Οικονόμου Αγγελική",
            "Παναγιώτης",
            "10/05/1984",
            "Οικονόμου Σπύρος",
            "Οικονόμου Ζωή",
            needs.browse(self.housing.id).name,
            needs.browse(self.employment.id).name,
            "01/02/2026",
            "Κίνδυνος αστέγασης",
            "Έξωση από το διαμέρισμα τον Ιανουάριο.",
            "Εξασφάλιση κατοικίας",
            "Αίτηση για επίδομα στέγασης",
            "31/03/2026",
            "Προτείνεται ένταξη στο πρόγραμμα Στέγαση και Εργασία.",
            "Kentro Professional",
        ):
            self.assertIn(expected, text)
        # A reassessment replaces the earlier one; another person's file is absent.
        for absent in ("Παλιά εκτίμηση στέγασης", "01/10/2025", "Παπαδόπουλος", "τζόγο"):
            self.assertNotIn(absent, text)

    @freeze_time("2026-03-16 10:00:00")
    def test_the_social_report_reads_in_greek(self):
        text = self._render(SOCIAL_REPORT, self._social_report(), lang="el_GR")
        for greek in (
            "Κοινωνική Έκθεση",
            "Αρ. Πρωτ.: 1/2026 – 16/03/2026",
            "1. Στοιχεία ταυτότητας",
            "2. Νοικοκυριό",
            "3. Υποδοχή και ανάγκες",
            "5. Ατομικό Σχέδιο Παρέμβασης",
            "6. Πρόταση",
        ):
            self.assertIn(greek, text)

    def test_a_reprint_keeps_the_number_and_each_print_is_audited(self):
        with freeze_time("2026-03-16 10:00:00"):
            entry = self._social_report()
            self.assertEqual(len(self._print_logs(self.mother)), 0)
            self._render(SOCIAL_REPORT, entry)
        with freeze_time("2026-04-20 10:00:00"):
            text = self._render(SOCIAL_REPORT, entry, user=self.user_head)
        self.assertIn("Prot. No.: 1/2026 – 16/03/2026", text)
        self.assertEqual(
            self.env["kentro.protocol.entry"].search_count(
                [("beneficiary_id", "=", self.mother.id)]
            ),
            1,
        )
        logs = self._print_logs(self.mother)
        self.assertEqual(len(logs), 2)
        self.assertEqual(set(logs.user_id.ids), {self.user_professional.id, self.user_head.id})
        self.assertFalse(self._print_logs(self.papadopoulos))

    def test_erasing_the_file_blanks_its_documents_but_keeps_their_numbers(self):
        entry = self._social_report()
        self.mother.with_user(self.user_head).action_anonymise()
        self.assertEqual((entry.name, entry.beneficiary_id), ("1/" + str(entry.year), self.mother))
        self.assertEqual(entry.subject, "—")
        self.assertFalse(entry.proposal)

    def test_the_wizard_opens_from_the_file(self):
        action = self.env.ref("kentro_community.kentro_social_report_wizard_action")
        Wizard = self.env["kentro.social.report.wizard"].with_user(self.user_professional)
        with Form(Wizard.with_context(default_beneficiary_id=self.mother.id)) as form:
            form.correspondent = "Εισαγγελία Ανηλίκων"
            form.proposal = "Παρακολούθηση από την κοινωνική υπηρεσία."
        entry = self.env["kentro.protocol.entry"].browse(
            form.record.action_print()["context"]["active_ids"]
        )
        self.assertEqual(entry.correspondent, "Εισαγγελία Ανηλίκων")
        self.assertEqual(action.res_model, "kentro.social.report.wizard")
        self.assertIn(self.env.ref("kentro_community.group_kentro_professional"), action.groups_id)

    def test_reception_prints_no_social_report(self):
        entry = self._social_report()
        with self.assertRaises(AccessError):
            self.env["kentro.social.report.wizard"].with_user(self.user_reception).create(
                {"beneficiary_id": self.mother.id, "proposal": "x"}
            )
        with self.assertRaises(AccessError):
            self._render(SOCIAL_REPORT, entry, user=self.user_reception)
        # Nor a professional of another structure, who may not read the file.
        with self.assertRaises(AccessError):
            self._render(SOCIAL_REPORT, entry, user=self.user_annex_professional)
        self.assertEqual(len(self._print_logs(self.mother)), 0)

    def test_a_certificate_entry_is_not_printed_as_a_social_report(self):
        entry = self.env["kentro.protocol.entry"]._kentro_register(
            "certificate", "Βεβαίωση", beneficiary=self.mother, certificate_kind="registration"
        )
        with self.assertRaises(AccessError):
            self._render(SOCIAL_REPORT, entry)


@tagged("post_install", "-at_install", "kentro", "kentro_documents")
class TestCertificate(DocumentsCase):
    def _certificate(self, user=None, **values):
        Wizard = self.env["kentro.certificate.wizard"].with_user(user or self.user_professional)
        wizard = Wizard.create({"beneficiary_id": self.mother.id, **values})
        action = wizard.action_print()
        return self.env["kentro.protocol.entry"].browse(action["context"]["active_ids"])

    @freeze_time("2026-06-01 10:00:00")
    def test_a_certificate_of_attendance_names_the_period_and_is_numbered(self):
        entry = self._certificate(
            certificate_kind="attendance",
            period_from=date(2026, 1, 12),
            period_to=date(2026, 5, 29),
            certificate_note="Συμμετείχε στην ομάδα γονέων.",
            correspondent="ΚΕΠ Δήμου Δοκιμής",
        )
        self.assertEqual((entry.document_kind, entry.name), ("certificate", "1/2026"))
        text = self._render(CERTIFICATE, entry)
        for expected in (
            "Δήμος Δοκιμής",
            "Prot. No.: 1/2026 – 01/06/2026",
            "Κέντρο Κοινότητας Δοκιμής",
            "Οικονόμου Αγγελική",
            "12/01/2026",
            "29/05/2026",
            "Συμμετείχε στην ομάδα γονέων.",
            "ΚΕΠ Δήμου Δοκιμής",
        ):
            self.assertIn(expected, text)
        self.assertNotIn("Έξωση", text, "a certificate prints nothing of the social history")
        self.assertEqual(len(self._print_logs(self.mother)), 1)

    @freeze_time("2026-06-01 10:00:00")
    def test_the_certificate_reads_in_greek(self):
        entry = self._certificate(certificate_kind="support", period_from=date(2026, 2, 2))
        text = self._render(CERTIFICATE, entry, lang="el_GR")
        for greek in (
            "Βεβαίωση",
            "Αρ. Πρωτ.: 1/2026 – 01/06/2026",
            "βεβαιώνει ότι ο/η",
            "έλαβε υποστήριξη από τους επαγγελματίες του Κέντρου",
            "από 02/02/2026 έως σήμερα",
        ):
            self.assertIn(greek, text)

    @freeze_time("2026-06-01 10:00:00")
    def test_certificates_and_letters_share_the_outgoing_numbers(self):
        first = self._certificate(certificate_kind="registration")
        second = self._social_report()
        self.assertEqual([first.name, second.name], ["1/2026", "2/2026"])

    def test_a_period_is_required_and_must_not_end_before_it_starts(self):
        Wizard = self.env["kentro.certificate.wizard"].with_user(self.user_professional)
        with self.assertRaisesRegex(ValidationError, "enter its first day"):
            Wizard.create({"beneficiary_id": self.mother.id, "certificate_kind": "support"})
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            Wizard.create(
                {
                    "beneficiary_id": self.mother.id,
                    "certificate_kind": "support",
                    "period_from": date(2026, 5, 1),
                    "period_to": date(2026, 4, 1),
                }
            )
        self.assertFalse(
            self.env["kentro.protocol.entry"].search([("beneficiary_id", "=", self.mother.id)])
        )

    def test_reception_prints_no_certificate(self):
        with self.assertRaises(AccessError):
            self._certificate(user=self.user_reception, certificate_kind="registration")


@tagged("post_install", "-at_install", "kentro", "kentro_documents", "kentro_privacy")
class TestDocumentsOverHttp(HttpCase, DocumentsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.entry = cls.env["kentro.protocol.entry"]._kentro_register(
            "social_report",
            "Κοινωνική έκθεση",
            beneficiary=cls.mother,
            document=cls.mother,
            proposal="Προτείνεται στήριξη.",
        )

    @mute_logger("odoo.http")
    def test_reception_gets_a_refusal_from_the_report_route(self):
        self.authenticate(self.user_reception.login, self.user_reception.login)
        for converter in ("pdf", "html"):
            response = self.url_open(
                f"/report/{converter}/kentro_community.kentro_social_report/{self.entry.id}",
                allow_redirects=False,
            )
            self.assertNotEqual(response.status_code, 200)
            for secret in ("Οικονόμου", "Έξωση", "Προτείνεται"):
                self.assertNotIn(secret, response.text)
        self.assertFalse(self._print_logs(self.mother))

    def test_a_professional_prints_it_through_the_route_and_is_audited(self):
        self.authenticate(self.user_professional.login, self.user_professional.login)
        response = self.url_open(
            f"/report/html/kentro_community.kentro_social_report/{self.entry.id}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Έξωση από το διαμέρισμα", response.text)
        self.assertEqual(self._print_logs(self.mother).user_id, self.user_professional)

    def test_the_referral_letter_is_numbered_when_printed_through_the_route(self):
        referral = self.env["kentro.referral"].create(
            {"beneficiary_id": self.mother.id, "agency_id": self.dypa.id}
        )
        self.authenticate(self.user_professional.login, self.user_professional.login)
        url = f"/report/html/kentro_community.kentro_referral_report/{referral.id}"
        first = protocol_line(self.url_open(url).text)
        entry = referral.protocol_entry_id
        self.assertEqual(entry.document_kind, "referral_letter")
        self.assertTrue(first.endswith(f"{entry.name} – {entry.date:%d/%m/%Y}"), first)
        second = protocol_line(self.url_open(url).text)
        self.assertEqual(referral.protocol_entry_id, entry)
        self.assertEqual(second, first)
        self.assertEqual(
            self.env["kentro.protocol.entry"].search_count([("res_id", "=", referral.id)]), 1
        )
