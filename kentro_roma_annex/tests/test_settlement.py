from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SettlementCase


@tagged("kentro", "kentro_roma")
class TestSettlements(SettlementCase):
    def test_settlement_data_households_and_people(self):
        self.assertEqual(self.members.roma_settlement_id, self.settlement, "from their household")
        self.assertEqual(self.settlement.household_count, 1)
        self.assertEqual(
            self.settlement.beneficiary_count,
            self.env["kentro.beneficiary"].search_count(
                [("household_id.roma_settlement_id", "=", self.settlement.id)]
            ),
        )
        self.settlement.with_user(self.mediator).write(
            {
                "assessment_ids": [
                    (0, 0, {"water": "yes", "electricity": "partial", "notes": "Νέα παροχή νερού"})
                ]
            }
        )
        self.assertEqual(self.settlement.assessment_ids.user_id, self.mediator)
        self.assertEqual(self.settlement.assessment_ids.centre_id, self.roma_annex)
        self.assertEqual(
            self.env.ref("kentro_roma_annex.kentro_staff_role_roma_mediator")
            .with_context(lang="el_GR")
            .name,
            "Διαμεσολαβητής/τρια Ρομά",
        )

    def test_settlement_and_schooling_stored_at_creation_match_their_compute(self):
        # Creation sets them from the values given (the household's settlement,
        # the one given, or school records created with the person).
        other = self.settlement.copy({"name": "Οικισμός Δοκιμής Β"})
        people = self.env["kentro.beneficiary"].create(
            [
                {
                    "first_name": "Κώστας",
                    "last_name": "Δοκιμής",
                    "centre_id": self.roma_annex.id,
                    "household_id": self.household.id,
                },
                {
                    "first_name": "Στέλλα",
                    "last_name": "Δοκιμής",
                    "centre_id": self.roma_annex.id,
                    "roma_settlement_id": other.id,
                },
                {
                    "first_name": "Νίκος",
                    "last_name": "Δοκιμής",
                    "centre_id": self.roma_annex.id,
                    "roma_school_record_ids": [
                        (0, 0, {"school": "1ο Δημοτικό", "grade": "Β΄", "enrolled": True})
                    ],
                },
                {"first_name": "Άρης", "last_name": "Δοκιμής", "centre_id": self.roma_annex.id},
            ]
        )
        names = ["roma_settlement_id", "roma_school_enrolled"]
        people.flush_recordset()
        people.invalidate_recordset()
        stored = people.read(names)
        self.assertEqual(
            [
                (p["roma_settlement_id"] and p["roma_settlement_id"][0], p["roma_school_enrolled"])
                for p in stored
            ],
            [(self.settlement.id, False), (other.id, False), (False, True), (False, False)],
        )
        for name in names:
            self.env.add_to_compute(people._fields[name], people)
        self.env.flush_all()
        people.invalidate_recordset()
        self.assertEqual(people.read(names), stored)

    def test_invalid_settlement_data_is_refused(self):
        with self.assertRaises(ValidationError):
            self.settlement.latitude = 120
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.settlement.population = -5
            self.settlement.flush_recordset()

    def test_annex_staff_and_the_head_see_settlements_the_main_centre_does_not(self):
        Settlement = self.env["kentro.roma.settlement"]
        self.assertEqual(Settlement.with_user(self.mediator).search([]), self.settlement)
        self.assertEqual(Settlement.with_user(self.user_head).search([]), self.settlement)
        for user in (self.user_professional, self.user_reception):
            self.assertFalse(Settlement.with_user(user).search_read([], ["name"]))
            self.assertFalse(Settlement.with_user(user).name_search("Αγίας"))
            with self.assertRaises(AccessError):
                self.settlement.with_user(user).read(["name"])
            self.assertFalse(
                self.env["kentro.beneficiary"]
                .with_user(user)
                .search([("id", "in", self.members.ids)])
            )
        with self.assertRaises(AccessError):
            Settlement.with_user(self.user_supervisor).search_read([], ["name"])
