from datetime import date, timedelta

from freezegun import freeze_time

from odoo.tests import Form, HttpCase, tagged

from odoo.addons.kentro_community.tests.common import new_staff_user
from odoo.addons.kentro_community.tools import dates

from .common import MobileCase, athens


@tagged("kentro", "kentro_mobile")
class TestUnitProfessional(MobileCase):
    """The unit's professional finds the unit's visits and plans new ones at
    the unit, whether their structures list the reference centre too or not."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit_only = new_staff_user(
            cls.env,
            "unit_psychologist",
            "kentro_community.group_kentro_professional",
            cls.municipality,
            cls.unit,
            cls.env.ref("kentro_community.kentro_staff_role_psychologist"),
        )

    def test_the_units_professional_sees_the_units_visits(self):
        visit = self.new_visit(dates.greek_today())
        for user in (self.social_worker, self.unit_only):
            Visit = self.env["kentro.mobile.visit"].with_user(user)
            rows = Visit.web_search_read([], {"area_name": {}, "hours": {}})["records"]
            self.assertEqual([row["id"] for row in rows], visit.ids, user.login)
            self.assertEqual(rows[0]["area_name"], "Γλαύκη", "the village, not its full path")
            self.assertEqual(rows[0]["hours"], "09:00–12:00", "in the unit's local time")

    def test_new_visits_default_to_the_users_mobile_unit(self):
        for user in (self.social_worker, self.unit_only, self.user_head):
            for model in ("kentro.mobile.visit", "kentro.mobile.schedule"):
                defaults = self.env[model].with_user(user).default_get(["centre_id"])
                self.assertEqual(defaults["centre_id"], self.unit.id, (user.login, model))

    def test_only_mobile_units_are_offered(self):
        # The field's domain, as the form's dropdown sends it.
        domain = [("centre_type", "=", "mobile_unit")]
        self.assertEqual(
            self.env["kentro.mobile.visit"]._fields["centre_id"].domain,
            str(domain).replace('"', "'"),
        )
        offered = (
            self.env["kentro.centre"].with_user(self.social_worker).name_search("", args=domain)
        )
        self.assertEqual([centre_id for centre_id, _name in offered], self.unit.ids)

    def test_a_visit_is_planned_in_a_form_as_the_unit_professional(self):
        with Form(self.env["kentro.mobile.visit"].with_user(self.social_worker)) as form:
            self.assertEqual(form.centre_id, self.unit)
            form.area_id = self.kotyli
            form.start = athens(date(2026, 3, 3), 9)
            form.stop = athens(date(2026, 3, 3), 12)
        self.assertEqual(form.record.centre_id, self.unit)


@tagged("kentro", "kentro_mobile")
class TestOnTheSpot(MobileCase):
    """On the day: the confirmation after each person, the follow-up booked
    at the reference centre for the service given, titles in Greek."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.centre.partner_id = cls.env["res.partner"].create(
            {
                "name": cls.centre.name,
                "street": "Οδός Δοκιμής 5",
                "phone": "2531012345",
                "company_id": cls.municipality.id,
            }
        )
        cls.support = cls.env.ref("kentro_community.kentro_service_type_application_support")
        cls.counselling = cls.env.ref("kentro_community.kentro_service_type_counselling_adult")

    def _registration(self, visit, user, **values):
        return (
            self.env["kentro.mobile.registration"]
            .with_user(user)
            .with_context(default_visit_id=visit.id)
            .create(values)
        )

    @freeze_time("2026-02-03 08:30:00")
    def test_register_and_next_says_who_was_registered(self):
        visit = self.new_visit(date(2026, 2, 3))
        visit.with_user(self.driver).action_check_in()
        registration = self._registration(
            visit,
            self.driver.with_context(lang="el_GR"),
            first_name="Φατμέ",
            last_name="Μεμέτ",
            service_type_ids=[(6, 0, (self.information | self.counselling).ids)],
        ).with_context(lang="el_GR")
        action = registration.action_register_next()
        self.assertEqual(action["tag"], "display_notification")
        message = action["params"]["message"]
        self.assertEqual(message, "Καταχωρίστηκε: Μεμέτ Φατμέ")
        self.assertNotIn(self.counselling.with_context(lang="el_GR").name, message)
        self.assertEqual(action["params"]["next"]["res_model"], "kentro.mobile.registration")
        self.assertEqual(action["params"]["next"]["context"], {"default_visit_id": visit.id})

    @freeze_time("2026-02-03 08:30:00")
    def test_the_follow_up_is_booked_at_the_reference_centre_for_the_service(self):
        visit = self.new_visit(date(2026, 2, 3))
        visit.with_user(self.social_worker).action_check_in()
        action = self._registration(
            visit,
            self.social_worker,
            first_name="Αχμέτ",
            last_name="Καρά",
            service_type_ids=[(6, 0, (self.information | self.counselling).ids)],
        ).action_register_and_book()
        person = self.env["kentro.beneficiary"].search(
            [("last_name", "=", "Καρά"), ("centre_id", "=", self.unit.id)]
        )
        self.assertEqual(person.centre_id, self.unit)

        # The finder as the browser opens it: defaults, then onchanges.
        finder_form = Form(
            self.env[action["res_model"]]
            .with_user(self.social_worker)
            .with_context(**action["context"])
        )
        self.assertEqual(finder_form.centre_id, self.centre)
        self.assertEqual(finder_form.service_type_id, self.counselling)
        finder = finder_form.save()
        finder.action_search()
        booked = finder.slot_ids[:1].action_book()
        event = self.env["calendar.event"].browse(booked["res_id"])
        self.assertEqual(
            (event.kentro_centre_id, event.kentro_service_type_id, event.kentro_beneficiary_id),
            (self.centre, self.counselling, person),
        )
        card, _format = (
            self.env["ir.actions.report"]
            .with_user(self.social_worker)
            ._render_qweb_html("kentro_community.kentro_appointment_card_action", event.ids)
        )
        self.assertIn("Οδός Δοκιμής 5", card.decode())
        self.assertIn("2531012345", card.decode())

    @freeze_time("2026-02-03 08:30:00")
    def test_the_booking_of_a_units_person_from_their_file_is_at_the_centre(self):
        person = self.env["kentro.beneficiary"].create(
            {"first_name": "Σαμπιχά", "last_name": "Οσμάν", "centre_id": self.unit.id}
        )
        action = person.with_user(self.social_worker).action_book_appointment()
        self.assertEqual(action["context"]["default_centre_id"], self.centre.id)

    def test_the_visits_chatter_line_is_in_the_municipalitys_language(self):
        self.municipality.partner_id.lang = "el_GR"
        visit = self.new_visit(date(2026, 3, 3))
        self.assertIn("Η επίσκεψη προγραμματίστηκε", visit.message_ids[-1:].body)

    def test_the_visits_calendar_title_is_in_the_municipalitys_language(self):
        self.municipality.partner_id.lang = "el_GR"
        self.social_worker.lang = "en_US"
        visit = self.new_visit(date(2026, 3, 3))
        self.assertEqual(visit.event_id.name, "Κινητή Μονάδα: Γλαύκη")
        visit.with_user(self.social_worker).with_context(lang="en_US").area_id = self.kotyli
        self.assertEqual(visit.event_id.name, "Κινητή Μονάδα: Κοτύλη")


@tagged("kentro", "kentro_mobile")
class TestPrintWithoutLayoutWizard(MobileCase):
    """A municipality's first print is the PDF, not Odoo's layout wizard."""

    def _poster_action(self, user):
        poster = (
            self.env["kentro.mobile.poster"]
            .with_user(user)
            .create({"centre_id": self.unit.id, "month": 3, "year": 2026})
        )
        return poster.with_company(self.municipality).action_print()

    def test_every_municipality_has_a_document_layout(self):
        self.assertFalse(
            self.env["res.company"].search([("external_report_layout_id", "=", False)])
        )
        self.assertTrue(
            self.env["res.company"].create({"name": "Δήμος Νέος"}).external_report_layout_id
        )

    def test_printing_opens_the_pdf_for_the_head_and_the_administrator(self):
        administrator = new_staff_user(
            self.env,
            "unit_administrator",
            "base.group_system,kentro_community.group_kentro_head",
            self.municipality,
            self.centre,
        )
        for user in (self.user_head, administrator):
            action = self._poster_action(user)
            self.assertEqual(action["type"], "ir.actions.report", user.login)
            self.assertEqual(
                action["report_name"], "kentro_mobile_unit.kentro_mobile_poster_document"
            )


@tagged("post_install", "-at_install", "kentro", "kentro_tour")
class TestMobileDayTour(HttpCase, MobileCase):
    """The unit's day on a phone-sized screen, in Greek (see
    static/tests/tours/kentro_mobile_day_tour.js)."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("el_GR")
        cls.municipality.partner_id.lang = "el_GR"
        # Greek screens: the staff a screen names carry Greek names.
        staff = cls.env["res.users"].search(
            [("kentro_centre_ids", "in", (cls.centre | cls.unit).ids)]
        )
        for number, user in enumerate(staff, start=1):
            user.name = f"Υπάλληλος {'ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ'[number % 24]}"
        cls.social_worker.write({"lang": "el_GR", "name": "Ελένη Χατζή"})
        cls.counselling = cls.env.ref("kentro_community.kentro_service_type_counselling_adult")

    def test_the_units_professional_checks_in_and_registers_on_a_phone(self):
        today = dates.greek_today()
        # Around today's visit: one held before and later ones, so that an
        # order latest-first would put today's last. The earlier one is two
        # days back: the tour's headless browser keeps the machine's clock
        # (UTC), whose «today» is still yesterday in Athens from 22:00 UTC,
        # and its «Upcoming» filter would then show yesterday's visit first.
        self.new_visit(today - timedelta(days=2), area=self.kotyli)
        for days in (1, 7, 14):
            self.new_visit(today + timedelta(days=days), area=self.thermes)
        visit = self.new_visit(today, start=athens(today, 0, 5), stop=athens(today, 11, 55))

        self.start_tour(
            "/odoo/action-kentro_mobile_unit.kentro_mobile_visit_action",
            "kentro_mobile_day_tour",
            login=self.social_worker.login,
        )

        self.assertEqual(visit.state, "held")
        self.assertTrue(visit.checkin_date)
        self.assertEqual(visit.checkin_user_id, self.social_worker)
        people = self.env["kentro.beneficiary"].search(
            [("last_name", "in", ["Χωριανός", "Χωριανή", "Γείτονας"])]
        )
        self.assertEqual(len(people), 3)
        self.assertEqual(set(people.mapped("centre_id")), {self.unit})
        self.assertEqual(set(people.mapped("mobile_area_id")), {self.glafki})
        self.assertEqual(
            sorted(people.mapped("gender")), ["female", "male", "male"], "genders chosen"
        )
        self.assertEqual(visit.people_count, 3)
        follow_up = self.env["calendar.event"].search([("kentro_beneficiary_id", "in", people.ids)])
        self.assertEqual(
            (follow_up.kentro_centre_id, follow_up.kentro_service_type_id),
            (self.centre, self.counselling),
        )
        self.assertEqual(follow_up.kentro_beneficiary_id.last_name, "Γείτονας")
