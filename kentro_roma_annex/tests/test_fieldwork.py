from dateutil.relativedelta import relativedelta

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.kentro_community.tools import dates

from .common import SettlementCase


@tagged("kentro", "kentro_roma")
class TestFieldwork(SettlementCase):
    # Odoo runs only the tests a class defines itself; the settlement tests
    # are not repeated here.
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = dates.greek_today()
        mother, son, daughter = cls.members
        mother.birthdate = today - relativedelta(years=34)
        son.birthdate = today - relativedelta(years=8)
        daughter.birthdate = today - relativedelta(years=12)
        cls.toddler = cls.env["kentro.beneficiary"].create(
            {
                "first_name": "Νίκος",
                "last_name": "Δοκιμής",
                "centre_id": cls.roma_annex.id,
                "household_id": cls.household.id,
                "household_relationship": "child",
                "birthdate": today - relativedelta(years=2),
            }
        )

    def test_a_field_visit_counts_each_person_met_once(self):
        visit = (
            self.env["kentro.roma.field.visit"]
            .with_user(self.mediator)
            .create(
                {
                    "settlement_id": self.settlement.id,
                    "purpose": "Ενημέρωση για εμβολιασμούς",
                    "attendee_ids": [(6, 0, self.members[:2].ids)],
                    "follow_up_date": dates.greek_today() + relativedelta(days=7),
                }
            )
        )
        self.assertEqual(visit.centre_id, self.roma_annex)
        visit.action_done()
        services = self.env["kentro.service"].search([("roma_field_visit_id", "=", visit.id)])
        self.assertEqual(services.beneficiary_id, self.members[:2])
        self.assertEqual(
            services.service_type_id,
            self.env.ref("kentro_roma_annex.kentro_service_type_field_visit"),
        )
        self.assertEqual(set(services.mapped("date")), {visit.date})
        self.assertTrue(visit.activity_ids, "the follow-up is scheduled")
        with self.assertRaises(UserError):
            visit.action_done()
        self.assertEqual(
            self.env["kentro.service"].search_count([("roma_field_visit_id", "=", visit.id)]), 2
        )
        self.assertFalse(
            self.env["kentro.roma.field.visit"].with_user(self.user_professional).search([]),
            "the main centre's professionals do not see the annex's visits",
        )

    def test_escort_is_one_service(self):
        escort = (
            self.env["kentro.roma.escort"]
            .with_user(self.mediator)
            .create(
                {
                    "beneficiary_id": self.members[0].id,
                    "destination": "hospital",
                    "purpose": "Ραντεβού στο νοσοκομείο",
                }
            )
        )
        escort.action_done()
        escort.write({"outcome": "Εξετάστηκε· νέο ραντεβού σε 1 μήνα"})
        service = self.env["kentro.service"].search([("roma_escort_id", "=", escort.id)])
        self.assertEqual(
            service.service_type_id, self.env.ref("kentro_community.kentro_service_type_escort")
        )
        self.assertEqual(
            (service.beneficiary_id, service.user_id), (self.members[0], self.mediator)
        )
        with self.assertRaises(UserError):
            escort.action_done()

    def test_school_age_children_not_enrolled(self):
        son, daughter = self.members[1:]
        School = self.env["kentro.roma.school.record"].with_user(self.mediator)
        School.create({"beneficiary_id": son.id, "school": "2ο Δημοτικό", "grade": "Γ΄"})
        School.create(
            {
                "beneficiary_id": daughter.id,
                "enrolled": True,
                "date": dates.greek_today() - relativedelta(months=6),
            }
        )
        School.create(
            {
                "beneficiary_id": daughter.id,
                "enrolled": False,
                "attendance_concern": "dropped_out",
                "actions": "Επικοινωνία με τη διεύθυνση του σχολείου",
            }
        )
        Beneficiary = self.env["kentro.beneficiary"].with_user(self.mediator)
        action = Beneficiary.action_roma_not_enrolled()
        not_enrolled = Beneficiary.search(action["domain"])
        # The son is enrolled, the daughter dropped out (latest record), the
        # mother is an adult and the toddler is below school age.
        self.assertEqual(not_enrolled, daughter)
        expected = self.members.filtered(
            lambda p: 4 <= p.age <= 15 and not p.roma_school_record_ids.sorted("date")[-1:].enrolled
        )
        self.assertEqual(not_enrolled, expected)


@tagged("post_install", "-at_install", "kentro", "kentro_tour")
class TestFieldVisitTour(HttpCase, SettlementCase):
    def test_mediator_records_a_field_visit_with_two_people(self):
        self.start_tour(
            "/odoo/action-kentro_roma_annex.kentro_roma_field_visit_action",
            "kentro_roma_field_visit_tour",
            login=self.mediator.login,
        )
        visit = self.env["kentro.roma.field.visit"].search(
            [("settlement_id", "=", self.settlement.id)]
        )
        self.assertEqual(visit.state, "done")
        self.assertEqual(visit.attendee_ids, self.members[:2])
        self.assertEqual(
            self.env["kentro.service"]
            .search([("roma_field_visit_id", "=", visit.id)])
            .beneficiary_id,
            self.members[:2],
        )
