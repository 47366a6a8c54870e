"""Odoo's surrounding machinery (followers, messages, activities, attachments,
attendees, contacts, the calendar's search) shows nothing of a file or an
appointment to a user who may not read it, whatever the way in."""

import base64

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mail.tools.discuss import Store

from .common import AppointmentCase, assert_odoo_calls, new_company_user

PERSON_NAME = "Παπαδόπουλος"
PERSON_EMAIL = "papadopoulos@example.com"
PIXEL = b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="


class SideDoorCase(AppointmentCase):
    """A file and an appointment of the centre, each with a follower, a
    message, an activity and an attached document."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_portal = new_company_user(
            cls.env, "kentro_side_portal", "base.group_portal", cls.municipality
        )
        cls.person = cls.papadopoulos
        cls.contact = cls.person.partner_id
        cls.event = cls.book(cls, cls.at(cls.monday, 10), description="<p>Χρέη ενοικίου</p>")
        cls.event.location = "Γραφείο κοινωνικής λειτουργού"
        cls.person.message_subscribe(partner_ids=cls.user_professional.partner_id.ids)
        cls.documents = {}
        for record in (cls.person, cls.event):
            record.message_post(body=f"Σημείωση για τον {PERSON_NAME}")
            # Appointments have no activity mixin, but an activity may point at any record.
            cls.env["mail.activity"].create(
                {
                    "res_model_id": cls.env["ir.model"]._get_id(record._name),
                    "res_id": record.id,
                    "activity_type_id": cls.env.ref("mail.mail_activity_data_call").id,
                    "summary": f"Κλήση {PERSON_NAME}",
                    "user_id": cls.user_professional.id,
                }
            )
            cls.documents[record] = cls.env["ir.attachment"].create(
                {
                    "name": f"{PERSON_NAME}.pdf",
                    "raw": b"%PDF-1.4 report",
                    "res_model": record._name,
                    "res_id": record.id,
                }
            )
        # Users who may read neither the file nor the appointment: an ordinary
        # employee, a portal user, the Social Service, another municipality,
        # another structure.
        cls.outsiders = (
            cls.user_employee
            | cls.user_portal
            | cls.user_supervisor
            | cls.user_manager_other
            | cls.user_annex_professional
        )

    def reachable(self, call):
        """What ``call`` returns, or nothing when it is refused."""
        try:
            return call()
        except AccessError:
            return []

    def assertNothingOfThePerson(self, rows, user):
        self.assertNotIn(PERSON_NAME, str(rows), user.login)
        self.assertNotIn(PERSON_EMAIL, str(rows), user.login)

    def private_documents_domain(self, model_field="res_model"):
        return [
            "|",
            "&",
            (model_field, "=", "kentro.beneficiary"),
            ("res_id", "=", self.person.id),
            "&",
            (model_field, "=", "calendar.event"),
            ("res_id", "=", self.event.id),
        ]

    def assertOutsidersReachNone(self, records, search_fields, read_fields):
        """No outsider lists ``records`` (of the file and the appointment) nor
        reads any of them by its id."""
        for user in self.outsiders:
            Model = self.env[records._name].with_user(user)
            rows = self.reachable(
                lambda Model=Model: Model.search_read(
                    self.private_documents_domain(), search_fields
                )
            )
            self.assertFalse(rows, user.login)
            for record in records:
                with self.assertRaises(AccessError, msg=user.login):
                    Model.browse(record.id).read(read_fields)


@tagged("kentro", "kentro_privacy", "kentro_side_doors")
class TestFollowers(SideDoorCase):
    def test_an_appointment_makes_nobody_of_the_file_a_follower(self):
        self.assertNotIn(self.contact, self.event.message_partner_ids)
        self.assertIn(self.user_professional.partner_id, self.event.message_partner_ids)
        # Nor does writing to the person from the file's chatter.
        self.person.with_user(self.user_professional).with_context(
            mail_post_autofollow=True
        ).message_post(body="Ραντεβού τη Δευτέρα", partner_ids=self.contact.ids)
        self.assertFalse(
            self.env["mail.followers"].search([("partner_id", "=", self.contact.id)]),
            "the person's contact follows nothing",
        )

    def test_outsiders_read_no_follower_of_a_file_or_an_appointment(self):
        followers = self.env["mail.followers"].search(self.private_documents_domain())
        self.assertTrue(followers)
        for user in self.outsiders:
            Followers = self.env["mail.followers"].with_user(user)
            rows = self.reachable(
                lambda Followers=Followers: Followers.search_read(
                    self.private_documents_domain(),
                    ["res_model", "res_id", "partner_id", "name", "email"],
                )
            )
            self.assertFalse(rows, user.login)
            self.assertFalse(
                self.reachable(
                    lambda Followers=Followers: Followers.read_group(
                        self.private_documents_domain(), ["res_id"], ["res_id"]
                    )
                ),
                user.login,
            )
            with self.assertRaises(AccessError, msg=user.login):
                Followers.browse(followers.ids).read(["name", "email"])

    def test_outsiders_read_no_staff_follower_of_a_file_by_its_id(self):
        # The professional's contact is readable: the follower row is not.
        follower = self.env["mail.followers"].search(
            [
                ("res_model", "=", "kentro.beneficiary"),
                ("res_id", "=", self.person.id),
                ("partner_id", "=", self.user_professional.partner_id.id),
            ]
        )
        self.assertTrue(follower)
        for user in (self.user_employee, self.user_annex_professional):
            with self.assertRaises(AccessError, msg=user.login):
                self.env["mail.followers"].with_user(user).browse(follower.id).read(["res_id"])

    def test_the_staff_still_read_the_followers_of_their_files(self):
        rows = (
            self.env["mail.followers"]
            .with_user(self.user_reception)
            .search_read(self.private_documents_domain(), ["partner_id"])
        )
        self.assertIn(self.user_professional.partner_id.id, [row["partner_id"][0] for row in rows])


@tagged("kentro", "kentro_privacy", "kentro_side_doors")
class TestMessagesAndActivities(SideDoorCase):
    def test_outsiders_read_no_message_of_a_file_or_an_appointment(self):
        messages = self.env["mail.message"].search(self.private_documents_domain("model"))
        self.assertTrue(messages)
        for user in self.outsiders:
            Message = self.env["mail.message"].with_user(user)
            rows = self.reachable(
                lambda Message=Message: Message.search_read(
                    [("id", "in", messages.ids)], ["body", "record_name"]
                )
            )
            self.assertFalse(rows, user.login)
            with self.assertRaises(AccessError, msg=user.login):
                Message.browse(messages.ids).read(["body"])

    def test_tracking_of_a_protected_field_is_shown_only_to_its_readers(self):
        self.person.with_user(self.user_professional).write(
            {"disability": True, "disability_percentage": 67}
        )
        self.env.flush_all()
        self.env.cr.precommit.run()
        message = self.person.message_ids.filtered("tracking_value_ids")[:1]
        self.assertTrue(message)

        def shown(user):
            store = Store(message.with_user(user), for_current_user=True).get_result()
            return {
                value["changedField"]
                for data in store["mail.message"]
                for value in data.get("trackingValues", [])
            }

        self.assertIn("Disability", shown(self.user_professional))
        self.assertNotIn("Disability", shown(self.user_reception))
        self.assertNotIn("Disability percentage", shown(self.user_reception))
        with self.assertRaises(AccessError):
            self.env["mail.tracking.value"].with_user(self.user_reception).search_read(
                [("mail_message_id", "=", message.id)], ["new_value_integer"]
            )

    def test_outsiders_read_no_activity_of_a_file_or_an_appointment(self):
        activities = self.env["mail.activity"].search(self.private_documents_domain())
        self.assertEqual(len(activities), 2)
        self.assertOutsidersReachNone(activities, ["res_name", "summary"], ["res_name"])
        self.assertEqual(
            self.env["mail.activity"]
            .with_user(self.user_reception)
            .search_count(self.private_documents_domain()),
            2,
            "the structure's staff read them",
        )

    def test_an_assignee_who_no_longer_reads_the_file_reads_no_activity_of_it(self):
        # Odoo lets the assignee read an activity whatever its record.
        domain = [("res_model", "=", "kentro.beneficiary"), ("res_id", "=", self.person.id)]
        activity = self.env["mail.activity"].search(domain)
        self.assertEqual(activity.user_id, self.user_professional)
        self.user_professional.kentro_centre_ids = [Command.unlink(self.centre.id)]
        Activity = self.env["mail.activity"].with_user(self.user_professional)
        self.assertFalse(Activity.search(domain))
        with self.assertRaises(AccessError):
            Activity.browse(activity.id).read(["summary"])

    def test_an_activity_is_assigned_only_to_who_reads_the_file(self):
        for user in (self.user_employee, self.user_annex_professional):
            for record in (self.person, self.event):
                with self.assertRaises(ValidationError, msg=user.login) as caught:
                    self.env["mail.activity"].with_user(self.user_professional).create(
                        {
                            "res_model_id": self.env["ir.model"]._get_id(record._name),
                            "res_id": record.id,
                            "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                            "summary": "Έλεγχος",
                            "user_id": user.id,
                        }
                    )
                self.assertNotIn(PERSON_NAME, str(caught.exception))
            self.assertFalse(
                self.env["mail.message"]
                .with_user(user)
                .search(self.private_documents_domain("model")),
                "no notification naming the person",
            )
        # A colleague of the structure is assigned as always.
        self.person.with_user(self.user_professional).activity_schedule(
            "mail.mail_activity_data_todo", summary="Έλεγχος", user_id=self.user_head.id
        )


@tagged("kentro", "kentro_privacy", "kentro_side_doors")
class TestAttachments(SideDoorCase):
    def test_outsiders_read_no_document_of_a_file_or_an_appointment(self):
        attachments = self.env["ir.attachment"].browse(
            [attachment.id for attachment in self.documents.values()]
        )
        self.assertOutsidersReachNone(attachments, ["name", "datas"], ["name", "datas"])
        for user in self.outsiders:
            for attachment in attachments.with_user(user):
                with self.assertRaises(AccessError, msg=user.login):
                    attachment.check("read")
        rows = (
            self.env["ir.attachment"]
            .with_user(self.user_reception)
            .search_read(self.private_documents_domain(), ["name"])
        )
        self.assertEqual(len(rows), 2, "the structure's staff read them")

    def test_nobody_attaches_a_document_to_an_appointment_they_may_not_read(self):
        with self.assertRaises(AccessError):
            self.env["ir.attachment"].with_user(self.user_employee).create(
                {
                    "name": "x.txt",
                    "raw": b"x",
                    "res_model": "calendar.event",
                    "res_id": self.event.id,
                }
            )

    def test_other_attachments_behave_as_in_odoo(self):
        meeting = self.env["calendar.event"].create(
            {"name": "Σύσκεψη", "start": self.at(self.monday, 9), "stop": self.at(self.monday, 10)}
        )
        attachment = self.env["ir.attachment"].create(
            {
                "name": "agenda.txt",
                "raw": b"agenda",
                "res_model": meeting._name,
                "res_id": meeting.id,
            }
        )
        Attachment = self.env["ir.attachment"].with_user(self.user_employee)
        self.assertEqual(Attachment.search([("id", "=", attachment.id)]), attachment)
        self.assertEqual(Attachment.browse(attachment.id).read(["raw"])[0]["raw"], b"agenda")


@tagged("post_install", "-at_install", "kentro", "kentro_privacy", "kentro_side_doors")
class TestAttachmentsOverHttp(HttpCase, SideDoorCase):
    @mute_logger("odoo.http")
    def test_web_content_and_web_image_serve_no_document_of_a_file(self):
        photo = self.env["ir.attachment"].create(
            {
                "name": "photo.png",
                "datas": PIXEL,
                "res_model": "calendar.event",
                "res_id": self.event.id,
            }
        )
        pixel = base64.b64decode(PIXEL)
        for user in (self.user_employee, self.user_annex_professional):
            self.authenticate(user.login, user.login)
            for attachment in self.documents.values():
                for url in (
                    f"/web/content/{attachment.id}",
                    f"/web/content/{attachment.id}?download=true",
                    f"/web/content/ir.attachment/{attachment.id}/datas",
                ):
                    response = self.url_open(url)
                    self.assertNotEqual(response.status_code, 200, f"{user.login} {url}")
                    self.assertNotIn(b"%PDF", response.content)
            for url in (f"/web/image/{photo.id}", f"/web/image/ir.attachment/{photo.id}/datas"):
                response = self.url_open(url)
                self.assertNotEqual(response.content, pixel, f"{user.login} {url}")
        self.authenticate(self.user_reception.login, self.user_reception.login)
        response = self.url_open(f"/web/content/{self.documents[self.event].id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"%PDF", response.content)
        self.assertEqual(self.url_open(f"/web/image/{photo.id}").content, pixel)


@tagged("kentro", "kentro_privacy", "kentro_side_doors")
class TestCalendarOracles(SideDoorCase):
    def count(self, user, leaf):
        return (
            self.env["calendar.event"]
            .with_user(user)
            .search_count([("id", "=", self.event.id), leaf])
        )

    def test_a_search_on_a_masked_field_reveals_nothing(self):
        leaves = [
            ("partner_ids", "in", self.contact.ids),
            ("partner_ids.name", "ilike", PERSON_NAME),
            ("attendee_ids.partner_id", "=", self.contact.id),
            ("message_partner_ids", "in", self.user_reception.partner_id.ids),
            ("name", "ilike", self.event.name),  # the service, in the staff's language
            ("description", "ilike", "ενοικίου"),
            ("location", "ilike", "λειτουργού"),
        ]
        for leaf in leaves:
            self.assertEqual(self.count(self.user_reception, leaf), 1, leaf)
            for user in (self.user_employee, self.user_annex_professional):
                self.assertEqual(self.count(user, leaf), 0, f"{user.login} {leaf}")
        for leaf in (
            ("kentro_beneficiary_id", "=", self.person.id),
            ("kentro_beneficiary_id.name", "ilike", PERSON_NAME),
            ("kentro_service_type_id", "=", self.counselling.id),
        ):
            self.assertEqual(self.count(self.user_reception, leaf), 1, leaf)
            self.assertEqual(self.count(self.user_annex_professional, leaf), 0, leaf)

    def test_busy_time_is_still_found_by_the_professional(self):
        professional = self.user_professional.partner_id
        for leaf in (
            ("partner_ids", "in", professional.ids),
            ("user_id", "=", self.user_professional.id),
            ("start", "=", self.event.start),
        ):
            self.assertEqual(self.count(self.user_employee, leaf), 1, leaf)

    def test_a_professionals_contact_lists_no_appointment_of_another_structure(self):
        # The professional attends the appointment: their contact, which every
        # user reads, must not list it to whoever sees it only as busy time.
        professional = self.user_professional.partner_id
        self.event.partner_ids = [Command.link(professional.id)]
        Partner = self.env["res.partner"]
        self.assertIn(self.event, professional.with_user(self.user_reception).meeting_ids)
        for user in (self.user_employee, self.user_annex_professional):
            # Each RPC call starts with an empty cache; so does each user here.
            self.env.invalidate_all()
            self.assertNotIn(self.event, professional.with_user(user).meeting_ids, user.login)
            read = professional.with_user(user).read(["meeting_ids"])[0]["meeting_ids"]
            self.assertNotIn(self.event.id, read, user.login)
            found = Partner.with_user(user).search([("meeting_ids", "in", self.event.ids)])
            self.assertNotIn(professional, found, user.login)
            groups = Partner.with_user(user).read_group([], ["meeting_ids"], ["meeting_ids"])
            self.assertNotIn(
                self.event.id, [group["meeting_ids"][0] for group in groups if group["meeting_ids"]]
            )
        found = Partner.with_user(self.user_reception).search(
            [("meeting_ids", "in", self.event.ids)]
        )
        self.assertIn(professional, found)
        groups = Partner.with_user(self.user_reception).read_group(
            [], ["meeting_ids"], ["meeting_ids"]
        )
        self.assertIn(
            self.event.id, [group["meeting_ids"][0] for group in groups if group["meeting_ids"]]
        )

    def test_outsiders_read_no_attendee(self):
        for user in self.outsiders:
            rows = self.reachable(
                lambda user=user: (
                    self.env["calendar.attendee"]
                    .with_user(user)
                    .search_read(
                        [("partner_id", "=", self.contact.id)], ["common_name", "email", "event_id"]
                    )
                )
            )
            self.assertFalse(rows, user.login)
            self.assertNothingOfThePerson(rows, user)


@tagged("kentro", "kentro_privacy", "kentro_side_doors")
class TestContacts(SideDoorCase):
    def test_outsiders_find_no_contact_of_a_beneficiary(self):
        for user in self.outsiders:
            Partner = self.env["res.partner"].with_user(user)
            with self.assertRaises(AccessError, msg=user.login):
                Partner.browse(self.contact.id).read(["name", "email", "display_name"])
            found = self.reachable(
                lambda Partner=Partner: Partner.search_read(
                    ["|", ("name", "ilike", PERSON_NAME), ("email", "=", PERSON_EMAIL)],
                    ["name"],
                )
            )
            self.assertFalse(found, user.login)
            self.assertFalse(
                self.reachable(lambda Partner=Partner: Partner.name_search(PERSON_NAME)),
                user.login,
            )
            groups = self.reachable(
                lambda Partner=Partner: Partner.read_group(
                    [("email", "=", PERSON_EMAIL)], ["name"], ["name"]
                )
            )
            self.assertNothingOfThePerson(groups, user)
            self.assertFalse([group for group in groups if group.get("name_count")], user.login)

    def test_staff_of_the_structure_find_the_contact(self):
        Partner = self.env["res.partner"].with_user(self.user_reception)
        self.assertEqual(Partner.search([("email", "=", PERSON_EMAIL)]), self.contact)
        self.assertEqual(
            self.env["res.partner"].with_user(self.user_reception).name_search(PERSON_NAME)[0][0],
            self.contact.id,
        )


@tagged("kentro", "kentro_privacy", "kentro_side_doors")
class TestAppointmentAttendeesStayStaff(SideDoorCase):
    def test_adding_the_contact_again_does_not_make_it_a_follower(self):
        self.event.with_user(self.user_reception).write(
            {"partner_ids": [Command.link(self.contact.id)], "description": "<p>x</p>"}
        )
        self.assertNotIn(self.contact, self.event.message_partner_ids)


@tagged("kentro", "kentro_privacy", "kentro_side_doors")
class TestAppointmentsOfOtherStructures(SideDoorCase):
    def test_the_administrator_sees_only_the_appointments_of_their_files(self):
        """The Community Centre administrator configures every structure but,
        like a head, reads only the files of their own: so too the
        appointments of the others, which stay busy time."""
        self.centre.staff_ids |= self.user_manager
        other = self.env["calendar.event"].create(
            {
                "kentro_beneficiary_id": self.second_centre_person.id,
                "kentro_centre_id": self.second_centre.id,
                "user_id": self.user_annex_professional.id,
                "start": self.at(self.monday, 11),
                "stop": self.at(self.monday, 12),
                "description": "<p>Οικονόμου: έξωση</p>",
            }
        )
        self.env.invalidate_all()  # a new request
        Event = self.env["calendar.event"].with_user(self.user_manager)
        row = Event.browse(other.id).read(["name", "description", "partner_ids"])[0]
        self.assertFalse(row["description"])
        self.assertNotIn(self.second_centre_person.partner_id.id, row["partner_ids"])
        self.assertEqual(
            Event.search_count(
                [
                    ("id", "=", other.id),
                    ("partner_ids", "in", self.second_centre_person.partner_id.ids),
                ]
            ),
            0,
        )
        self.assertFalse(
            self.env["calendar.attendee"]
            .with_user(self.user_manager)
            .search([("event_id", "=", other.id)])
        )
        # Their own structure's appointments they read in full.
        row = Event.browse(self.event.id).read(["partner_ids"])[0]
        self.assertIn(self.contact.id, row["partner_ids"])


@tagged("kentro", "kentro_privacy", "kentro_side_doors")
class TestOdooStillCallsTheHooks(SideDoorCase):
    """Kentro refuses these reads in two layers, so a test of the outcome does
    not notice when one of them stops working: Odoo must still call each hook
    Kentro overrides (see docs/odoo-internals.md)."""

    def test_a_read_of_an_activity_checks_access_through_check_access(self):
        Activity = self.env["mail.activity"]
        activity = Activity.search(self.private_documents_domain(), limit=1)
        with assert_odoo_calls(self, Activity, "_check_access"):
            activity.with_user(self.user_reception).read(["summary"])

    def test_a_read_of_a_follower_checks_access_through_check_access(self):
        Followers = self.env["mail.followers"]
        follower = Followers.search(self.private_documents_domain(), limit=1)
        with assert_odoo_calls(self, Followers, "_check_access"):
            follower.with_user(self.user_reception).read(["partner_id"])

    def test_a_read_of_a_document_checks_access_through_check_access(self):
        Attachment = self.env["ir.attachment"]
        with assert_odoo_calls(self, Attachment, "_check_access"):
            self.documents[self.person].with_user(self.user_reception).read(["name"])

    def test_busy_time_is_masked_around_the_public_fields(self):
        Event = self.env["calendar.event"]
        with assert_odoo_calls(self, Event, "_get_public_fields"):
            Event.with_user(self.user_annex_professional).browse(self.event.id).read(["name"])
