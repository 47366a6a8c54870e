import io
from collections import Counter
from datetime import date

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.kentro_community.tests.common import (
    assert_pdf_reads,
    assert_report_offered,
    new_report_wizard,
    offered_reports,
)
from odoo.addons.kentro_community.tools import dates

from .common import MigrantCase


class KemReportCase(MigrantCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.year = dates.greek_today().year
        cls.start, cls.end = date(cls.year, 1, 1), date(cls.year, 12, 31)
        Beneficiary = cls.env["kentro.beneficiary"]
        ref = cls.env.ref
        last_year = date(cls.year - 1, 6, 1)
        # Registered last year: one served this year (counted), one not.
        cls.returning = Beneficiary.create(
            {
                "first_name": "Αλί",
                "last_name": "Χαν",
                "gender": "male",
                "birthdate": date(1990, 11, 23),
                "centre_id": cls.kem.id,
                "registration_date": last_year,
                "nationality_id": ref("base.pk").id,
                "origin_country_id": ref("base.pk").id,
                "migrant_status": "third_country",
            }
        )
        cls.dormant = Beneficiary.create(
            {
                "first_name": "Όλγα",
                "last_name": "Πετρένκο",
                "gender": "female",
                "centre_id": cls.kem.id,
                "registration_date": last_year,
                "origin_country_id": ref("base.ua").id,
                "migrant_status": "other",
            }
        )
        # Served this year, no status recorded yet.
        cls.unrecorded = Beneficiary.create(
            {"first_name": "Νέα", "last_name": "Άφιξη", "gender": "female", "centre_id": cls.kem.id}
        )
        afm = ref("kentro_migrant_annex.kentro_service_type_afm")
        legal = ref("kentro_migrant_annex.kentro_service_type_legal")
        Service = cls.env["kentro.service"]
        Service.create(
            [
                {"beneficiary_id": person.id, "service_type_id": kind.id, "date": day}
                for person, kind, day in (
                    (cls.returning, afm, date(cls.year, 1, 15)),
                    (cls.syrian, afm, cls.start),
                    (cls.syrian, legal, cls.end),
                    (cls.afghan, legal, cls.start),
                    (cls.dormant, legal, date(cls.year - 1, 12, 31)),  # last year
                    (cls.kosti, afm, cls.start),  # the main centre's
                )
            ]
        )

    def _wizard(self, **values):
        return new_report_wizard(
            self.env,
            self.user_head,
            self.centre,
            self.start,
            self.end,
            {"report_type": "kem_annual", **values},
        )

    def _people(self):
        """The year's ΚΕΜ people, found record by record."""
        people = self.env["kentro.beneficiary"].search([("centre_id", "=", self.kem.id)])
        return people.filtered(
            lambda p: (
                self.start <= p.registration_date <= self.end
                or any(self.start <= s.date <= self.end for s in p.service_ids)
            )
        )

    def _expected(self, people, key, label):
        """{label: [total, by gender...]} counted in Python."""
        # People with no recorded gender have their column: the columns add up.
        genders = [
            g for g, _label in self.env["kentro.beneficiary"]._fields["gender"].selection
        ] + [False]
        counts = Counter((label(key(p)), p.gender) for p in people)
        return {
            name: [sum(n for (other, _g), n in counts.items() if other == name)]
            + [counts.get((name, gender), 0) for gender in genders]
            for name in {label(key(p)) for p in people}
        }


@tagged("kentro", "kentro_migrant", "kentro_reports")
class TestKemReport(KemReportCase):
    def test_figures_equal_independent_counts(self):
        status, country, band, services = self._wizard()._report_sections()
        people = self._people()
        self.assertEqual(
            people,
            self.syrian | self.afghan | self.french | self.returning | self.unrecorded,
        )
        statuses = dict(self.env["kentro.beneficiary"]._fields["migrant_status"].selection)
        self.assertEqual(
            {row[0]: row[1:] for row in status["rows"]},
            self._expected(
                people, lambda p: p.migrant_status, lambda s: statuses.get(s, "Not recorded")
            ),
        )
        self.assertEqual(
            {row[0]: row[1:] for row in country["rows"]},
            self._expected(
                people, lambda p: p.origin_country_id.name, lambda c: c or "Not recorded"
            ),
        )
        bands = dict(self.env["kentro.beneficiary"]._fields["age_band"].selection)
        self.assertEqual(
            {row[0]: row[1:] for row in band["rows"]},
            self._expected(people, lambda p: p.age_band, lambda b: bands.get(b, "Not recorded")),
        )
        by_service = {row[0]: row[1:3] for row in services["rows"]}
        self.assertEqual(
            by_service,
            {"Help obtaining a tax number (ΑΦΜ)": [2, 2], "Legal counselling": [2, 2]},
            "the main centre's service and last year's are not counted",
        )
        # As a social worker would count: 1 protection, 1 asylum seeker, 1 EU
        # citizen, 1 third-country national, 1 not recorded.
        self.assertEqual(sum(row[1] for row in status["rows"]), 5)

    def test_esf_and_the_structure_without_a_kem(self):
        with self.assertRaisesRegex(UserError, "no migrant integration annex"):
            self._wizard(include_attached=False)._report_sections()
        only_kem = self._wizard(centre_id=self.kem.id)._report_sections()
        self.assertEqual(sum(row[1] for row in only_kem[0]["rows"]), 5)

    def test_the_menu_offers_the_kem_report_where_there_is_a_kem(self):
        """Offered to the head and the Social Service of a municipality with a
        ΚΕΜ, for a structure that has it, and it prints as PDF and XLSX."""
        self.env["res.lang"]._activate_lang("el_GR")
        menu = "kentro_migrant_annex.kentro_kem_report_menu"
        assert_report_offered(self, menu, self.kem)
        # The centre alone has no ΚΕΜ: said before rendering, in Greek.
        alone = self._wizard(include_attached=False, output="pdf").with_context(lang="el_GR")
        with self.assertRaisesRegex(UserError, "δεν έχει"):
            alone.action_print()
        self.kem.centre_type = "annex"
        self.assertNotIn(menu, offered_reports(self.env, self.user_head))

    def test_xlsx_reopens_with_the_same_figures(self):
        self.user_head.lang = "en_US"  # the file is written in the user's language
        self._wizard(output="xlsx").action_print()
        attachment = self.centre.message_ids[:1].attachment_ids
        book = openpyxl.load_workbook(io.BytesIO(attachment.raw))
        cells = {
            row[0]: row[1] for row in book.active.iter_rows(values_only=True) if row and row[0]
        }
        self.assertEqual(cells["Asylum seeker"], 1)
        self.assertEqual(cells["Syria"], 1)
        self.assertEqual(cells["Legal counselling"], 2)


@tagged("post_install", "-at_install", "kentro", "kentro_reports")
class TestKemReportPdf(HttpCase, KemReportCase):
    def test_kem_report_pdf_reads_in_greek(self):
        assert_pdf_reads(
            self,
            self._wizard(),
            (
                f"Ετήσια έκθεση ΚΕΜ {self.year}",
                "Νομικό καθεστώς",
                "Αιτών/ούσα άσυλο",
                "Χώρα προέλευσης",
                "Νομική συμβουλευτική",
            ),
        )
