from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import ThreeAxesCase, new_report_wizard

FEBRUARY = (date(2026, 2, 1), date(2026, 2, 28))


@tagged("kentro", "kentro_reports")
@freeze_time("2026-03-16")
class TestCaseworkReport(ThreeAxesCase):
    """The report's casework figures for February 2026 at the centre with its
    annex, against records of the centre, its annex, a second centre of the
    municipality and a centre of another municipality."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.housing = env.ref("kentro_community.kentro_need_housing")
        cls.employment = env.ref("kentro_community.kentro_need_employment")
        People = env["kentro.beneficiary"]
        cls.other_person = People.create(
            {"first_name": "Άλλη", "last_name": "Δημότισσα", "centre_id": cls.other_centre.id}
        )
        cls.closed_person = People.create(
            {"first_name": "Κλεισμένος", "last_name": "Φάκελος", "centre_id": cls.centre.id}
        )
        cls.papadopoulos.write(
            {
                "first_contact_date": date(2026, 2, 3),
                "intake_need_ids": [(6, 0, cls.employment.ids)],
            }
        )
        Assessment = env["kentro.need.assessment"]
        Assessment.create(
            [
                {"beneficiary_id": person.id, "need_id": need.id, "date": day}
                for person, need, day in (
                    (cls.mother, cls.housing, date(2026, 2, 10)),
                    (cls.mother, cls.housing, date(2026, 3, 5)),  # after the period
                    (cls.papadopoulos, cls.housing, date(2026, 1, 15)),  # before it
                    (cls.annex_person, cls.employment, date(2026, 2, 20)),
                    (cls.closed_person, cls.housing, date(2025, 12, 1)),
                    (cls.second_centre_person, cls.housing, date(2026, 2, 10)),
                    (cls.other_person, cls.housing, date(2026, 2, 10)),
                )
            ]
        )
        with freeze_time("2026-01-10"):
            cls.closed_person.state = "closed"
        Plan = env["kentro.support.plan"]

        def plan(person, state, start, close=None, goals=()):
            return Plan.create(
                {
                    "beneficiary_id": person.id,
                    "state": state,
                    "start_date": start,
                    "close_date": close,
                    "goal_ids": [
                        (0, 0, {"name": f"Στόχος {index}", "need_id": need.id, "outcome": outcome})
                        for index, (need, outcome) in enumerate(goals)
                    ],
                }
            )

        cls.open_plan = plan(
            cls.mother,
            "active",
            date(2026, 2, 5),
            goals=[(cls.housing, False), (cls.employment, False)],
        )
        plan(
            cls.papadopoulos,
            "closed",
            date(2025, 10, 1),
            date(2026, 2, 15),
            goals=[
                (cls.housing, "achieved"),
                (cls.employment, "partly"),
                (cls.employment, "withdrew"),
            ],
        )
        plan(cls.annex_person, "draft", date(2026, 2, 10), goals=[(cls.housing, False)])
        plan(cls.second_centre_person, "active", date(2026, 2, 10))
        plan(
            cls.other_person,
            "closed",
            date(2026, 1, 5),
            date(2026, 2, 10),
            goals=[(cls.housing, "achieved")],
        )
        Review = env["kentro.support.review"]
        Review.create(
            [
                {"plan_id": cls.open_plan.id, "scheduled_date": day, "date": held, "state": state}
                for day, held, state in (
                    (date(2026, 2, 25), date(2026, 2, 25), "done"),
                    (date(2026, 2, 26), date(2026, 2, 26), "done"),
                    (date(2026, 2, 20), False, "planned"),
                )
            ]
        )
        Service = env["kentro.service"]
        information = env.ref("kentro_community.kentro_service_type_information")
        Service.create(
            [
                {
                    "beneficiary_id": person.id,
                    "service_type_id": information.id,
                    "date": day,
                    "programme_id": cls.gmi.id,
                    "need_id": cls.housing.id,
                }
                for person, day in (
                    (cls.mother, date(2026, 2, 10)),
                    (cls.mother, date(2026, 2, 11)),
                    (cls.annex_person, date(2026, 2, 12)),
                    (cls.papadopoulos, date(2026, 1, 31)),  # before the period
                    (cls.second_centre_person, date(2026, 2, 12)),
                )
            ]
        )
        cls.structures = cls.centre | cls.annex

    def sections(self, user=None):
        wizard = new_report_wizard(self.env, user or self.user_head, self.centre, *FEBRUARY, {})
        return {section["title"]: section for section in wizard._sections()}

    def rows(self, title, user=None):
        return {row[0]: row[1:] for row in self.sections(user)[title]["rows"]}

    # ------------------------------------------------------ independent counts
    def _recorded(self, need, date_domain, first_contact_domain):
        Assessment = self.env["kentro.need.assessment"]
        People = self.env["kentro.beneficiary"].with_context(active_test=False)
        assessed = Assessment.search(
            [("need_id", "=", need.id), ("centre_id", "in", self.structures.ids), *date_domain]
        ).beneficiary_id
        came_for = People.search(
            [
                ("intake_need_ids", "in", need.ids),
                ("centre_id", "in", self.structures.ids),
                *first_contact_domain,
            ]
        )
        return assessed | came_for

    def _new(self, need):
        start, end = FEBRUARY
        in_period = self._recorded(
            need,
            [("date", ">=", start), ("date", "<=", end)],
            [("first_contact_date", ">=", start), ("first_contact_date", "<=", end)],
        )
        before = self._recorded(need, [("date", "<", start)], [("first_contact_date", "<", start)])
        return len(in_period - before)

    def _active(self, need):
        start, end = FEBRUARY
        assessed = (
            self.env["kentro.need.assessment"]
            .search(
                [
                    ("need_id", "=", need.id),
                    ("centre_id", "in", self.structures.ids),
                    ("date", "<=", end),
                ]
            )
            .beneficiary_id
        )
        in_open_plans = (
            self.env["kentro.support.goal"]
            .search(
                [
                    ("need_id", "=", need.id),
                    ("centre_id", "in", self.structures.ids),
                    ("plan_id.state", "!=", "draft"),
                    ("plan_id.start_date", "<=", end),
                    "|",
                    ("plan_id.close_date", "=", False),
                    ("plan_id.close_date", ">=", start),
                ]
            )
            .beneficiary_id
        )
        return self.env["kentro.beneficiary"].search_count(
            [
                ("id", "in", (assessed | in_open_plans).ids),
                "|",
                ("closed_date", "=", False),
                ("closed_date", ">=", start),
            ]
        )

    # ------------------------------------------------------------------ tests
    def test_people_by_need_equal_independent_counts(self):
        rows = self.rows("People by need")
        for need in (self.housing, self.employment):
            self.assertEqual(rows[need.name], [self._new(need), self._active(need)], need.name)
        # New: the mother assessed in February, not Papadopoulos assessed in
        # January; employment: Papadopoulos came for it, the annex's person was
        # assessed. Active: not the file closed in January; the goals of the
        # plan open in February and of the plan closed during it count.
        self.assertEqual(rows[self.housing.name], [1, 2])
        self.assertEqual(rows[self.employment.name], [2, 3])

    def test_support_plans_opened_reviewed_and_closed(self):
        rows = self.rows("Support plans")
        Plan = self.env["kentro.support.plan"]
        start, end = FEBRUARY
        here = [("centre_id", "in", self.structures.ids)]
        opened = Plan.search_count(
            here
            + [("state", "!=", "draft"), ("start_date", ">=", start), ("start_date", "<=", end)]
        )
        reviewed = (
            self.env["kentro.support.review"]
            .search(here + [("state", "=", "done"), ("date", ">=", start), ("date", "<=", end)])
            .plan_id
        )
        closed = Plan.search_count(
            here
            + [("state", "=", "closed"), ("close_date", ">=", start), ("close_date", "<=", end)]
        )
        self.assertEqual(
            [
                rows["Opened in the period"],
                rows["Reviewed in the period"],
                rows["Closed in the period"],
            ],
            [[opened], [len(reviewed)], [closed]],
        )
        self.assertEqual((opened, len(reviewed), closed), (1, 1, 1))

    def test_goals_by_outcome_of_the_plans_closed(self):
        rows = self.rows("Goals of the plans closed, by outcome")
        Goal = self.env["kentro.support.goal"]
        start, end = FEBRUARY
        labels = dict(Goal._fields["outcome"]._description_selection(self.env))
        for outcome, label in labels.items():
            expected = Goal.search_count(
                [
                    ("centre_id", "in", self.structures.ids),
                    ("plan_id.state", "=", "closed"),
                    ("plan_id.close_date", ">=", start),
                    ("plan_id.close_date", "<=", end),
                    ("outcome", "=", outcome),
                ]
            )
            self.assertEqual(rows[label], [expected], label)
        self.assertEqual(rows[labels["achieved"]], [1], "not the other municipality's")
        self.assertEqual(rows[labels["withdrew"]], [1])

    def test_services_by_programme_and_by_need(self):
        Service = self.env["kentro.service"]
        start, end = FEBRUARY
        period = [
            ("centre_id", "in", self.structures.ids),
            ("date", ">=", start),
            ("date", "<=", end),
        ]
        for title, field, value in (
            ("Services by programme and type", "programme_id", self.gmi),
            ("Services by need and type", "need_id", self.housing),
        ):
            [row] = self.sections()[title]["rows"]
            services = Service.search(period + [(field, "=", value.id)])
            self.assertEqual(
                row,
                [
                    value.name,
                    services.service_type_id.name,
                    len(services),
                    len(services.beneficiary_id),
                ],
            )
            self.assertEqual(row[2:], [3, 2], title)

    def test_another_municipality_prints_nothing_of_this_one(self):
        wizard = new_report_wizard(
            self.env, self.user_manager_other, self.other_centre, *FEBRUARY, {}
        )
        sections = {section["title"]: section for section in wizard._sections()}
        people = {row[0]: row[1:] for row in sections["People by need"]["rows"]}
        self.assertEqual(people, {self.housing.name: [1, 1]})
        self.assertFalse(sections["Services by programme and type"]["rows"])

    def test_the_social_service_reads_the_same_figures(self):
        self.assertEqual(
            self.rows("People by need", self.user_supervisor), self.rows("People by need")
        )
