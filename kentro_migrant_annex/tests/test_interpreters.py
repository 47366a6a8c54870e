from datetime import timedelta
from unittest.mock import patch

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.kentro_community.models.calendar_event import CalendarEvent

from .common import MigrantCase


class InterpreterCase(MigrantCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.health = cls.env.ref("kentro_migrant_annex.kentro_service_type_health")

    def book_kem(
        self, start, interpreter=None, person=None, minutes=45, professional=None, **values
    ):
        return self.book(
            start,
            minutes=minutes,
            user=self.kem_reception,
            person=person or self.syrian,
            professional=professional or self.kem_professional,
            kentro_service_type_id=self.health.id,
            kentro_interpreter_language_id=self.arabic.id,
            kentro_interpreter_id=(interpreter or self.interpreter_ar).id,
            **values,
        )


@tagged("kentro", "kentro_migrant", "kentro_appointments")
class TestInterpreters(InterpreterCase):
    def test_booking_offers_free_interpreters_of_the_language(self):
        self.book_kem(self.at(self.monday, 10))
        form = Form(self.env["calendar.event"].with_user(self.kem_reception))
        form.name = "Ραντεβού"
        form.kentro_beneficiary_id = self.syrian
        form.kentro_service_type_id = self.health
        form.user_id = self.kem_professional
        form.start = self.at(self.monday, 10, 15)
        form.stop = self.at(self.monday, 11)
        self.assertEqual(form.kentro_interpreter_language_id, self.arabic, "from the file")
        # Arabic: the first interpreter is busy then, the Farsi one does not speak it.
        self.assertEqual(form.kentro_interpreter_candidate_ids[:], self.interpreter_ar_fa)
        self.assertEqual(form.kentro_interpreter_id, self.interpreter_ar_fa, "proposed")
        form.start = self.at(self.monday, 11)
        form.stop = self.at(self.monday, 11, 45)
        self.assertEqual(
            set(form.kentro_interpreter_candidate_ids.ids),
            {self.interpreter_ar.id, self.interpreter_ar_fa.id},
        )
        event = form.save()
        self.assertEqual(event.kentro_interpreter_id, self.interpreter_ar_fa)
        self.assertIn(self.interpreter_ar_fa.partner_id, event.partner_ids, "in their calendar")

    @mute_logger("odoo.sql_db")
    def test_an_interpreter_is_never_booked_twice(self):
        first = self.book_kem(self.at(self.monday, 10))
        with self.assertRefused(ValidationError, "already interpreting"):
            self.book_kem(
                self.at(self.monday, 10, 30), person=self.afghan, professional=self.user_head
            )
        # Nor while giving an appointment of their own.
        with self.assertRefused(ValidationError, "already interpreting"):
            self.book(
                self.at(self.monday, 10, 15),
                user=self.kem_reception,
                person=self.afghan,
                professional=self.interpreter_ar,
                kentro_service_type_id=self.health.id,
            )
        # A cancelled appointment frees the interpreter.
        first.action_kentro_cancel_beneficiary()
        second = self.book_kem(self.at(self.monday, 10, 30), person=self.afghan)
        self.assertEqual(second.kentro_interpreter_id, self.interpreter_ar)
        # Moving an appointment onto another of the interpreter's is refused too.
        third = self.book_kem(self.at(self.monday, 12), person=self.french)
        with self.assertRaises(ValidationError):
            third.write({"start": self.at(self.monday, 10, 30), "stop": self.at(self.monday, 11)})
        self.assertEqual(third.start, self.at(self.monday, 12), "nothing was kept")

    @mute_logger("odoo.sql_db")
    def test_postgresql_refuses_a_racing_second_booking(self):
        self.book_kem(self.at(self.monday, 10))
        # Two receptions book at the same instant: neither sees the other's
        # booking in Python; PostgreSQL's exclusion constraint decides.
        with (
            patch.object(CalendarEvent, "_kentro_check_clash", lambda *a, **k: None),
            self.assertRefused(ValidationError, "interpreter has just been booked"),
        ):
            self.book_kem(
                self.at(self.monday, 10, 30), person=self.afghan, professional=self.user_head
            )
        self.assertEqual(
            self.env["calendar.event"].search_count(
                [("kentro_interpreter_id", "=", self.interpreter_ar.id)]
            ),
            1,
        )

    def test_the_interpreter_speaks_the_language(self):
        with self.assertRefused(ValidationError, "does not interpret"):
            self.book_kem(self.at(self.monday, 10), interpreter=self.interpreter_fa)

    def test_slot_finder_books_an_interpreter_too(self):
        # The first Arabic interpreter is busy all Monday morning.
        self.book_kem(
            self.at(self.monday, 8), person=self.afghan, minutes=240, professional=self.user_head
        )
        finder = (
            self.env["kentro.appointment.finder"]
            .with_user(self.kem_reception)
            .create(
                {
                    "beneficiary_id": self.syrian.id,
                    "centre_id": self.kem.id,
                    "service_type_id": self.health.id,
                    "date_from": self.monday,
                    "weeks": 1,
                    "duration": 60,
                }
            )
        )
        self.assertEqual(finder.interpreter_language_id, self.arabic)
        finder.action_search()
        first = finder.slot_ids[0]
        self.assertEqual(first.start, self.at(self.monday, 8))
        self.assertEqual(first.interpreter_id, self.interpreter_ar_fa)
        self.assertTrue(
            all(
                slot.interpreter_id.id in (self.interpreter_ar | self.interpreter_ar_fa).ids
                for slot in finder.slot_ids
            )
        )
        event = self.env["calendar.event"].browse(first.action_book()["res_id"])
        self.assertEqual(
            (event.kentro_interpreter_id, event.kentro_interpreter_language_id),
            (self.interpreter_ar_fa, self.arabic),
        )
        finder.interpreter_language_id = self.env.ref("kentro_migrant_annex.kentro_language_ps")
        with self.assertRefused(UserError, "No interpreter of"):
            finder.action_search()


@tagged("post_install", "-at_install", "kentro", "kentro_tour")
class TestInterpreterTour(HttpCase, InterpreterCase):
    def test_reception_books_an_appointment_with_an_arabic_interpreter(self):
        self.kem_professional.kentro_role_id = self.env.ref(
            "kentro_migrant_annex.kentro_staff_role_intercultural_mediator"
        )
        self.env["res.lang"]._activate_lang("el_GR")
        self.health.update_field_translations(
            "name", {"en_US": "Health 4711", "el_GR": "Υγεία 4711"}
        )
        self.start_tour(
            f"/odoo/action-kentro_community.kentro_beneficiary_action/{self.syrian.id}",
            "kentro_interpreter_booking_tour",
            login=self.kem_reception.login,
        )
        event = self.env["calendar.event"].search([("kentro_beneficiary_id", "=", self.syrian.id)])
        self.assertEqual(len(event), 1)
        self.assertEqual(event.kentro_interpreter_language_id, self.arabic)
        self.assertIn(event.kentro_interpreter_id, self.interpreter_ar | self.interpreter_ar_fa)
        self.assertEqual(event.kentro_service_type_id, self.health)
        self.assertIn(event.kentro_interpreter_id.partner_id, event.partner_ids)
        self.assertEqual(event.user_id, self.kem_professional)
        self.assertEqual(event.stop - event.start, timedelta(minutes=30))
