from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ReportCase


@tagged("kentro", "kentro_reports", "kentro_security")
class TestStatisticsAreStatistics(ReportCase):
    """What leaves the Centre is a table of counts: the Social Service reads no
    row per person, no file's id, and no count below the small-count
    threshold; the report wizard prints only structures its user may read,
    and names only of files its user may read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Six people of the second centre alike in every dimension of the
        # statistics (a figure the Social Service may read), of whom two are
        # twins.
        cls.alike = cls.env["kentro.beneficiary"].create(
            [
                {
                    "first_name": name,
                    "last_name": "Αλεξίου",
                    "birthdate": date(1985, 5, 5),
                    "gender": "female",
                    "centre_id": cls.second_centre.id,
                }
                for name in ("Άννα", "Βασιλική", "Γεωργία", "Δέσποινα", "Ελένη", "Ζωή")
            ]
        )

    def _dimensions(self):
        Report = self.env["kentro.beneficiary.report"]
        return [
            name
            for name, field in Report._fields.items()
            if field.store and name not in ("id", "beneficiary_count")
        ]

    # ------------------------------------------------------- the SQL view
    def test_one_row_per_group_of_people_and_no_file_id(self):
        Report = self.env["kentro.beneficiary.report"]
        self.assertFalse(
            [
                name
                for name, field in Report._fields.items()
                if field.type in ("many2one", "many2many", "one2many")
                and field.comodel_name == "kentro.beneficiary"
            ]
        )
        rows = Report.search([])
        people = self.env["kentro.beneficiary"].with_context(active_test=False)
        self.assertEqual(sum(rows.mapped("beneficiary_count")), people.search_count([]))
        self.assertLess(len(rows), people.search_count([]))
        alike = Report.search(
            [("centre_id", "=", self.second_centre.id), ("gender", "=", "female")]
        )
        self.assertEqual(len(alike), 1, "six people alike are one row")
        self.assertEqual(alike.beneficiary_count, 6)
        self.assertNotIn(alike.id, self.alike.ids)

    def test_head_reads_exact_figures_of_their_structures(self):
        Report = self.env["kentro.beneficiary.report"].with_user(self.user_head)
        groups = Report.read_group([], ["beneficiary_count:sum"], ["centre_id"])
        self.assertEqual(
            {g["centre_id"][0]: g["beneficiary_count"] for g in groups},
            {
                centre.id: self.env["kentro.beneficiary"].search_count(
                    [("centre_id", "=", centre.id)]
                )
                for centre in self.centre | self.annex
            },
        )

    # ---------------------------------------------------- the supervisor
    def test_supervisor_reads_small_counts_hidden(self):
        Report = self.env["kentro.beneficiary.report"].with_user(self.user_supervisor)
        domain = [("company_id", "=", self.municipality.id)]
        for method in ("read_group", "web_read_group"):
            result = getattr(Report, method)(
                domain, ["beneficiary_count:sum"], ["centre_id"], lazy=False
            )
            groups = result["groups"] if method == "web_read_group" else result
            counts = {g["centre_id"][0]: g["beneficiary_count"] for g in groups}
            # Seven people at the second centre; one at the annex.
            self.assertEqual(counts[self.second_centre.id], 7, method)
            self.assertFalse(counts[self.annex.id], method)
            for group in groups:
                self.assertNotIn(group["__count"], range(1, 5), method)
        # Every dimension at once: the six alike are a figure, the others hidden.
        cells = Report.read_group(domain, ["beneficiary_count:sum"], self._dimensions(), lazy=False)
        self.assertEqual(sorted(filter(None, (g["beneficiary_count"] for g in cells))), [6])

    def test_supervisor_reads_no_row(self):
        Report = self.env["kentro.beneficiary.report"].with_user(self.user_supervisor)
        with self.assertRaises(AccessError):
            Report.search_read([], ["centre_id", "gender", "beneficiary_count"])
        with self.assertRaises(AccessError):
            Report.web_search_read([], {"gender": {}, "beneficiary_count": {}})
        rows = Report.search([])
        self.assertTrue(rows)
        with self.assertRaises(AccessError):
            rows.read(["beneficiary_count"])
        # Even with the right to export.
        self.user_supervisor.groups_id += self.env.ref("base.group_allow_export")
        with self.assertRaises(AccessError):
            rows.export_data(["gender", "beneficiary_count"])

    def test_supervisor_reads_no_count_but_its_sum(self):
        """Any other aggregate of the count (min, max, average, its list, an
        alias) would show, cell by cell, the small counts the sum hides."""
        Report = self.env["kentro.beneficiary.report"].with_user(self.user_supervisor)
        domain = [("company_id", "=", self.municipality.id)]
        for spec in (
            "beneficiary_count:max",
            "beneficiary_count:min",
            "beneficiary_count:avg",
            "beneficiary_count:array_agg",
            "people:max(beneficiary_count)",
            "people:sum(beneficiary_count)",
            "people:array_agg(beneficiary_count)",
            "beneficiary_count:count_distinct",
        ):
            with self.subTest(spec=spec), self.assertRaises(AccessError):
                Report.read_group(domain, [spec], self._dimensions(), lazy=False)
        with self.assertRaises(AccessError):
            Report.web_read_group(domain, ["people:min(beneficiary_count)"], ["centre_id"])
        # The head reads their exact figures whatever the aggregate.
        head = self.env["kentro.beneficiary.report"].with_user(self.user_head)
        self.assertTrue(head.read_group([], ["beneficiary_count:max"], ["centre_id"]))

    def test_supervisor_cannot_count_rows_of_one_person(self):
        Report = self.env["kentro.beneficiary.report"].with_user(self.user_supervisor)
        with self.assertRaises(AccessError):
            Report.search_count([("beneficiary_count", "=", 1)])
        with self.assertRaises(AccessError):
            Report.read_group([("beneficiary_count", "<", 5)], ["gender"], ["gender"])

    # ------------------------------------------------------- the wizard
    def test_small_numbers_are_hidden_by_default_for_the_supervisor(self):
        self.assertTrue(self._wizard(user=self.user_supervisor).suppress_small)
        self.assertFalse(self._wizard().suppress_small)
        sections = self._wizard(user=self.user_supervisor)._report_sections()
        new = self._section(sections, 0)
        self.assertEqual(new[self.centre.name][-1], "<5")

    def test_a_structure_the_user_may_not_read_is_refused_in_greek(self):
        self.env["res.lang"]._activate_lang("el_GR")
        cases = (
            (self.user_head, self.other_centre),  # another municipality
            (self.user_head, self.second_centre),  # not the head's centre
            (self.user_supervisor, self.other_centre),
        )
        for user, centre in cases:
            # As over RPC, the client sends the user's language.
            Wizard = self.env["kentro.activity.report"].with_user(user).with_context(lang="el_GR")
            values = {"centre_id": centre.id, "date_from": self.first, "date_to": self.last}
            with self.assertRaises(AccessError) as caught:
                Wizard.create(values).action_print()
            self.assertNotIn(centre.name, str(caught.exception))
            self.assertRegex(str(caught.exception), "[α-ω]", "in Greek")
            # Whichever way the structure came into the wizard, it prints nothing.
            wizard = Wizard.create({**values, "centre_id": self.centre.id})
            # sudo: the structure set behind the relational guard's back.
            wizard.sudo().centre_id = centre
            for action in ("_report_sections", "action_print"):
                with self.assertRaises(AccessError) as caught:
                    getattr(wizard, action)()
                self.assertNotIn(centre.name, str(caught.exception))
                self.assertRegex(str(caught.exception), "[α-ω]", "in Greek")
        self.assertFalse(self.other_centre.message_ids.attachment_ids)
        self.assertFalse(self.second_centre.message_ids.attachment_ids)

    def test_names_to_complete_are_listed_only_from_readable_files(self):
        # The administrator sees every structure of the municipality, but the
        # files of their own centre only.
        incomplete = self.second_centre_person
        self.assertFalse(incomplete.employment_status)
        wizard = self._wizard(
            user=self.user_manager, centre_id=self.second_centre.id, report_type="esf"
        )
        sections = wizard._report_sections()
        self.assertGreaterEqual(
            self._section(sections, 0)["Records with mandatory fields missing"][0], 1
        )
        names = [row[0] for section in sections[1:] for row in section["rows"]]
        self.assertNotIn(incomplete.name, names)
        # The head of the structure lists them.
        own = self._wizard(report_type="esf")._report_sections()
        self.assertIn(self.mother.name, [row[0] for row in own[1]["rows"]])
