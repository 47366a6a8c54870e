from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.kentro_community.tools import dates

from .common import MobileCase


@tagged("kentro", "kentro_mobile")
class TestVisit(MobileCase):
    def _registration(self, visit, **values):
        return (
            self.env["kentro.mobile.registration"]
            .with_user(self.driver)
            .with_context(default_visit_id=visit.id)
            .create(values)
        )

    @freeze_time("2026-02-03 08:30:00")
    def test_check_in_and_register_people_on_the_spot(self):
        visit = self.new_visit(date(2026, 2, 3))
        action = visit.with_user(self.driver).action_check_in()
        self.assertEqual(visit.state, "held")
        self.assertEqual(visit.checkin_user_id, self.driver)
        self.assertEqual(action["res_model"], "kentro.mobile.registration")

        # A new person, with two services given there.
        application_support = self.env.ref(
            "kentro_community.kentro_service_type_application_support"
        )
        self._registration(
            visit,
            first_name="Φατμέ",
            last_name="Μεμέτ",
            birthdate=date(1965, 7, 19),
            service_type_ids=[(6, 0, (self.information | application_support).ids)],
        ).action_register_next()
        person = self.env["kentro.beneficiary"].search(
            [("last_name", "=", "Μεμέτ"), ("centre_id", "=", self.unit.id)]
        )
        self.assertEqual(
            (person.centre_id, person.mobile_area_id, person.registration_date),
            (self.unit, self.glafki, date(2026, 2, 3)),
        )
        self.assertEqual(
            set(person.service_ids.mapped("service_type_id.code")),
            {"information", "application_support"},
        )
        self.assertEqual(person.service_ids.mobile_visit_id, visit)
        self.assertEqual(set(person.service_ids.mapped("date")), {date(2026, 2, 3)})

        # A person already registered, and a follow-up at the reference centre.
        returning = self.env["kentro.beneficiary"].create(
            {"first_name": "Αχμέτ", "last_name": "Καρά", "centre_id": self.unit.id}
        )
        action = self._registration(visit, beneficiary_id=returning.id).action_register_and_book()
        self.assertEqual(returning.mobile_area_id, self.glafki, "the village is recorded")
        self.assertEqual(action["res_model"], "kentro.appointment.finder")
        self.assertEqual(action["context"]["default_centre_id"], self.centre.id)
        self.assertEqual(action["context"]["default_beneficiary_id"], returning.id)
        self.assertEqual((visit.service_count, visit.people_count), (3, 2))

    @freeze_time("2026-02-02 10:00:00")
    def test_check_in_only_on_the_day_and_registration_after_it(self):
        visit = self.new_visit(date(2026, 2, 3))
        with self.assertRaises(UserError):
            self._registration(visit, first_name="Α", last_name="Β")._register_person()
        with self.assertRaises(UserError):
            visit.action_check_in()
        self.assertEqual(visit.state, "planned")
        with self.assertRaises(UserError):
            visit.action_register_person()

    @freeze_time("2026-02-03 08:30:00")
    def test_a_registration_needs_a_name_and_a_service(self):
        visit = self.new_visit(date(2026, 2, 3))
        visit.action_check_in()
        with self.assertRaises(UserError):
            self._registration(visit, first_name="Μόνο")._register_person()
        with self.assertRaises(UserError):
            self._registration(
                visit, first_name="Α", last_name="Β", service_type_ids=[(5, 0, 0)]
            )._register_person()
        self.assertFalse(visit.service_ids)


@tagged("kentro", "kentro_mobile", "kentro_security")
@tagged("kentro", "kentro_mobile")
class TestRegistrationInGreek(MobileCase):
    def test_the_gender_options_read_in_greek(self):
        fields = (
            self.env["kentro.mobile.registration"]
            .with_context(lang="el_GR")
            .fields_get(["gender"], ["selection"])
        )
        self.assertEqual(
            [label for _key, label in fields["gender"]["selection"]],
            ["Γυναίκα", "Άνδρας", "Άλλο"],
        )


class TestMobileAccess(MobileCase):
    def setUp(self):
        super().setUp()
        Beneficiary = self.env["kentro.beneficiary"]
        self.villager = Beneficiary.create(
            {"first_name": "Σαμπιχά", "last_name": "Οσμάν", "centre_id": self.unit.id}
        )
        self.townsman = Beneficiary.create(
            {"first_name": "Νίκος", "last_name": "Αστός", "centre_id": self.centre.id}
        )
        self.visit = self.new_visit(dates.greek_today() + timedelta(days=1))
        self.env.ref("base.group_allow_export").users |= self.driver | self.user_professional

    def test_crew_see_their_units_people_only(self):
        Beneficiary = self.env["kentro.beneficiary"].with_user(self.driver)
        self.assertEqual(Beneficiary.search([]), self.villager)
        self.assertEqual(
            [row["id"] for row in Beneficiary.search_read([], ["name"])], self.villager.ids
        )
        self.assertEqual(Beneficiary._read_group([], ["centre_id"], ["__count"]), [(self.unit, 1)])
        self.assertFalse(Beneficiary.name_search("Αστός"))
        self.assertEqual(Beneficiary.search([]).export_data(["name"])["datas"], [["Οσμάν Σαμπιχά"]])
        with self.assertRaises(AccessError):
            self.townsman.with_user(self.driver).read(["name"])
        self.assertEqual(
            self.env["kentro.mobile.visit"].with_user(self.driver).search([]), self.visit
        )

    def test_the_centre_sees_the_unit_only_when_assigned_or_head(self):
        Beneficiary = self.env["kentro.beneficiary"]
        self.assertFalse(Beneficiary.with_user(self.user_professional).name_search("Οσμάν"))
        self.assertFalse(
            self.env["kentro.mobile.visit"].with_user(self.user_professional).search([])
        )
        self.assertEqual(
            Beneficiary.with_user(self.user_head).search(
                [("id", "in", (self.villager | self.townsman).ids)]
            ),
            self.villager | self.townsman,
        )
        self.assertEqual(
            self.env["kentro.mobile.visit"].with_user(self.user_head).search([]), self.visit
        )


@tagged("post_install", "-at_install", "kentro", "kentro_tour")
class TestCheckInTour(HttpCase, MobileCase):
    def test_crew_checks_in_and_registers_a_person(self):
        now = self.env["kentro.mobile.visit"]._fields["start"].now()
        visit = self.new_visit(
            dates.greek_today(),
            start=now - timedelta(minutes=30),
            stop=now + timedelta(hours=2),
        )
        self.start_tour(
            f"/odoo/action-kentro_mobile_unit.kentro_mobile_visit_action/{visit.id}",
            "kentro_mobile_checkin_tour",
            login=self.driver.login,
        )
        self.assertEqual(visit.state, "held")
        person = self.env["kentro.beneficiary"].search(
            [("last_name", "=", "Χωριανός"), ("centre_id", "=", self.unit.id)]
        )
        self.assertEqual((person.centre_id, person.mobile_area_id), (self.unit, self.glafki))
        self.assertEqual(person.service_ids.mobile_visit_id, visit)
        self.assertEqual(person.service_ids.service_type_id, self.information)
