from odoo.tests import tagged

from .common import KentroCommunityCase


@tagged("kentro", "kentro_structure")
class TestStaffing(KentroCommunityCase):
    def _staff(self, count, head_role):
        """Give the centre ``count`` staff, the first of them its head."""
        roles = [head_role] + [self.psychologist] * (count - 1)
        users = self.env["res.users"]
        for index, role in enumerate(roles):
            users |= self.env["res.users"].create(
                {
                    "name": f"Μέλος προσωπικού {index}",
                    "login": f"staff_{index}@test.example.com",
                    "kentro_role_id": role.id,
                    "company_id": self.municipality.id,
                    "company_ids": [(6, 0, self.municipality.ids)],
                }
            )
        self.centre.write({"staff_ids": [(6, 0, users.ids)], "head_id": users[0].id})

    def test_minimum_staff_by_population(self):
        for population, required in (
            (9_000, 2),
            (39_999, 2),
            (40_000, 3),
            (100_000, 3),
            (100_001, 4),
        ):
            self.centre.population = population
            self.assertEqual(self.centre.staff_required, required, population)

    def test_compliance_at_the_population_thresholds(self):
        self._staff(3, self.social_worker)
        for population, compliant in ((39_999, True), (40_000, True), (100_001, False)):
            self.centre.population = population
            self.assertEqual(self.centre.staffing_compliant, compliant, population)
        self.assertIn("100001 inhabitants need at least 4 staff", self.centre.staffing_issue)
        not_compliant = self.env["kentro.centre"].search([("staffing_compliant", "=", False)])
        self.assertIn(self.centre, not_compliant)

    def test_head_who_is_not_a_social_worker_is_not_compliant(self):
        self.centre.population = 20_000
        self._staff(2, self.psychologist)
        self.assertFalse(self.centre.staffing_compliant)
        self.assertIn("is not a social worker", self.centre.staffing_issue)
        self.centre.head_id.kentro_role_id = self.social_worker
        self.assertTrue(self.centre.staffing_compliant)
        self.assertFalse(self.centre.staffing_issue)

    def test_staffing_issue_reads_in_greek(self):
        self.centre.write({"population": 50_000, "staff_ids": [(5, 0, 0)]})
        issue = self.centre.with_context(lang="el_GR").staffing_issue
        self.assertIn("50000 κάτοικοι", issue)

    def test_annex_is_not_counted_against_the_staffing_rule(self):
        self.assertTrue(self.annex.staffing_compliant)
        self.assertEqual(self.annex.staff_required, 0)
