import io
from datetime import date

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.kentro_community.tests.common import (
    assert_report_offered,
    new_report_wizard,
    offered_reports,
    pdf_text,
    printed_in_greek,
)
from odoo.addons.kentro_community.wizard.kentro_activity_report import Hours

from .common import MobileCase, athens


class MobileReportCase(MobileCase):
    """Two months of visits: January (Glafki twice, Kotyli once, one visit
    cancelled) and February (Glafki once), people new and returning."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Visit = cls.env["kentro.mobile.visit"]
        base = {"centre_id": cls.unit.id, "user_ids": [(6, 0, cls.crew.ids)]}

        def visit(day, area, hours=3, state="held"):
            return Visit.create(
                {
                    **base,
                    "area_id": area.id,
                    "start": athens(day, 9),
                    "stop": athens(day, 9 + hours),
                    "state": state,
                }
            )

        cls.glafki_jan_1 = visit(date(2026, 1, 6), cls.glafki)
        cls.glafki_jan_2 = visit(date(2026, 1, 20), cls.glafki, hours=2)
        cls.kotyli_jan = visit(date(2026, 1, 14), cls.kotyli)
        visit(date(2026, 1, 28), cls.thermes, state="cancelled")
        cls.glafki_feb = visit(date(2026, 2, 3), cls.glafki)
        Beneficiary = cls.env["kentro.beneficiary"]

        def person(name, registered, area):
            return Beneficiary.create(
                {
                    "first_name": name,
                    "last_name": "Χωρικός",
                    "centre_id": cls.unit.id,
                    "registration_date": registered,
                    "mobile_area_id": area.id,
                }
            )

        cls.hasan = person("Χασάν", date(2026, 1, 6), cls.glafki)
        cls.fatme = person("Φατμέ", date(2025, 11, 4), cls.glafki)  # registered before
        cls.ahmet = person("Αχμέτ", date(2026, 1, 14), cls.kotyli)
        application = cls.env.ref("kentro_community.kentro_service_type_application_support")
        cls.env["kentro.service"].create(
            [
                {
                    "beneficiary_id": who.id,
                    "service_type_id": kind.id,
                    "centre_id": cls.unit.id,
                    "date": at.date,
                    "mobile_visit_id": at.id,
                }
                for who, kind, at in (
                    (cls.hasan, cls.information, cls.glafki_jan_1),
                    (cls.hasan, application, cls.glafki_jan_1),
                    (cls.fatme, cls.information, cls.glafki_jan_2),
                    (cls.ahmet, cls.information, cls.kotyli_jan),
                    (cls.hasan, cls.information, cls.glafki_feb),  # returning in February
                )
            ]
        )
        # A service at the centre, not at a visit, is not the unit's.
        cls.env["kentro.service"].create(
            {
                "beneficiary_id": cls.hasan.id,
                "service_type_id": cls.information.id,
                "centre_id": cls.unit.id,
                "date": date(2026, 1, 8),
            }
        )
        agency = cls.env["res.partner"].create({"name": "ΚΕΠ Μύκης", "kentro_is_agency": True})
        # Given before the day the referral is recorded as sent (below).
        cls.env["kentro.consent"].create(
            {"beneficiary_id": cls.ahmet.id, "agency_id": agency.id, "date": date(2026, 1, 8)}
        )
        referral = cls.env["kentro.referral"].create(
            {"beneficiary_id": cls.ahmet.id, "agency_id": agency.id}
        )
        referral.action_send()
        referral.sent_date = date(2026, 1, 14)

    def _wizard(self, **values):
        return new_report_wizard(
            self.env,
            self.user_head,
            self.centre,
            date(2026, 1, 1),
            date(2026, 2, 28),
            {"report_type": "mobile_unit", **values},
        )

    def _independent(self):
        """The village × month table counted record by record."""
        table = {}
        visits = self.env["kentro.mobile.visit"].search(
            [("centre_id", "=", self.unit.id), ("state", "=", "held")]
        )
        for visit in visits:
            key = (visit.area_id.name, visit.date.strftime("%m/%Y"))
            row = table.setdefault(key, {"visits": 0, "people": {}, "services": 0})
            row["visits"] += 1
            for service in visit.service_ids:
                person = service.beneficiary_id
                new = person.registration_date.strftime("%m/%Y") == key[1]
                row["people"][person] = new
                row["services"] += 1
        return {
            key: [
                row["visits"],
                len(row["people"]),
                sum(row["people"].values()),
                len(row["people"]) - sum(row["people"].values()),
                row["services"],
            ]
            for key, row in table.items()
        }


@tagged("kentro", "kentro_mobile", "kentro_reports")
class TestMobileReport(MobileReportCase):
    def test_village_and_month_figures_equal_independent_counts(self):
        villages, by_type, monthly = self._wizard()._report_sections()
        rows = {(row[0], row[1]): row[2:] for row in villages["rows"]}
        independent = self._independent()
        for key, expected in independent.items():
            self.assertEqual(rows[key][:5], expected, key)
        # As the crew would count: Glafki in January, two visits, two people
        # (Hasan new, Fatme returning), three services; one referral from Kotyli.
        self.assertEqual(rows[("Γλαύκη", "01/2026")], [2, 2, 1, 1, 3, 0])
        self.assertEqual(rows[("Γλαύκη", "02/2026")], [1, 1, 0, 1, 1, 0])
        self.assertEqual(rows[("Κοτύλη", "01/2026")], [1, 1, 1, 0, 1, 1])
        self.assertNotIn(("Θέρμες", "01/2026"), rows, "the cancelled visit is not counted")

        services = {(row[0], row[1]): row[2:] for row in by_type["rows"]}
        self.assertEqual(services[("Γλαύκη", "Information")], [3, 2])
        self.assertEqual(services[("Γλαύκη", "Application support")], [1, 1])

        months = {row[0]: row[1:] for row in monthly["rows"]}
        self.assertEqual(months["01/2026"], [3, Hours(8 * 60), 2])
        self.assertEqual(months["02/2026"], [1, Hours(3 * 60), 1])

    def test_a_structure_without_a_unit_is_refused(self):
        with self.assertRaises(UserError):
            self._wizard(include_attached=False)._report_sections()
        only_unit = self._wizard(centre_id=self.unit.id)._report_sections()
        self.assertEqual(len(only_unit[0]["rows"]), 3)

    def test_the_menu_offers_the_unit_report_where_there_is_a_unit(self):
        """Offered to the head and the Social Service of a municipality with a
        mobile unit, for a structure that has it, and it prints as PDF and XLSX."""
        self.env["res.lang"]._activate_lang("el_GR")
        menu = "kentro_mobile_unit.kentro_mobile_report_menu"
        assert_report_offered(self, menu, self.unit)
        self.unit.centre_type = "annex"
        self.assertNotIn(menu, offered_reports(self.env, self.user_head))

    def test_xlsx_reopens_with_the_same_figures(self):
        self.user_head.lang = "en_US"
        self._wizard(output="xlsx").action_print()
        book = openpyxl.load_workbook(io.BytesIO(self.centre.message_ids[:1].attachment_ids.raw))
        cells = [row for row in book.active.iter_rows(values_only=True) if row and row[0]]
        glafki = next(row for row in cells if row[:2] == ("Γλαύκη", "01/2026"))
        self.assertEqual(list(glafki[2:8]), [2, 2, 1, 1, 3, 0])


@tagged("post_install", "-at_install", "kentro", "kentro_reports")
class TestMobilePdfs(HttpCase, MobileReportCase):
    def test_the_monthly_poster_in_greek(self):
        self.env["res.lang"]._activate_lang("el_GR")
        self.centre.partner_id = self.env["res.partner"].create(
            {"name": self.centre.name, "phone": "2541350000"}
        )
        poster = (
            self.env["kentro.mobile.poster"]
            .with_user(self.driver)
            .with_context(lang="el_GR")
            .create({"centre_id": self.unit.id, "month": 1, "year": 2026})
        )
        report = self.env["ir.actions.report"].with_context(
            force_report_rendering=True, lang="el_GR"
        )
        pdf, _kind = report._render_qweb_pdf(
            "kentro_mobile_unit.kentro_mobile_poster_report", poster.ids
        )
        text = pdf_text(pdf)
        for expected in (
            "Πρόγραμμα επισκέψεων",
            "Ιανουάριος 2026",
            "Τρίτη 6/1",
            "09:00–12:00",
            "Γλαύκη",
            "Κοτύλη",
            "2541350000",
        ):
            self.assertIn(expected, text)
        self.assertNotIn("Θέρμες", text, "the cancelled visit is not on the poster")

    def test_mobile_unit_report_pdf_in_greek(self):
        text = pdf_text(printed_in_greek(self._wizard()))
        for expected in ("Έκθεση Κινητής Μονάδας", "Γλαύκη", "01/2026", "Επισκέψεις"):
            self.assertIn(expected, text)
