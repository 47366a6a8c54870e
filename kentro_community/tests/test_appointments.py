import glob
import os
import re
from datetime import timedelta

import polib
from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from ..tools import greek
from .common import AppointmentCase

ADDONS = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@tagged("kentro", "kentro_appointments")
class TestBooking(AppointmentCase):
    def test_an_appointment_is_a_calendar_event_of_the_beneficiary(self):
        event = self.book(self.at(self.monday, 10))
        self.assertTrue(event.kentro_appointment)
        self.assertEqual(event.kentro_centre_id, self.centre)
        self.assertIn(self.papadopoulos.partner_id, event.partner_ids)
        self.assertIn(self.user_professional.partner_id, event.partner_ids)
        self.assertNotIn("Παπαδόπουλος", event.name, "the title names the service only")
        self.assertTrue(event.alarm_ids, "Odoo's reminder for the professional")
        self.assertEqual(self.papadopoulos.with_user(self.user_reception).appointment_count, 1)
        event.with_user(self.user_reception).write({"name": "Παπαδόπουλος Γεώργιος"})
        self.assertNotIn("Παπαδόπουλος", event.name)
        self.assertFalse(
            self.env["mail.mail"].search(
                [("recipient_ids", "in", self.papadopoulos.partner_id.ids)]
            ),
            "no invitation listing the attendees",
        )

    def test_the_person_gets_no_invitation_of_odoos_listing_the_attendees(self):
        event = self.book(self.at(self.monday, 10))
        invitations = self.env["mail.message"].search(
            [
                ("model", "=", "calendar.event"),
                ("res_id", "=", event.id),
                ("attachment_ids.name", "=", "invitation.ics"),
            ]
        )
        self.assertFalse(invitations.partner_ids & self.papadopoulos.partner_id)

    def test_an_event_of_the_calendar_becomes_an_appointment(self):
        # Quick-created in the professional's calendar, completed in its form.
        Event = self.env["calendar.event"].with_user(self.user_professional)
        event = Event.create(
            {
                "name": "Παπαδόπουλος",
                "start": self.at(self.monday, 12),
                "stop": self.at(self.monday, 13),
            }
        )
        self.assertFalse(event.kentro_appointment)
        event.write(
            {
                "kentro_beneficiary_id": self.papadopoulos.id,
                "kentro_service_type_id": self.counselling.id,
            }
        )
        self.assertTrue(event.kentro_appointment)
        self.assertNotIn("Παπαδόπουλος", event.name)
        self.assertIn(self.papadopoulos.partner_id, event.partner_ids)
        self.assertEqual(event.user_id, self.user_professional)
        # The web client may send the attendees as plain ids.
        other = Event.create(
            {
                "name": "x",
                "kentro_beneficiary_id": self.papadopoulos.id,
                "kentro_service_type_id": self.counselling.id,
                "partner_ids": [self.user_professional.partner_id.id],
                "start": self.at(self.monday, 14),
                "stop": self.at(self.monday, 14, 30),
            }
        )
        self.assertEqual(
            other.partner_ids, self.user_professional.partner_id | self.papadopoulos.partner_id
        )
        with self.assertRaises(ValidationError):
            event.write({"start": self.at(self.monday, 17), "stop": self.at(self.monday, 18)})

    def test_outside_opening_hours_or_on_a_holiday_is_refused_with_the_hours(self):
        Event = self.env["calendar.event"]
        for start in (
            self.at(self.monday, 7, 30),
            self.at(self.monday, 15, 30),  # ends after 16:00
            self.at(self.monday + timedelta(days=5), 10),  # Saturday
            self.at(self.tuesday, 10),  # public holiday
        ):
            with self.assertRaises(ValidationError) as caught:
                self.book(start)
            self.assertIn("08:00–16:00", str(caught.exception))
        self.assertFalse(Event.search([("kentro_beneficiary_id", "=", self.papadopoulos.id)]))
        self.assertTrue(self.book(self.at(self.monday, 15, 15)))

    def test_opening_hours_read_in_greek(self):
        self.env["res.lang"]._activate_lang("el_GR")
        with self.assertRaises(ValidationError) as caught:
            self.env["calendar.event"].with_user(self.user_reception).with_context(
                lang="el_GR"
            ).create(
                {
                    "name": "x",
                    "kentro_beneficiary_id": self.papadopoulos.id,
                    "user_id": self.user_professional.id,
                    "start": self.at(self.monday, 18),
                    "stop": self.at(self.monday, 19),
                }
            )
        self.assertIn("Δευτέρα 08:00–16:00", str(caught.exception))

    def test_a_professional_is_never_booked_twice(self):
        first = self.book(self.at(self.monday, 10))
        with self.assertRaises(ValidationError) as caught:
            self.book(self.at(self.monday, 10, 30), person=self.kosti)
        self.assertIn(self.user_professional.name, str(caught.exception))
        other = self.book(self.at(self.monday, 10, 30), professional=self.user_head)
        self.assertTrue(other)
        with mute_logger("odoo.sql_db"), self.assertRaises(ValidationError):
            other.write({"user_id": self.user_professional.id})
        first.action_kentro_cancel_beneficiary()
        self.assertTrue(self.book(self.at(self.monday, 10), person=self.kosti))

    def test_annexes_book_within_their_own_hours_and_staff(self):
        start = self.at(self.monday, 9)
        with self.assertRaises(ValidationError) as caught:
            self.book(
                start,
                person=self.annex_person,
                professional=self.user_annex_professional,
                user=self.user_annex_professional,
            )
        self.assertIn("10:00–14:00", str(caught.exception))
        event = self.book(
            self.at(self.monday, 11),
            person=self.annex_person,
            professional=self.user_annex_professional,
            user=self.user_annex_professional,
        )
        self.assertEqual(event.kentro_centre_id, self.annex)
        finder = self.env["kentro.appointment.finder"].create(
            {"centre_id": self.annex.id, "service_type_id": self.counselling.id}
        )
        self.assertFalse(finder.user_ids, "the annex has no psychologist")
        self.counselling.staff_role_ids = False
        finder = self.env["kentro.appointment.finder"].create(
            {"centre_id": self.annex.id, "service_type_id": self.counselling.id}
        )
        self.assertEqual(finder.user_ids, self.user_annex_professional)


@tagged("kentro", "kentro_appointments")
class TestAppointmentPrivacy(AppointmentCase):
    def test_outside_the_centre_an_appointment_is_busy_time_only(self):
        event = self.book(self.at(self.monday, 10), description="<p>Παπαδόπουλος: χρέη</p>")
        event.message_post(body="Σημείωση για τον Παπαδόπουλο")
        for user in (self.user_employee, self.user_annex_professional):
            user.groups_id += self.env.ref("base.group_allow_export")
            Event = self.env["calendar.event"].with_user(user)
            for row in (
                Event.search_read(
                    [("id", "=", event.id)],
                    ["name", "description", "partner_ids", "attendee_ids", "start", "location"],
                )[0],
                Event.browse(event.id).read(["name", "description", "partner_ids", "display_name"])[
                    0
                ],
            ):
                self.assertIn(row["name"], ("Busy", "Απασχολημένος/η"), user.login)
                self.assertFalse(row["description"])
                self.assertFalse(row["partner_ids"])
                self.assertNotIn("Παπαδόπουλος", str(row))
            self.assertEqual(Event.browse(event.id).start, event.start, "the busy time shows")
            self.assertFalse(
                self.env["calendar.attendee"]
                .with_user(user)
                .search_read([("event_id", "=", event.id)], ["common_name", "partner_id"])
            )
            self.assertFalse(
                self.env["mail.message"]
                .with_user(user)
                .search_read(
                    [("model", "=", "calendar.event"), ("res_id", "=", event.id)], ["body"]
                )
            )
            with self.assertRaises(AccessError):
                self.env["mail.message"].with_user(user).browse(event.message_ids[:1].id).read(
                    ["body"]
                )
            exported = Event.browse(event.id).export_data(["name", "partner_ids/name"])["datas"]
            self.assertNotIn("Παπαδόπουλος", str(exported))
            groups = Event.read_group([("id", "=", event.id)], ["partner_ids"], ["partner_ids"])
            self.assertNotIn("Παπαδόπουλος", str(groups))
            with self.assertRaises(AccessError, msg=user.login):
                Event.browse(event.id).write({"start": self.at(self.monday, 11)})
        Event = self.env["calendar.event"].with_user(self.user_employee)
        self.assertNotIn("kentro_beneficiary_id", Event.fields_get())
        with self.assertRaises(AccessError):
            Event.search_read([("kentro_beneficiary_id", "!=", False)], ["start"])
        # Inside the structure, the staff see the appointment as it is.
        row = (
            self.env["calendar.event"]
            .with_user(self.user_reception)
            .browse(event.id)
            .read(["partner_ids", "kentro_beneficiary_id"])[0]
        )
        self.assertIn(self.papadopoulos.partner_id.id, row["partner_ids"])
        self.assertEqual(row["kentro_beneficiary_id"][0], self.papadopoulos.id)

    def test_grouping_by_a_hidden_field_leaves_out_other_structures_appointments(self):
        # Odoo groups confidential events by their private fields for everyone.
        event = self.book(self.at(self.monday, 10))
        for user in (self.user_employee, self.user_annex_professional):
            Event = self.env["calendar.event"].with_user(user)
            self.assertFalse(
                Event.read_group([("id", "=", event.id)], ["name"], ["name"]), user.login
            )
        Event = self.env["calendar.event"].with_user(self.user_reception)
        groups = Event.read_group([("id", "=", event.id)], ["name"], ["name"])
        self.assertEqual([group["name"] for group in groups], [event.name])

    def test_busy_time_still_names_its_structure_and_professional(self):
        # The calendar filters busy time by professional and structure.
        event = self.book(self.at(self.monday, 10))
        for user in (self.user_employee, self.user_annex_professional):
            [row] = (
                self.env["calendar.event"]
                .with_user(user)
                .browse(event.id)
                .read(
                    ["kentro_appointment", "kentro_centre_id", "kentro_professional_id"], load=None
                )
            )
            self.assertEqual(
                (row["kentro_appointment"], row["kentro_centre_id"], row["kentro_professional_id"]),
                (True, self.centre.id, self.user_professional.id),
                user.login,
            )

    def test_one_read_does_not_unmask_the_next(self):
        # Deciding what to mask must not leave the real values of the other
        # fields in the cache, where the next read of the request finds them:
        # for an appointment, and for a private event that is not Kentro's.
        appointment = self.book(
            self.at(self.monday, 10), description="<p>Παπαδόπουλος: χρέη</p>", location="Γραφείο 2"
        )
        other = self.env["calendar.event"].create(
            {
                "name": "Ιδιωτικό",
                "privacy": "private",
                "description": "<p>ιδιωτικό</p>",
                "location": "Σπίτι",
                "user_id": self.user_professional.id,
                "start": self.at(self.monday, 18),
                "stop": self.at(self.monday, 19),
            }
        )
        for label, event in (("appointment", appointment), ("private event", other)):
            self.env.invalidate_all()
            Event = self.env["calendar.event"].with_user(self.user_employee)
            for field in ("name", "location", "description"):
                value = Event.browse(event.id).read([field])[0][field]
                if field == "name":
                    self.assertIn(value, ("Busy", "Απασχολημένος/η"), label)
                else:
                    self.assertFalse(value, f"{label}: {field}")

    def test_a_look_at_its_documents_does_not_unmask_it(self):
        # Listing attachments asks which events are appointments: that look,
        # done as superuser, must not leave the appointment's private fields in
        # the cache for the user's next read.
        appointment = self.book(self.at(self.monday, 10), location="Γραφείο 2")
        self.env["ir.attachment"].create(
            {
                "name": "κάρτα.txt",
                "raw": b"x",
                "res_model": "calendar.event",
                "res_id": appointment.id,
            }
        )
        self.env.invalidate_all()
        Attachment = self.env["ir.attachment"].with_user(self.user_employee)
        Attachment.search([("res_model", "=", "calendar.event"), ("res_id", "=", appointment.id)])
        Event = self.env["calendar.event"].with_user(self.user_employee)
        self.assertFalse(Event.browse(appointment.id).read(["location"])[0]["location"])


@tagged("kentro", "kentro_appointments")
class TestAttendance(AppointmentCase):
    def test_attended_writes_the_service_once(self):
        event = self.book(self.at(self.monday, 9), minutes=50)
        event.with_user(self.user_professional).action_kentro_attended()
        service = self.env["kentro.service"].search([("appointment_id", "=", event.id)])
        self.assertEqual(len(service), 1)
        self.assertEqual(
            (service.beneficiary_id, service.service_type_id, service.user_id, service.duration),
            (self.papadopoulos, self.counselling, self.user_professional, 50),
        )
        self.assertEqual(service.date, self.monday)
        self.assertEqual(event.kentro_service_id, service)
        with self.assertRaises(UserError):
            event.action_kentro_attended()
        self.assertEqual(
            self.env["kentro.service"].search_count([("appointment_id", "=", event.id)]), 1
        )
        kinds = self.papadopoulos.timeline_ids.mapped("kind")
        self.assertIn("appointment_attended", kinds)

    def test_missed_asks_for_a_call_back_and_cancelled_writes_nothing(self):
        missed = self.book(self.at(self.monday, 9))
        missed.action_kentro_missed()
        activity = self.papadopoulos.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.user_professional)
        self.assertEqual(activity.activity_type_id, self.env.ref("mail.mail_activity_data_call"))
        cancelled = self.book(self.at(self.monday, 11))
        cancelled.action_kentro_cancel_centre()
        self.assertEqual(cancelled.kentro_attendance, "cancelled_centre")
        self.assertFalse(
            self.env["kentro.service"].search([("appointment_id", "in", (missed | cancelled).ids)])
        )

    def test_appointment_card_is_e_mailed_in_greek(self):
        self.env["res.lang"]._activate_lang("el_GR")
        event = self.book(self.at(self.monday, 9, 30))
        event.action_kentro_send_card()
        mail = self.env["mail.mail"].search(
            [("model", "=", "calendar.event"), ("res_id", "=", event.id)]
        )
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.papadopoulos.partner_id)
        self.assertIn("ραντεβού", mail.subject)
        self.assertIn(self.monday.strftime("%d/%m/%Y"), str(mail.body_html))
        self.assertIn("09:30", str(mail.body_html))
        self.assertEqual(len(mail.attachment_ids), 1)
        self.kosti.partner_id.email = False
        other = self.book(self.at(self.monday, 11), person=self.kosti)
        with self.assertRaises(UserError):
            other.action_kentro_send_card()


@tagged("kentro", "kentro_appointments")
class TestFreeSlots(AppointmentCase):
    def test_next_free_slots_skip_busy_time_and_holidays(self):
        self.book(self.at(self.monday, 8))
        finder = (
            self.env["kentro.appointment.finder"]
            .with_user(self.user_reception)
            .create(
                {
                    "beneficiary_id": self.kosti.id,
                    "centre_id": self.centre.id,
                    "service_type_id": self.counselling.id,
                    "date_from": self.monday,
                    "weeks": 1,
                }
            )
        )
        self.assertEqual(finder.user_ids, self.user_professional, "psychologists only")
        self.assertEqual(finder.duration, self.counselling.default_duration)
        finder.duration = 45
        finder.action_search()
        starts = finder.slot_ids.mapped("start")
        self.assertEqual(starts[0], self.at(self.monday, 8, 45), "08:00 is taken")
        self.assertNotIn(self.at(self.monday, 8), starts)
        self.assertFalse(
            [
                start
                for start in starts
                if self.at(self.tuesday, 0) <= start < self.at(self.tuesday, 23)
            ],
            "no slot on the holiday",
        )
        action = finder.slot_ids[0].action_book()
        event = self.env["calendar.event"].browse(action["res_id"])
        self.assertEqual(event.kentro_beneficiary_id, self.kosti)
        self.assertEqual(event.start, self.at(self.monday, 8, 45))
        finder.action_search()
        self.assertEqual(finder.slot_ids[0].start, self.at(self.monday, 9, 30))


@tagged("post_install", "-at_install", "kentro", "kentro_appointments")
class TestAppointmentCard(HttpCase, AppointmentCase):
    def test_appointment_card_is_a_pdf_in_greek(self):
        self.env["res.lang"]._activate_lang("el_GR")
        event = self.book(self.at(self.monday, 10))
        self.centre.partner_id = self.env["res.partner"].create(
            {"name": self.centre.name, "street": "Αγίου Ισιδώρου 12", "phone": "2271350000"}
        )
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, kind = report._render_qweb_pdf(
            "kentro_community.kentro_appointment_card_action", event.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        html = report._render_qweb_html(
            "kentro_community.kentro_appointment_card_action", event.ids
        )[0].decode()
        for text in ("Κάρτα ραντεβού", "Αγίου Ισιδώρου 12", "Δευτέρα 08:00–16:00", "10:00"):
            self.assertIn(text, html)

    def test_a_card_in_another_language_names_the_person_in_latin_script(self):
        """A card in English (a migrant's) prints the name as ELOT 743 writes
        it, which the reader can read and which a Greek passport shows."""
        event = self.book(self.at(self.monday, 10), person=self.kosti)
        self.kosti.partner_id.lang = "en_US"
        html = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_html("kentro_community.kentro_appointment_card_action", event.ids)[0]
            .decode()
        )
        latin = greek.elot743(self.kosti.name)
        self.assertTrue(latin.isascii() and latin != self.kosti.name, latin)
        self.assertIn(latin, html)
        self.assertNotIn(self.kosti.name, html)
        self.assertEqual(
            event.with_context(lang="el_GR")._kentro_card_values()["name"], self.kosti.name
        )


@tagged("post_install", "-at_install", "kentro", "kentro_tour")
class TestAppointmentTour(HttpCase, AppointmentCase):
    def test_reception_books_from_the_file_and_marks_attended(self):
        self.start_tour(
            f"/odoo/action-kentro_community.kentro_beneficiary_action/{self.kosti.id}",
            "kentro_appointment_tour",
            login="kentro_reception",
        )
        event = self.env["calendar.event"].search([("kentro_beneficiary_id", "=", self.kosti.id)])
        self.assertEqual(len(event), 1)
        self.assertEqual(event.user_id, self.user_professional, "the centre's psychologist")
        self.assertEqual(event.kentro_service_type_id, self.counselling)
        self.assertEqual(event.kentro_attendance, "attended")
        self.assertEqual(
            self.env["kentro.service"].search_count([("appointment_id", "=", event.id)]), 1
        )


@tagged("kentro", "kentro_appointments")
class TestBookingScreens(AppointmentCase):
    """What reception reads while booking: Greek words, Greek times, titles in
    the municipality's language whatever the language of the client."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("el_GR")
        cls.municipality.partner_id.lang = "el_GR"

    def test_titles_are_in_the_municipality_language_not_the_client_one(self):
        # An English-speaking RPC client (or cron) books: the staff read Greek.
        event = self.book(self.at(self.monday, 10)).with_context(lang="en_US")
        greek_service = self.counselling.with_context(lang="el_GR").name
        self.assertEqual(event.name, f"Ραντεβού: {greek_service}")
        event.with_context(lang="en_US").action_kentro_missed()
        activity = self.papadopoulos.activity_ids
        self.assertEqual(activity.summary, "Επικοινωνία: χαμένο ραντεβού")
        self.assertIn("Δεν προσήλθε", str(activity.note))

    def _greek_finder(self, **extra):
        """Reception's slot finder for Kostis' counselling, in Greek."""
        return (
            self.env["kentro.appointment.finder"]
            .with_user(self.user_reception)
            .with_context(lang="el_GR")
            .create(
                {
                    "beneficiary_id": self.kosti.id,
                    "centre_id": self.centre.id,
                    "service_type_id": self.counselling.id,
                    "date_from": self.monday,
                    **extra,
                }
            )
        )

    def test_slots_read_as_greek_24_hour_times(self):
        finder = self._greek_finder(weeks=1, duration=45)
        finder.action_search()
        self.assertEqual(
            finder.slot_ids[0].name,
            f"Δευτέρα {self.monday.strftime('%d/%m/%Y')} 08:00–08:45",
        )
        greek = self.env.ref("base.lang_el_GR")
        self.assertEqual((greek.time_format, greek.short_time_format), ("%H:%M", "%H:%M"))

    def test_the_finder_keeps_its_greek_title_after_a_search(self):
        finder = self._greek_finder()
        self.assertEqual(finder.action_search()["name"], "Κράτηση ραντεβού")
        opened = self.kosti.with_user(self.user_reception).with_context(lang="el_GR")
        self.assertEqual(opened.action_book_appointment()["name"], "Κράτηση ραντεβού")
        menu_action = self.env.ref("kentro_community.kentro_appointment_finder_action")
        self.assertEqual(menu_action.with_context(lang="el_GR").name, "Κράτηση ραντεβού")

    def test_booking_is_never_called_closing_in_greek(self):
        # «Κλείσιμο» is also the window's Close: "book" reads «Κράτηση».
        finder = self.env.ref("kentro_community.kentro_appointment_finder_view_form")
        arch = finder.with_context(lang="el_GR").arch_db
        self.assertIn('string="Κράτηση"', arch)
        self.assertIn('string="Κλείσιμο παραθύρου"', arch)
        for path in glob.glob(os.path.join(ADDONS, "kentro_*", "i18n", "el.po")):
            for entry in polib.pofile(path):
                if re.search(r"\bbook", entry.msgid, re.IGNORECASE):
                    self.assertNotRegex(entry.msgstr.lower(), "κλεί(σ|στ)", entry.msgid)

    def test_the_appointments_calendar_shows_the_structure_and_books_with_kentro_form(self):
        action = self.env.ref("kentro_community.kentro_appointment_action")
        calendar_view = action.view_ids.filtered(lambda view: view.view_mode == "calendar").view_id
        self.assertEqual(
            calendar_view, self.env.ref("kentro_community.kentro_appointment_view_calendar")
        )
        views = (
            self.env["calendar.event"]
            .with_user(self.user_reception)
            .get_views([(calendar_view.id, "calendar")])
        )
        arch = etree.fromstring(views["views"]["calendar"]["arch"])
        # Odoo's attendee calendar starts on the user's own events (its
        # "Everybody's calendars" box unticked): no such filter here.
        self.assertNotEqual(arch.get("js_class"), "attendee_calendar")
        self.assertFalse(arch.xpath("//field[@write_model]"))
        self.assertTrue(arch.xpath("//field[@name='kentro_professional_id'][@filters='1']"))
        quick = self.env["ir.ui.view"].browse(int(arch.get("quick_create_view_id")))
        self.assertEqual(
            quick, self.env.ref("kentro_community.kentro_appointment_view_form_quick_create")
        )
        quick_arch = etree.fromstring(
            self.env["calendar.event"]
            .with_user(self.user_reception)
            .get_views([(quick.id, "form")])["views"]["form"]["arch"]
        )
        for name in (
            "kentro_beneficiary_id",
            "kentro_service_type_id",
            "kentro_centre_id",
            "user_id",
        ):
            self.assertTrue(quick_arch.xpath(f"//field[@name='{name}']"), name)
        self.assertFalse(quick_arch.xpath("//field[@name='description']"))
        # Reception sees the appointment it booked for the psychologist.
        event = self.book(self.at(self.monday, 10))
        domain = safe_eval(action.domain or "[]")
        found = self.env["calendar.event"].with_user(self.user_reception).search(domain)
        self.assertIn(event, found)
        # Another structure's staff see it as busy time, under its professional
        # (the filter's field is public, as Odoo's organiser is). A request
        # starts with an empty cache: Odoo masks what it fetches.
        self.env.invalidate_all()
        busy = self.env["calendar.event"].with_user(self.user_annex_professional).browse(event.id)
        row = busy.read(["name", "kentro_professional_id", "kentro_beneficiary_id"])[0]
        self.assertEqual(row["kentro_professional_id"][0], self.user_professional.id)
        # Unticking a professional in the filters searches on the field: the
        # busy time of the others stays (a masked field would hide it).
        self.assertEqual(
            busy.search_count(
                [("id", "=", event.id), ("kentro_professional_id", "!=", self.user_head.id)]
            ),
            1,
        )
        self.assertFalse(row["kentro_beneficiary_id"])
        self.assertNotIn(self.counselling.with_context(lang="el_GR").name, row["name"])
        # What the quick form saves is an appointment, at the clicked time,
        # with the professional among the attendees.
        Event = self.env["calendar.event"].with_user(self.user_reception)
        quick_event = Event.with_context(**safe_eval(action.context)).create(
            {
                "kentro_beneficiary_id": self.kosti.id,
                "kentro_service_type_id": self.counselling.id,
                "user_id": self.user_professional.id,
                "start": self.at(self.monday, 12),
                "stop": self.at(self.monday, 12, 45),
            }
        )
        self.assertEqual(quick_event.kentro_centre_id, self.centre)
        self.assertEqual(
            quick_event.partner_ids, self.kosti.partner_id | self.user_professional.partner_id
        )

    def test_card_by_e_mail_only_for_a_person_with_an_address(self):
        with_address = self.book(self.at(self.monday, 9)).with_user(self.user_reception)
        without = self.book(self.at(self.monday, 11), person=self.kosti).with_user(
            self.user_reception
        )
        self.assertTrue(with_address.kentro_card_mailable)
        self.assertFalse(without.kentro_card_mailable)
        arch = etree.fromstring(
            self.env["calendar.event"]
            .with_user(self.user_reception)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        button = arch.xpath("//button[@name='action_kentro_send_card']")[0]
        self.assertIn("not kentro_card_mailable", button.get("invisible"))
        with self.assertRaises(UserError) as caught:
            without.with_context(lang="el_GR").action_kentro_send_card()
        self.assertIn("δεν έχει διεύθυνση e-mail", str(caught.exception))
        self.assertNotIn("Κωστή", str(caught.exception))


@tagged("post_install", "-at_install", "kentro", "kentro_tour")
class TestReceptionDayTour(HttpCase, AppointmentCase):
    def test_reception_registers_books_and_finds_the_appointment_in_the_calendar(self):
        self.env["res.lang"]._activate_lang("el_GR")
        self.municipality.partner_id.lang = "el_GR"
        self.user_reception.lang = "el_GR"
        self.start_tour("/odoo", "kentro_reception_day_tour", login="kentro_reception")
        person = self.env["kentro.beneficiary"].search([("last_name", "=", "Σταματίου")])
        self.assertEqual(person.centre_id, self.centre)
        event = self.env["calendar.event"].search([("kentro_beneficiary_id", "=", person.id)])
        self.assertEqual(len(event), 1, "booked once; the empty slot's form was discarded")
        self.assertEqual(event.user_id, self.user_professional, "the centre's psychologist")
        self.assertEqual(event.kentro_service_type_id, self.counselling)
        self.assertEqual(event.name, "Ραντεβού: Ψυχοκοινωνική συμβουλευτική (ενήλικας)")
        self.assertEqual(event.partner_ids, person.partner_id | self.user_professional.partner_id)
