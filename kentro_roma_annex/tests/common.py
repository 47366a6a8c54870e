from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.tests import tagged

from odoo.addons.kentro_community.tests.common import (
    KentroCommunityCase,
    new_report_wizard,
    this_month,
)


# Tagged as the test classes that derive from it always were.
@tagged("kentro", "kentro_roma")
class SettlementCase(KentroCommunityCase):
    """A Roma annex of the test centre, its mediator, a settlement and a
    household of three living there."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.roma_annex = cls.env["kentro.centre"].create(
            {
                "name": "Παράρτημα Ρομά Δοκιμής",
                "centre_type": "roma_annex",
                "parent_id": cls.centre.id,
                "company_id": cls.municipality.id,
            }
        )
        cls.mediator = cls.user_annex_professional
        cls.mediator.write(
            {
                "kentro_centre_ids": [(6, 0, cls.roma_annex.ids)],
                "kentro_role_id": cls.env.ref(
                    "kentro_roma_annex.kentro_staff_role_roma_mediator"
                ).id,
            }
        )
        cls.settlement = (
            cls.env["kentro.roma.settlement"]
            .with_user(cls.mediator)
            .create(
                {
                    "name": "Οικισμός Αγίας Παρασκευής",
                    "centre_id": cls.roma_annex.id,
                    "settlement_type": "semi_organised",
                    "population": 120,
                    "water": "partial",
                    "electricity": "no",
                    "latitude": 38.37,
                    "longitude": 26.13,
                }
            )
        )
        cls.household = cls.env["kentro.household"].create(
            {
                "name": "Οικογένεια Δοκιμής",
                "centre_id": cls.roma_annex.id,
                "roma_settlement_id": cls.settlement.id,
            }
        )
        cls.members = cls.env["kentro.beneficiary"].create(
            [
                {
                    "first_name": first,
                    "last_name": "Δοκιμής",
                    "centre_id": cls.roma_annex.id,
                    "household_id": cls.household.id,
                    "household_relationship": relationship,
                }
                for first, relationship in (
                    ("Μαρία", "head"),
                    ("Γιάννης", "child"),
                    ("Ελένη", "child"),
                )
            ]
        )


class SettlementReportCase(SettlementCase):
    """Two settlements of the annex, their households and children, services
    in and out of the period, and a person of the main centre."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today, cls.first, cls.last = this_month(cls.env)
        Beneficiary = cls.env["kentro.beneficiary"]
        mother, son, daughter = cls.members
        mother.birthdate = cls.today - relativedelta(years=34)
        son.birthdate = cls.today - relativedelta(years=8)
        daughter.birthdate = cls.today - relativedelta(years=12)
        # Linked to the settlement directly, without a household.
        cls.uncle = Beneficiary.create(
            {
                "first_name": "Κώστας",
                "last_name": "Δοκιμής",
                "centre_id": cls.roma_annex.id,
                "roma_settlement_id": cls.settlement.id,
                "birthdate": cls.today - relativedelta(years=50),
            }
        )
        cls.settlement_b = cls.env["kentro.roma.settlement"].create(
            {
                "name": "Οικισμός Κάμπου",
                "centre_id": cls.roma_annex.id,
                "settlement_type": "informal",
                "population": 60,
                "housing": "shacks",
                "water": "no",
                "school_distance": 3.5,
            }
        )
        Household = cls.env["kentro.household"]
        households_b = Household.create(
            [
                {
                    "name": name,
                    "centre_id": cls.roma_annex.id,
                    "roma_settlement_id": cls.settlement_b.id,
                }
                for name in ("Οικογένεια Κάμπου", "Οικογένεια Ρέματος")
            ]
        )
        cls.people_b = Beneficiary.create(
            [
                {
                    "first_name": first,
                    "last_name": last,
                    "centre_id": cls.roma_annex.id,
                    "household_id": household.id,
                    "birthdate": cls.today - relativedelta(years=years),
                }
                for first, last, household, years in (
                    ("Στέλιος", "Κάμπου", households_b[0], 40),
                    ("Άννα", "Κάμπου", households_b[0], 6),
                    ("Ηλίας", "Κάμπου", households_b[0], 10),
                    ("Σοφία", "Ρέματος", households_b[1], 15),
                )
            ]
        )
        cls.main_person = Beneficiary.create(
            {
                "first_name": "Θεόδωρος",
                "last_name": "Κεντρικός",
                "centre_id": cls.centre.id,
                "birthdate": cls.today - relativedelta(years=9),
            }
        )
        School = cls.env["kentro.roma.school.record"]
        School.create(
            [
                {"beneficiary_id": son.id, "school": "2ο Δημοτικό", "enrolled": True},
                {"beneficiary_id": daughter.id, "enrolled": False},
                {"beneficiary_id": cls.people_b[2].id, "enrolled": True},
                {
                    "beneficiary_id": cls.people_b[3].id,
                    "enrolled": True,
                    "date": cls.today - relativedelta(months=8),
                },
                {"beneficiary_id": cls.people_b[3].id, "enrolled": False},
            ]
        )
        cls.settlement.write(
            {
                "housing": "prefabricated",
                "assessment_ids": [(0, 0, {"date": date(2026, 3, 2), "water": "yes"})],
            }
        )
        info = cls.env.ref("kentro_community.kentro_service_type_information")
        escort = cls.env.ref("kentro_community.kentro_service_type_escort")
        cls.env["kentro.service"].create(
            [
                {"beneficiary_id": person.id, "service_type_id": kind.id, "date": day}
                for person, kind, day in (
                    (mother, info, cls.first),
                    (mother, info, cls.last),
                    (son, escort, cls.first),
                    (cls.people_b[1], info, cls.first),
                    (mother, info, cls.first - relativedelta(days=1)),  # last month
                    (cls.main_person, info, cls.first),  # not a settlement's
                )
            ]
        )

    def _wizard(self, user=None, **values):
        return new_report_wizard(
            self.env,
            user or self.user_head,
            self.centre,
            self.first,
            self.last,
            {"report_type": "roma_settlement", **values},
        )

    def _independent_row(self, settlement):
        """The summary row of a settlement counted record by record, without
        the report's aggregation."""
        people = self.env["kentro.beneficiary"].search([("roma_settlement_id", "=", settlement.id)])
        children = people.filtered(
            lambda p: p.birthdate and 4 <= relativedelta(self.today, p.birthdate).years <= 15
        )
        enrolled = children.filtered(
            lambda p: p.roma_school_record_ids.sorted(lambda r: (r.date, r.id))[-1:].enrolled
        )
        services = self.env["kentro.service"].search(
            [
                ("beneficiary_id", "in", people.ids),
                ("date", ">=", self.first),
                ("date", "<=", self.last),
            ]
        )
        return [
            len(people),
            len(people.household_id),
            len(children),
            len(enrolled),
            len(children - enrolled),
            len(services),
            len(services.beneficiary_id),
        ]
