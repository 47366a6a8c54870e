import io

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from ..wizard.kentro_activity_report import Hours
from .common import ReportCase, offered_reports, print_offered


def _minutes(value):
    """A time cell as openpyxl reads it, in minutes."""
    if hasattr(value, "total_seconds"):
        return round(value.total_seconds() / 60)
    if hasattr(value, "hour"):
        return value.hour * 60 + value.minute
    return round(value * 1440)


class ReportOfferCase(ReportCase):
    """What the Reporting menu offers each user, and what it prints."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("el_GR")
        cls.statistics = cls.env.ref("kentro_community.kentro_beneficiary_report_action")

    def _offered_reports(self, user):
        return offered_reports(self.env, user)

    def _print_offered(self, user, context, output):
        return print_offered(self.env, user, context, output)


@tagged("post_install", "-at_install", "kentro", "kentro_reports")
class TestReportOffer(ReportOfferCase):
    def test_each_offered_report_prints_for_each_role(self):
        """A menu offers no report that errors for the user's structures:
        each one prints as PDF and XLSX for the structure it proposes."""
        for user in (self.user_head, self.user_supervisor, self.user_manager):
            offered = self._offered_reports(user)
            self.assertIn("kentro_community.kentro_activity_report_menu", offered, user.login)
            self.assertIn("kentro_community.kentro_annual_report_menu", offered, user.login)
            for xmlid, context in offered.items():
                for output in ("pdf", "xlsx"):
                    with self.subTest(user=user.login, menu=xmlid, output=output):
                        wizard, action = self._print_offered(user, context, output)
                        self.assertTrue(wizard.centre_id)
                        self.assertEqual(action["type"], "ir.actions.act_url")
        for user in (self.user_reception, self.user_professional, self.user_employee):
            self.assertFalse(self._offered_reports(user), user.login)

    def test_no_report_of_a_structure_type_the_municipality_does_not_have(self):
        offered = self._offered_reports(self.user_head)
        for xmlid in (
            "kentro_migrant_annex.kentro_kem_report_menu",
            "kentro_mobile_unit.kentro_mobile_report_menu",
        ):
            self.assertNotIn(xmlid, offered)
        # The annual operating report is its own menu, not a choice inside another.
        self.assertEqual(
            offered["kentro_community.kentro_annual_report_menu"]["default_report_type"], "annual"
        )

    def test_no_menu_of_a_structure_type_the_user_does_not_read(self):
        """The head and the Social Service see no menu of ΚΕΜ, mobile units or
        Roma annexes their municipality does not have; the administrator
        keeps them, to create the first one."""
        typed = self.env["ir.actions.act_window"].search(
            [("res_model", "=", "kentro.centre"), ("context", "like", "default_centre_type")]
        )
        menus = self.env["ir.ui.menu"].search(
            [("action", "in", [f"ir.actions.act_window,{action.id}" for action in typed])]
        )
        self.assertTrue(menus)
        for user, shown in (
            (self.user_head, False),
            (self.user_supervisor, False),
            (self.user_manager, True),
        ):
            loaded = self.env["ir.ui.menu"].with_user(user).load_menus(False)
            self.assertEqual(bool(set(menus.ids) & set(loaded)), shown, user.login)

    def test_a_report_of_another_structure_type_is_refused_before_rendering(self):
        Wizard = self.env["kentro.activity.report"]
        needed = Wizard._report_structure_types()
        for report_type, structure_type in needed.items():
            with self.subTest(report_type=report_type):
                self.assertNotIn(structure_type, ("centre", "annex"))
                wizard = self._wizard(report_type=report_type, output="pdf").with_context(
                    lang="el_GR"
                )
                # A UserError (a dialog), not an error inside the QWeb rendering.
                with self.assertRaisesRegex(UserError, "δεν είναι διαθέσιμη"):
                    wizard.action_print()

    def test_a_yearly_report_proposes_this_year(self):
        wizard = (
            self.env["kentro.activity.report"]
            .with_user(self.user_head)
            .with_context(default_report_type="annual")
            .create({})
        )
        self.assertEqual(
            (wizard.date_from, wizard.date_to),
            (self.today.replace(month=1, day=1), self.today.replace(month=12, day=31)),
        )

    def test_a_report_of_a_structure_type_the_user_has_not_says_so(self):
        """Opened by its address or over RPC, a report the menu does not offer
        says, in Greek, that it is not available, not that a field is empty."""
        for report_type in self.env["kentro.activity.report"]._report_structure_types():
            with self.subTest(report_type=report_type):
                wizard = (
                    self.env["kentro.activity.report"]
                    .with_user(self.user_head)
                    .with_context(default_report_type=report_type, lang="el_GR")
                    .create({})
                )
                self.assertFalse(wizard.centre_id)
                with self.assertRaisesRegex(UserError, "δεν είναι διαθέσιμη"):
                    wizard.action_print()

    def test_printing_without_a_structure_is_refused_in_greek(self):
        wizard = self._wizard(user=self.user_supervisor, centre_id=False).with_context(lang="el_GR")
        with self.assertRaisesRegex(UserError, "Επιλέξτε τη δομή"):
            wizard.action_print()


@tagged("post_install", "-at_install", "kentro", "kentro_reports")
class TestSupervisorLanding(ReportOfferCase):
    def test_the_app_opens_on_the_statistics_for_the_supervisor(self):
        menus = self.env["ir.ui.menu"].with_user(self.user_supervisor).load_web_menus(False)
        root = self.env.ref("kentro_community.kentro_root_menu")
        self.assertEqual(menus[root.id]["actionID"], self.statistics.id)

    def test_the_wizard_proposes_a_structure_and_hides_small_numbers(self):
        wizard = (
            self.env["kentro.activity.report"]
            .with_user(self.user_supervisor)
            .with_context(default_report_type="activity")
            .create({})
        )
        self.assertTrue(wizard.centre_id)
        self.assertFalse(wizard.centre_id.parent_id)
        self.assertTrue(wizard.include_attached)
        self.assertTrue(wizard.suppress_small)
        head_wizard = self.env["kentro.activity.report"].with_user(self.user_head).create({})
        self.assertEqual(head_wizard.centre_id, self.centre)

    def test_the_statistics_open_no_list_of_rows(self):
        """The action offers totals only: no list, no form, no drilling down."""
        self.assertNotIn("list", self.statistics.view_mode)
        self.assertNotIn("form", self.statistics.view_mode)
        Report = self.env["kentro.beneficiary.report"].with_user(self.user_supervisor)
        for view_type in ("pivot", "graph"):
            arch = Report.get_views([(False, view_type)])["views"][view_type]["arch"]
            self.assertIn('disable_linking="1"', arch, view_type)


@tagged("post_install", "-at_install", "kentro", "kentro_reports")
class TestFiguresAddUp(ReportOfferCase):
    def test_new_beneficiaries_by_gender_add_up_to_the_total(self):
        self.env["kentro.beneficiary"].create(
            {
                "first_name": "Χωρίς",
                "last_name": "Φύλο",
                "centre_id": self.centre.id,
                "gender": False,
                "registration_date": self.first,
            }
        )
        section = self._wizard().with_context(lang="el_GR")._sections()[0]
        self.assertIn("Νέοι: Χωρίς καταχώριση", section["columns"])
        total = section["columns"].index("Νέοι, σύνολο")
        for row in section["rows"]:
            self.assertEqual(sum(row[1:total]), row[total], row[0])
        esf = self._wizard(report_type="esf")._esf_sections()[0]
        for row in esf["rows"]:
            self.assertEqual(sum(row[2:]), row[1], row[0])

    def test_hours_print_in_greek_format(self):
        self.assertEqual(str(Hours(48)), "0:48")
        self.assertEqual(str(Hours(605)), "10:05")
        services = self._wizard()._sections()[1]
        hours = [row[-1] for row in services["rows"]]
        self.assertTrue(hours)
        for value in hours:
            self.assertIsInstance(value, Hours)
            self.assertRegex(str(value), r"^\d+:\d\d$")
        self.user_head.lang = "el_GR"
        self._wizard(output="xlsx").action_print()
        book = openpyxl.load_workbook(io.BytesIO(self.centre.message_ids[:1].attachment_ids.raw))
        cells = [
            cell
            for row in book.active.iter_rows()
            for cell in row
            if cell.number_format == "[h]:mm"
        ]
        self.assertEqual(
            sorted(_minutes(cell.value) for cell in cells),
            sorted(value.minutes for value in hours),
        )

    def test_an_annex_with_no_staff_is_not_compliant(self):
        self.annex.staff_ids = False
        self.assertFalse(self.annex.staffing_compliant)
        rows = self._wizard(report_type="annual")._structure_section()["rows"]
        annex_row = next(row for row in rows if row[0] == self.annex.name)
        self.assertEqual(annex_row[3], "No")


@tagged("post_install", "-at_install", "kentro", "kentro_reports", "kentro_tour")
class TestHeadPrintsEveryReport(HttpCase, ReportOfferCase):
    def test_each_offered_report_downloads_as_head(self):
        """As the web client downloads them: the URL the Print button returns,
        and the report route, answer the head with the file."""
        self.authenticate(self.user_head.login, self.user_head.login)
        offered = self._offered_reports(self.user_head)
        types = {"pdf": "application/pdf", "xlsx": "spreadsheetml"}
        for xmlid, context in offered.items():
            for output, content_type in types.items():
                with self.subTest(menu=xmlid, output=output):
                    wizard, action = self._print_offered(self.user_head, context, output)
                    if wizard.report_type == "esf" and output == "pdf":
                        content_type = types["xlsx"]
                    response = self.url_open(action["url"])
                    self.assertEqual(response.status_code, 200)
                    self.assertIn(content_type, response.headers["Content-Type"])
                    if output == "pdf" and wizard.report_type != "esf":
                        route = self.url_open(
                            f"/report/pdf/kentro_community.kentro_activity_report/{wizard.id}"
                        )
                        self.assertEqual(route.status_code, 200)
                        self.assertIn(content_type, route.headers["Content-Type"])

    def test_head_prints_every_offered_report_in_the_browser(self):
        # The tour prints the reports of these menus: a new report menu for
        # a plain centre is added to the tour too.
        reporting = self.env.ref("kentro_community.kentro_reporting_menu")
        menus = self.env["ir.ui.menu"].with_user(self.user_head).load_menus(False)
        in_reporting = {
            menu["xmlid"]
            for menu in menus.values()
            if menu.get("parent_id") and menu["parent_id"][0] == reporting.id
        }
        self.assertEqual(
            set(self._offered_reports(self.user_head)) & in_reporting,
            {
                "kentro_community.kentro_activity_report_menu",
                "kentro_community.kentro_annual_report_menu",
                "kentro_community.kentro_esf_report_menu",
            },
        )
        self.user_head.lang = "el_GR"
        before = self.centre.message_ids.attachment_ids
        self.start_tour("/odoo", "kentro_head_reports_tour", login=self.user_head.login)
        printed = self.centre.message_ids.attachment_ids - before
        self.assertEqual(
            sorted(printed.mapped("mimetype")),
            sorted(
                ["application/pdf"] * 2
                + ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] * 3
            ),
        )


@tagged("post_install", "-at_install", "kentro", "kentro_tour")
class TestSupervisorTour(HttpCase, ReportOfferCase):
    def test_supervisor_lands_on_statistics_and_reaches_no_row(self):
        self.user_supervisor.lang = "el_GR"
        self.start_tour("/odoo", "kentro_supervisor_tour", login=self.user_supervisor.login)
