from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import ThreeAxesCase


@tagged("kentro", "kentro_axes")
class TestApplications(ThreeAxesCase):
    def test_checklist_for_a_four_person_household(self):
        application = self._application()
        application.action_collect()
        self.assertEqual(application.state, "collecting")
        lines = application.line_ids
        per_type = {}
        for line in lines:
            per_type.setdefault(line.document_type_id, self.env["kentro.beneficiary"])
            per_type[line.document_type_id] |= line.member_id
        ref = self.env.ref
        members = self.household.member_ids
        adults = members.filtered(lambda m: m.age >= 18)
        self.assertEqual(len(members), 4)
        self.assertEqual(len(adults), 2)
        self.assertEqual(per_type[ref("kentro_community.kentro_document_type_amka")], members)
        self.assertEqual(per_type[ref("kentro_community.kentro_document_type_consent")], adults)
        self.assertEqual(per_type[ref("kentro_community.kentro_document_type_e1")], adults)
        self.assertEqual(per_type[ref("kentro_community.kentro_document_type_iban")], self.mother)
        # 12 documents: 1 per member (4 lines), 6 per adult (12 lines), 5 once (5 lines).
        self.assertEqual(len(lines), 21)
        self.assertTrue(all(line.state == "missing" for line in lines))

    def test_submission_is_refused_listing_exactly_what_is_missing(self):
        application = self._application()
        application.action_collect()
        lines = application.line_ids
        iban = lines.filtered(lambda line: line.document_type_id.name.startswith("Bank account"))
        (lines - iban).write({"state": "received"})
        with self.assertRaises(UserError) as caught:
            application.action_submit()
        message = str(caught.exception)
        self.assertIn("Bank account (IBAN) certificate", message)
        self.assertNotIn("Income tax return", message)
        self.assertEqual(application.state, "collecting")
        self.assertFalse(application.service_ids)
        iban.state = "not_needed"
        application.action_submit()
        self.assertEqual(application.state, "submitted")

    def test_submission_message_reads_in_greek(self):
        application = self._application()
        application.action_collect()
        with self.assertRaises(UserError) as caught:
            application.with_context(lang="el_GR").action_submit()
        self.assertIn("λείπουν", str(caught.exception))

    @freeze_time("2026-03-02")
    def test_state_machine_and_a_single_service_entry(self):
        application = self._application()
        with self.assertRaises(UserError):
            application.action_submit()
        application.action_collect()
        application.line_ids.write({"state": "received"})
        application.action_submit()
        self.assertEqual(application.submission_date, date(2026, 3, 2))
        application._log_service()
        services = self.env["kentro.service"].search([("application_id", "=", application.id)])
        self.assertEqual(len(services), 1)
        self.assertEqual(services.service_type_id, self.application_support)
        self.assertEqual(services.beneficiary_id, self.mother)
        self.assertEqual(services.duration, self.application_support.default_duration)
        with self.assertRaises(UserError):
            application.action_collect()
        application.action_approve()
        self.assertEqual(
            (application.state, application.renewal_date), ("approved", date(2026, 9, 2))
        )
        with self.assertRaises(UserError):
            application.action_reject()

    def test_rejection(self):
        application = self._application()
        application.action_collect()
        application.line_ids.write({"state": "not_needed"})
        application.action_submit()
        application.action_reject()
        self.assertEqual(application.state, "rejected")
        self.assertFalse(application.renewal_date)

    def test_reminders_before_renewal_and_document_expiry(self):
        with freeze_time("2026-01-10"):
            application = self._application()
            application.action_collect()
            application.line_ids.write({"state": "received"})
            permit = application.line_ids.filtered(lambda line: line.document_type_id.expires)[:1]
            permit.expiry_date = date(2026, 2, 20)
            application.action_submit()
            application.action_approve()
        with freeze_time("2026-02-01"):
            self.env["kentro.application"]._cron_reminders()
            self.assertEqual(len(application.activity_ids), 1)
            # In the municipality's language (Greek by default).
            self.assertIn("Λήγει έγγραφο", application.activity_ids.summary)
            self.env["kentro.application"]._cron_reminders()
            self.assertEqual(len(application.activity_ids), 1, "one reminder per document")
        with freeze_time("2026-06-15"):
            self.env["kentro.application"]._cron_reminders()
            self.assertEqual(application.state, "renewal_due")
            renewal = application.activity_ids.filtered(lambda a: "Ανανέωση" in a.summary)
            self.assertEqual(renewal.date_deadline, date(2026, 7, 10))
            self.assertEqual(renewal.user_id, self.user_professional)


@tagged("kentro", "kentro_axes")
class TestReferrals(ThreeAxesCase):
    def test_sending_requires_a_consent_covering_the_agency(self):
        referral = self._referral()
        with self.assertRaises(UserError) as caught:
            referral.action_send()
        self.assertIn("has not consented", str(caught.exception))
        self.assertEqual(referral.state, "draft")
        self._consent(agency_id=self.opeka.id)
        with self.assertRaises(UserError):
            referral.action_send()
        self._consent(agency_id=self.dypa.id, state="withdrawn")
        with self.assertRaises(UserError):
            referral.action_send()
        consent = self._consent(agency_category_id=self.dypa.kentro_agency_category_id.id)
        referral.action_send()
        self.assertEqual(referral.state, "sent")
        self.assertEqual(referral.consent_id, consent)

    @freeze_time("2026-04-01")
    def test_states_follow_up_and_a_single_service_entry(self):
        self._consent(agency_id=self.dypa.id)
        referral = self._referral()
        referral.action_send()
        self.assertEqual(
            (referral.sent_date, referral.follow_up_date), (date(2026, 4, 1), date(2026, 4, 15))
        )
        activity = referral.activity_ids
        self.assertEqual(
            (activity.date_deadline, activity.user_id), (date(2026, 4, 15), self.user_professional)
        )
        referral._log_service()
        services = self.env["kentro.service"].search([("referral_id", "=", referral.id)])
        self.assertEqual(services.service_type_id, self.referral_service)
        self.assertEqual(len(services), 1)
        with self.assertRaises(UserError):
            referral.action_send()
        referral.action_accept()
        self.assertEqual(referral.answer_date, date(2026, 4, 1))
        with freeze_time("2026-04-20"):
            referral.invalidate_recordset(["follow_up_overdue"])
            self.assertTrue(referral.follow_up_overdue)
            referral.outcome = "Εγγράφηκε, έλαβε κάρτα ανεργίας."
            referral.action_complete()
            self.assertEqual(
                (referral.state, referral.close_date), ("completed", date(2026, 4, 20))
            )
            self.assertFalse(referral.follow_up_overdue)
            self.assertFalse(referral.activity_ids)

    def test_no_response_and_rejection(self):
        self._consent(agency_id=self.dypa.id)
        quiet, refused = self._referral() | self._referral()
        (quiet | refused).action_send()
        quiet.action_no_response()
        refused.action_reject()
        self.assertEqual((quiet.state, refused.state), ("no_response", "rejected"))
        with self.assertRaises(UserError):
            refused.action_complete()


@tagged("kentro", "kentro_axes", "kentro_security")
class TestThreeAxesAccess(ThreeAxesCase):
    def test_reception_cannot_read_referral_reasons_or_notes(self):
        self._consent(agency_id=self.dypa.id)
        referral = self._referral()
        Referral = self.env["kentro.referral"].with_user(self.user_reception)
        self.assertEqual(Referral.search([]), referral)
        self.assertEqual(Referral.browse(referral.id).read(["state"])[0]["state"], "draft")
        for field in ("reason", "notes", "outcome"):
            self.assertNotIn(field, Referral.fields_get())
            with self.assertRaises(AccessError):
                Referral.browse(referral.id).read([field])
            with self.assertRaises(AccessError):
                Referral.search_read([], [field])
        with self.assertRaises(AccessError):
            Referral.browse(referral.id).action_send()

    def test_professional_of_another_structure_sees_nothing(self):
        self._consent(agency_id=self.dypa.id)
        referral = self._referral()
        referral.action_send()
        application = self._application()
        outsider = self.user_annex_professional
        for model in ("kentro.referral", "kentro.application", "kentro.service", "kentro.consent"):
            Model = self.env[model].with_user(outsider)
            self.assertFalse(Model.search_read([], ["id"]), model)
            self.assertFalse(
                Model.read_group([], ["__count"], []) and Model.search_count([]), model
            )
        with self.assertRaises(AccessError):
            self.env["kentro.application"].with_user(outsider).browse(application.id).read(
                ["state"]
            )
        self.assertEqual(
            self.env["kentro.referral"].with_user(self.user_head).search([]),
            referral,
            "the head sees it",
        )

    def test_beneficiary_file_counts_its_work(self):
        self._consent(agency_id=self.dypa.id)
        self._referral().action_send()
        self._application()
        person = self.mother.with_user(self.user_professional)
        self.assertEqual(
            (person.service_count, person.application_count, person.referral_count), (1, 1, 1)
        )
        action = person.action_open_referrals()
        self.assertEqual(action["domain"], [("beneficiary_id", "=", self.mother.id)])


# wkhtmltopdf fetches the report's assets from this very server: it answers only
# once the modules are loaded, and sees the test's data only through HttpCase.
@tagged("post_install", "-at_install", "kentro", "kentro_axes")
class TestReferralLetter(HttpCase, ThreeAxesCase):
    def test_referral_letter_is_a_pdf(self):
        self._consent(agency_id=self.dypa.id)
        referral = self._referral()
        referral.action_send()
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, kind = report._render_qweb_pdf(
            "kentro_community.kentro_referral_report_action", referral.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        html = (
            report.with_context(lang="el_GR")
            ._render_qweb_html("kentro_community.kentro_referral_report_action", referral.ids)[0]
            .decode()
        )
        self.assertIn("Οικονόμου Αγγελική", html)
        self.assertIn("Παραπομπή", html)
        self.assertIn(self.centre.name, html)


@tagged("kentro", "kentro_axes")
class TestGroupActivities(ThreeAxesCase):
    def test_each_attendance_is_a_service_written_once(self):
        activity = (
            self.env["kentro.group.activity"]
            .with_user(self.user_professional)
            .create({"name": "Ομάδα γονέων"})
        )
        self.assertEqual(activity.centre_id, self.centre)
        self.assertEqual(activity.service_type_id.code, "group_activity")
        attendees = self.mother | self.papadopoulos
        session = (
            self.env["kentro.group.session"]
            .with_user(self.user_professional)
            .create(
                {
                    "activity_id": activity.id,
                    "date": date(2026, 5, 4),
                    "duration": 120,
                    "attendee_ids": attendees.ids,
                }
            )
        )
        session.action_mark_held()
        services = self.env["kentro.service"].search([("group_session_id", "=", session.id)])
        self.assertEqual(services.beneficiary_id, attendees)
        self.assertEqual(set(services.mapped("duration")), {120})
        self.assertEqual(set(services.mapped("date")), {date(2026, 5, 4)})
        with self.assertRaises(UserError):
            session.action_mark_held()
        self.assertEqual(
            self.env["kentro.service"].search_count([("group_session_id", "=", session.id)]), 2
        )

    def test_group_activities_of_another_structure_are_invisible(self):
        activity = self.env["kentro.group.activity"].create(
            {"name": "Μαθήματα ελληνικών", "centre_id": self.centre.id}
        )
        Activity = self.env["kentro.group.activity"].with_user(self.user_annex_professional)
        self.assertFalse(Activity.search([("id", "=", activity.id)]))
        with self.assertRaises(AccessError):
            Activity.browse(activity.id).read(["name"])
