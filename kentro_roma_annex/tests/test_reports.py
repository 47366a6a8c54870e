import io
from datetime import date

import openpyxl

from odoo.tests import HttpCase, tagged

from odoo.addons.kentro_community.tests.common import assert_pdf_reads

from .common import SettlementReportCase


@tagged("kentro", "kentro_roma", "kentro_reports")
class TestSettlementReport(SettlementReportCase):
    def test_settlement_figures_equal_independent_counts(self):
        summary, by_type, conditions = self._wizard()._report_sections()
        rows = {row[0]: row[1:] for row in summary["rows"]}
        for settlement in (self.settlement, self.settlement_b):
            self.assertEqual(rows[settlement.name], self._independent_row(settlement))
        # The same, as the social worker would count them on paper.
        self.assertEqual(rows[self.settlement.name], [4, 1, 2, 1, 1, 3, 2])
        self.assertEqual(rows[self.settlement_b.name], [4, 2, 3, 1, 2, 1, 1])
        self.assertEqual(rows["Total"], [8, 3, 5, 2, 3, 4, 3])

        services = {(row[0], row[1]): row[2:] for row in by_type["rows"]}
        self.assertEqual(services[(self.settlement.name, "Information")], [2, 1])
        self.assertEqual(services[(self.settlement.name, "Escort to a service")], [1, 1])
        self.assertEqual(services[(self.settlement_b.name, "Information")], [1, 1])
        self.assertEqual(len(services), 3, "the main centre's person is not a settlement's")

        living = {row[0]: row[1:] for row in conditions["rows"]}
        self.assertEqual(
            living[self.settlement_b.name],
            ["Informal (camp)", "Shacks and tents", "No", "", "", "", 60, 3.5, 0.0, ""],
        )
        self.assertEqual(living[self.settlement.name][1], "Prefabricated units")
        self.assertEqual(living[self.settlement.name][-1], "02/03/2026")

    def test_one_settlement_and_small_numbers(self):
        sections = self._wizard(
            roma_settlement_ids=[(6, 0, self.settlement_b.ids)], suppress_small=True
        )._report_sections()
        rows = {row[0]: row[1:] for row in sections[0]["rows"]}
        self.assertEqual(set(rows), {self.settlement_b.name}, "no total for a single settlement")
        self.assertEqual(rows[self.settlement_b.name], ["<5"] * 7)
        self.assertEqual(
            sections[2]["rows"][0][7], 60, "the population estimate is not a count to hide"
        )

    def test_annex_structure_alone_and_another_structure(self):
        rows = self._wizard(centre_id=self.roma_annex.id)._report_sections()[0]["rows"]
        self.assertEqual(rows[-1], ["Total", 8, 3, 5, 2, 3, 4, 3])
        main_only = self._wizard(include_attached=False)._report_sections()
        self.assertEqual(main_only[0]["rows"], [], "the centre alone serves no settlement")

    def test_xlsx_reopens_with_the_same_figures(self):
        self._wizard(output="xlsx").action_print()
        attachment = self.centre.message_ids[:1].attachment_ids
        self.assertTrue(attachment.name.endswith(".xlsx"))
        book = openpyxl.load_workbook(io.BytesIO(attachment.raw))
        cells = {}
        # The summary comes first; later tables start with the settlement's name too.
        for row in book.active.iter_rows(values_only=True):
            if row and row[0]:
                cells.setdefault(row[0], list(row[1:8]))
        self.assertEqual(cells[self.settlement.name], self._independent_row(self.settlement))
        self.assertEqual(cells[self.settlement_b.name], self._independent_row(self.settlement_b))


@tagged("kentro", "kentro_roma", "kentro_reports")
class TestAnnexCountedSeparately(SettlementReportCase):
    def _beneficiary_rows(self, report_type, **values):
        wizard = self._wizard(report_type=report_type, **values)
        sections = wizard._report_sections()
        section = next(s for s in sections if s["title"] == "Beneficiaries")
        return {row[0]: row[1:] for row in section["rows"]}

    def _expected(self, structure, date_from, date_to):
        Beneficiary = self.env["kentro.beneficiary"]
        new = Beneficiary.search_count(
            [
                ("centre_id", "=", structure.id),
                ("registration_date", ">=", date_from),
                ("registration_date", "<=", date_to),
            ]
        )
        served = self.env["kentro.service"].search(
            [
                ("centre_id", "=", structure.id),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ]
        )
        return new, len(served.beneficiary_id)

    def test_monthly_report_has_a_row_for_the_annex(self):
        rows = self._beneficiary_rows("activity")
        for structure in (self.centre, self.roma_annex):
            new, served = self._expected(structure, self.first, self.last)
            self.assertEqual((rows[structure.name][-2], rows[structure.name][-1]), (new, served))
        self.assertEqual(rows[self.roma_annex.name][-2], 8, "the annex's own registrations")
        self.assertEqual(rows[self.centre.name][-2], 1)

    def test_annual_report_has_a_row_for_the_annex(self):
        start, end = date(self.today.year, 1, 1), date(self.today.year, 12, 31)
        rows = self._beneficiary_rows("annual", date_from=start, date_to=end)
        for structure in (self.centre, self.roma_annex):
            new, served = self._expected(structure, start, end)
            self.assertEqual((rows[structure.name][-2], rows[structure.name][-1]), (new, served))
        self.assertEqual(rows[self.roma_annex.name][-1], 3)


@tagged("post_install", "-at_install", "kentro", "kentro_reports")
class TestSettlementReportPdf(HttpCase, SettlementReportCase):
    def test_settlement_report_pdf_reads_in_greek(self):
        assert_pdf_reads(
            self,
            self._wizard(),
            (
                "Έκθεση οικισμών Ρομά",
                self.settlement.name,
                self.settlement_b.name,
                "Συνθήκες διαβίωσης",
                "Μη εγγεγραμμένα",
                "Σύνολο",
                "Προκατασκευασμένα",
            ),
        )
