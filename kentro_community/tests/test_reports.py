import io
from datetime import date, datetime

import openpyxl
from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import ReportCase, pdf_text


@tagged("kentro", "kentro_reports")
class TestActivityFigures(ReportCase):
    def test_figures_equal_independent_counts(self):
        sections = self._wizard()._sections()
        Beneficiary = self.env["kentro.beneficiary"]
        Service = self.env["kentro.service"]
        period = [("date", ">=", self.first), ("date", "<=", self.last)]
        beneficiaries = self._section(sections, 0)
        self.assertEqual(set(beneficiaries), {self.centre.name, self.annex.name})
        for structure in (self.centre, self.annex):
            row = beneficiaries[structure.name]
            registered = [
                ("centre_id", "=", structure.id),
                ("registration_date", ">=", self.first),
                ("registration_date", "<=", self.last),
            ]
            self.assertEqual(row[-2], Beneficiary.search_count(registered))
            self.assertEqual(
                row[0], Beneficiary.search_count(registered + [("gender", "=", "female")])
            )
            served = Service.search([("centre_id", "=", structure.id)] + period).beneficiary_id
            self.assertEqual(row[-1], len(served))
        services = self._section(sections, 1)
        centre_and_annex = [("centre_id", "in", (self.centre | self.annex).ids)]
        for service_type in Service.search(centre_and_annex + period).service_type_id:
            self.assertEqual(
                services[service_type.name][1],
                Service.search_count(
                    centre_and_annex + period + [("service_type_id", "=", service_type.id)]
                ),
            )
        self.assertEqual(sum(row[1] for row in services.values()), 5, "4 logged, 1 by the referral")
        referrals = self._section(sections, 2)
        category = self.dypa.kentro_agency_category_id.name
        self.assertEqual(referrals[category][1], 1, "one accepted")
        applications = self._section(sections, 3)
        self.assertEqual(applications[self.gmi.name][0], 1, "one draft")
        # The centre alone, without its annex.
        alone = self._section(self._wizard(include_attached=False)._sections(), 0)
        self.assertEqual(set(alone), {self.centre.name})

    def test_a_period_runs_from_midnight_to_midnight_in_greece(self):
        """An application recorded at 23:30 UTC on 31 October 2024 was made at
        01:30 on 1 November in Greece: November's report counts it, October's
        does not, and the year's month by month puts it in November."""
        application = self.env["kentro.application"].create(
            {"beneficiary_id": self.papadopoulos.id, "programme_id": self.gmi.id}
        )
        self.env.cr.execute(
            "UPDATE kentro_application SET create_date = %s WHERE id = %s",
            (datetime(2024, 10, 31, 23, 30), application.id),
        )
        application.invalidate_recordset(["create_date"])

        def drafts(first, last):
            sections = self._wizard(date_from=first, date_to=last)._sections()
            return self._section(sections, 3).get(self.gmi.name, [0])[0]

        self.assertEqual(drafts(date(2024, 11, 1), date(2024, 11, 30)), 1)
        self.assertEqual(drafts(date(2024, 10, 1), date(2024, 10, 31)), 0)
        year = self._wizard(
            report_type="annual", date_from=date(2024, 1, 1), date_to=date(2024, 12, 31)
        )
        months = {row[0]: row[1:] for row in year._report_sections()[0]["rows"]}
        self.assertEqual((months["10/2024"][4], months["11/2024"][4]), (0, 1))

    def test_small_numbers_can_be_hidden(self):
        sections = self._wizard(suppress_small=True, threshold=5)._report_sections()
        services = self._section(sections, 1)
        self.assertTrue(all(row[1] == "<5" for row in services.values()))
        self.assertEqual(self._section(sections, 4).get("Planned", [0])[0], 0, "zero stays zero")

    def test_xlsx_is_attached_and_reopens_with_the_same_figures(self):
        wizard = self._wizard(output="xlsx")
        action = wizard.action_print()
        self.assertEqual(action["type"], "ir.actions.act_url")
        attachment = self.centre.message_ids[:1].attachment_ids
        self.assertTrue(attachment.name.endswith(".xlsx"))
        book = openpyxl.load_workbook(io.BytesIO(attachment.raw))
        cells = [list(row) for row in book.active.iter_rows(values_only=True)]
        by_label = {row[0]: row[1:] for row in cells if row and row[0]}
        # Columns: one per gender, then «not recorded», then the total.
        total = len(self.env["kentro.beneficiary"]._fields["gender"].selection) + 1
        self.assertEqual(
            by_label[self.centre.name][total],
            self.env["kentro.beneficiary"].search_count(
                [
                    ("centre_id", "=", self.centre.id),
                    ("registration_date", ">=", self.first),
                    ("registration_date", "<=", self.last),
                ]
            ),
        )

    def test_supervisor_prints_statistics_but_not_a_beneficiary_sheet(self):
        sections = self._wizard(user=self.user_supervisor)._sections()
        self.assertEqual(
            self._section(sections, 0)[self.centre.name],
            self._section(self._wizard()._sections(), 0)[self.centre.name],
        )
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.user_supervisor)._render_qweb_html(
                "kentro_community.kentro_beneficiary_sheet_action", self.mother.ids
            )
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.user_annex_professional)._render_qweb_html(
                "kentro_community.kentro_beneficiary_sheet_action", self.mother.ids
            )


@tagged("kentro", "kentro_reports")
class TestAnnualAndEsf(ReportCase):
    def test_annual_report_month_by_month(self):
        self.centre.staff_ids = self.user_reception | self.user_professional | self.user_head
        wizard = self._wizard(
            report_type="annual",
            date_from=self.first.replace(month=1),
            date_to=self.first.replace(month=12, day=31),
        )
        sections = wizard._report_sections()
        months = {row[0]: row[1:] for row in sections[0]["rows"]}
        self.assertEqual(len(months), 12)
        this_month = months[self.first.strftime("%m/%Y")]
        structures = [("centre_id", "in", (self.centre | self.annex).ids)]
        in_month = [("date", ">=", self.first), ("date", "<=", self.last)]
        self.assertEqual(
            this_month[0],
            self.env["kentro.beneficiary"].search_count(
                structures
                + [("registration_date", ">=", self.first), ("registration_date", "<=", self.last)]
            ),
        )
        self.assertEqual(
            this_month[2], self.env["kentro.service"].search_count(structures + in_month)
        )
        self.assertEqual(
            this_month[1],
            len(self.env["kentro.service"].search(structures + in_month).beneficiary_id),
        )
        staffing = {row[0]: row[1:] for row in sections[-1]["rows"]}
        self.assertEqual(staffing[self.centre.name][0], 3)
        self.assertEqual(staffing[self.centre.name][1], self.centre.staff_required)
        self.assertEqual(
            staffing[self.centre.name][2], "Yes" if self.centre.staffing_compliant else "No"
        )

    def test_annual_xlsx_and_the_supervisor_prints_it(self):
        wizard = self._wizard(
            user=self.user_supervisor,
            report_type="annual",
            output="xlsx",
            suppress_small=False,  # on by default for the supervisor
            date_from=self.first.replace(month=1),
            date_to=self.first.replace(month=12, day=31),
        )
        wizard.action_print()
        attachment = self.centre.message_ids[:1].attachment_ids
        book = openpyxl.load_workbook(io.BytesIO(attachment.raw))
        rows = {
            row[0]: row[1:] for row in book.active.iter_rows(values_only=True) if row and row[0]
        }
        services = self.env["kentro.service"].search_count(
            [
                ("centre_id", "in", (self.centre | self.annex).ids),
                ("date", ">=", self.first),
                ("date", "<=", self.last),
            ]
        )
        self.assertEqual(rows[self.first.strftime("%m/%Y")][2], services)

    def test_vulnerability_is_a_dimension_of_the_analysis(self):
        roma = self.env.ref("kentro_community.kentro_vulnerability_roma")
        self.papadopoulos.vulnerability_ids = roma
        groups = dict(
            self.env["kentro.beneficiary"]
            .with_user(self.user_head)
            ._read_group([], ["vulnerability_ids"], ["__count"])
        )
        self.assertEqual(groups[roma], 1)

    def test_esf_indicators_equal_independent_counts(self):
        self.mother.write(
            {
                "gender": "female",
                "employment_status": "unemployed",
                "education_level": "isced_3",
                "disability": True,
                "nationality_id": self.env.ref("base.al").id,
            }
        )
        self.papadopoulos.write(
            {
                "employment_status": "employed",
                "education_level": "isced_6",
                "vulnerability_ids": [
                    (4, self.env.ref("kentro_community.kentro_vulnerability_roma").id)
                ],
                "esf_sensitive_refused": True,
            }
        )
        wizard = self._wizard(report_type="esf")
        sections = wizard._report_sections()
        rows = sections[0]["rows"]
        participants = self.env["kentro.beneficiary"].search(
            [
                ("centre_id", "in", (self.centre | self.annex).ids),
                ("registration_date", ">=", self.first),
                ("registration_date", "<=", self.last),
            ]
        )
        expected = [
            len(participants),
            len(participants.filtered(lambda p: p.employment_status == "unemployed")),
            len(participants.filtered("long_term_unemployed")),
            len(
                participants.filtered(
                    lambda p: p.employment_status in ("inactive", "student", "retired")
                )
            ),
            len(
                participants.filtered(
                    lambda p: p.employment_status in ("employed", "self_employed")
                )
            ),
        ]
        self.assertEqual([row[1] for row in rows[:5]], expected)
        by_label = {row[0]: row[1:] for row in rows}
        self.assertEqual(by_label["Participants with disabilities"][0], 1)
        self.assertEqual(by_label["Participants with disabilities"][1], 1, "a woman")
        self.assertEqual(by_label["Third-country nationals"][0], 1)
        self.assertEqual(
            by_label["Minorities, including marginalised communities such as the Roma"][0], 1
        )
        self.assertEqual(by_label["Refused to give sensitive data"][0], 1)
        incomplete = participants.filtered(
            lambda p: not (p.gender and p.birthdate and p.employment_status and p.education_level)
        )
        self.assertEqual(by_label["Records with mandatory fields missing"][0], len(incomplete))
        self.assertEqual({row[0] for row in sections[1]["rows"]}, set(incomplete.mapped("name")))
        # The supervisor reads the indicators, not the names to correct.
        supervisor = self._wizard(
            user=self.user_supervisor, report_type="esf", suppress_small=False
        )._report_sections()
        self.assertEqual(len(supervisor), 1)
        self.assertEqual(supervisor[0]["rows"], rows)
        # The spreadsheet holds the same figures.
        wizard.action_print()
        book = openpyxl.load_workbook(io.BytesIO(self.centre.message_ids[:1].attachment_ids.raw))
        cells = {
            row[0]: row[1:] for row in book.active.iter_rows(values_only=True) if row and row[0]
        }
        label = wizard.with_context(lang=self.user_head.lang)._report_sections()[0]["rows"][0][0]
        self.assertEqual(cells[label][0], len(participants))


@tagged("post_install", "-at_install", "kentro", "kentro_reports")
class TestReportPdfs(HttpCase, ReportCase):
    def test_activity_report_pdf_reads_in_greek(self):
        self.env["res.lang"]._activate_lang("el_GR")
        self.user_head.lang = "el_GR"
        wizard = self._wizard().with_context(force_report_rendering=True)
        wizard.action_print()
        attachment = self.centre.message_ids[:1].attachment_ids
        self.assertTrue(attachment.raw.startswith(b"%PDF"))
        text = pdf_text(attachment.raw)
        for expected in (
            "Έκθεση δραστηριότητας",
            self.centre.name,
            self.annex.name,
            "Ωφελούμενοι",
            "Παραπομπές ανά κατηγορία φορέα",
            "Ψυχοκοινωνική συμβουλευτική (ενήλικας)",
        ):
            self.assertIn(expected, text)

    def test_annual_report_pdf_with_the_narrative(self):
        self.env["res.lang"]._activate_lang("el_GR")
        self.user_head.lang = "el_GR"
        self.centre.annual_report_notes = "<p>Χρονιά με πολλές νέες οικογένειες.</p>"
        wizard = self._wizard(
            report_type="annual",
            date_from=self.first.replace(month=1),
            date_to=self.first.replace(month=12, day=31),
        ).with_context(force_report_rendering=True)
        wizard.action_print()
        text = pdf_text(self.centre.message_ids[:1].attachment_ids.raw)
        for expected in (
            "Ετήσιος απολογισμός",
            "Μήνας",
            "Χρονιά με πολλές νέες οικογένειες",
            "στελέχωση",
        ):
            self.assertIn(expected, text)

    def test_beneficiary_sheet_pdf(self):
        self.env["res.lang"]._activate_lang("el_GR")
        report = (
            self.env["ir.actions.report"]
            .with_user(self.user_professional)
            .with_context(force_report_rendering=True, lang="el_GR")
        )
        pdf, kind = report._render_qweb_pdf(
            "kentro_community.kentro_beneficiary_sheet_action", self.papadopoulos.ids
        )
        self.assertEqual(kind, "pdf")
        text = pdf_text(pdf)
        for expected in (
            "Ατομικό δελτίο",
            "Παπαδόπουλος Γεώργιος",
            "15038012348",
            "Οφειλές ενοικίου",
        ):
            self.assertIn(expected, text)


@tagged("kentro", "kentro_reports")
class TestDashboard(ReportCase):
    def test_head_dashboard_counts_this_month(self):
        centre = self.centre.with_user(self.user_head)
        self.assertEqual(
            centre.dashboard_services,
            self.env["kentro.service"].search_count(
                [("centre_id", "=", self.centre.id), ("date", ">=", self.first)]
            ),
        )
        self.assertEqual(centre.dashboard_waiting, 0)
        self.env["kentro.application"].search(
            [("beneficiary_id", "=", self.mother.id)]
        ).action_collect()
        centre.invalidate_recordset()
        self.assertEqual(centre.dashboard_waiting, 1)
        action = centre.with_context(dashboard_figure="dashboard_waiting").action_dashboard_open()
        self.assertEqual(
            self.env["kentro.application"].search(action["domain"]).beneficiary_id, self.mother
        )
        referral = self.env["kentro.referral"].search([("beneficiary_id", "=", self.mother.id)])
        referral.follow_up_date = self.today - relativedelta(days=1)
        centre.invalidate_recordset()
        self.assertEqual(centre.dashboard_overdue, 1)
        with self.assertRaises(AccessError):
            self.centre.with_user(self.user_supervisor).read(["dashboard_overdue"])
