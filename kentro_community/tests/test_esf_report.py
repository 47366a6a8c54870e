import base64
import csv
import io
import os
import random
import zipfile
from datetime import date, timedelta

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.modules.module import get_module_path
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from ..wizard.kentro_esf_report import EXPORT_COLUMNS
from .common import KentroRegistryCase

GENDERS = ("female", "male", "other", False)
PERIOD = (date(2026, 1, 1), date(2026, 6, 30))

# What each indicator counts, written again from Annex I of Regulation (EU)
# 2021/1057 over the values the test generated: the report's domains are not
# used to check themselves.
OUTPUTS = {
    "EECO01": lambda p: True,
    "EECO02": lambda p: p["employment"] in ("unemployed", "long_term_unemployed"),
    "EECO03": lambda p: p["employment"] == "long_term_unemployed",
    "EECO04": lambda p: p["employment"] == "inactive",
    "EECO05": lambda p: p["employment"] == "employed",
    "EECO06": lambda p: p["age_group"] == "under_18",
    "EECO07": lambda p: p["age_group"] == "18_29",
    "EECO08": lambda p: p["age_group"] == "55_plus",
    "EECO09": lambda p: p["education"] == "isced_0_2",
    "EECO10": lambda p: p["education"] == "isced_3_4",
    "EECO11": lambda p: p["education"] == "isced_5_8",
    "EECO12": lambda p: p["disability"] == "yes",
    "EECO13": lambda p: p["third_country"],
    "EECO14": lambda p: p["foreign_background"] == "yes",
    "EECO15": lambda p: p["minority"] == "yes",
    "EECO16": lambda p: p["homeless"] == "yes",
    "EECO17": lambda p: p["rural"],
}
RESULTS = {
    "EECR01": "result_job_searching",
    "EECR02": "result_education",
    "EECR03": "result_qualification",
    "EECR04": "result_employed",
    "EECR05": "follow_up_employed",
    "EECR06": "follow_up_improved",
}


@tagged("kentro", "kentro_esf", "-at_install", "post_install")
class TestEsfReport(HttpCase, KentroRegistryCase):
    """The operation's common indicators against counts made independently,
    small numbers hidden, and the participants file: its check, its columns,
    its audit and who may make it, over the ORM and the browser's routes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.centre.head_id = cls.user_head
        cls.operation = cls.env["kentro.esf.operation"].create(
            {
                "name": "Κέντρο Κοινότητας Δήμου Δοκιμής",
                "code": "5000123",
                "date_start": date(2025, 1, 1),
                "date_end": date(2027, 12, 31),
                "company_id": cls.municipality.id,
                "centre_ids": [(6, 0, (cls.centre | cls.annex).ids)],
            }
        )
        # Participants with every combination the indicators look at, some
        # before the period, some leaving in it, some followed up.
        rng = random.Random(2021_1057)
        people = cls.env["kentro.beneficiary"].create(
            [
                {
                    "first_name": f"Συμμετέχων {index}",
                    "last_name": "Δοκιμής",
                    "amka": False,
                    "id_document_number": f"ΑΒ{100000 + index}",
                    "centre_id": (cls.centre if index % 3 else cls.annex).id,
                }
                for index in range(60)
            ]
        )
        answers = ("yes", "no", "refused")
        cls.generated = []
        for person in people:
            entry = PERIOD[0] + timedelta(days=rng.randrange(-60, 200))
            age_group = rng.choice(("under_18", "18_29", "30_54", "55_plus"))
            third_country = rng.random() < 0.3
            values = {
                "operation_id": cls.operation.id,
                "beneficiary_id": person.id,
                "centre_id": person.centre_id.id,
                "entry_date": entry,
                "gender": rng.choice(GENDERS),
                "age": 30,
                "age_group": age_group,
                "employment": rng.choice(
                    ("unemployed", "long_term_unemployed", "inactive", "employed")
                ),
                # Consistent data: the file's check refuses none of them.
                "education": rng.choice(
                    ("isced_0_2", "isced_3_4")
                    if age_group == "under_18"
                    else ("isced_0_2", "isced_3_4", "isced_5_8")
                ),
                "disability": rng.choice(answers),
                "third_country": third_country,
                "foreign_background": rng.choice(answers[::2] if third_country else answers),
                "minority": rng.choice(answers),
                "homeless": rng.choice(answers),
                "rural": rng.random() < 0.4,
            }
            if rng.random() < 0.5:
                exit_date = entry + timedelta(days=rng.randrange(0, 120))
                values.update(
                    state="exited",
                    exit_date=exit_date,
                    exit_reason="inactive",
                    **{name: rng.random() < 0.5 for name in list(RESULTS.values())[:4]},
                )
                if rng.random() < 0.5:
                    values.update(
                        follow_up_date=exit_date + timedelta(days=190),
                        follow_up_employed=rng.random() < 0.5,
                        follow_up_improved=rng.random() < 0.5,
                    )
            cls.generated.append(values)
        cls.participants = cls.env["kentro.esf.participant"].create(cls.generated)
        for values, participant in zip(cls.generated, cls.participants, strict=True):
            values["id"] = participant.id

    @staticmethod
    def _content(wizard):
        return base64.b64decode(wizard.file_data)

    def _wizard(self, user=None, **values):
        return (
            self.env["kentro.esf.report"]
            .with_user(user or self.user_head)
            .create(
                {
                    "operation_id": self.operation.id,
                    "date_from": PERIOD[0],
                    "date_to": PERIOD[1],
                    **values,
                }
            )
        )

    @staticmethod
    def _rows(sections):
        return {row[0]: row for section in sections for row in section["rows"] if row[0]}

    def _expected(self, predicate, moment):
        date_field = "entry_date" if moment == "entry" else "exit_date"
        counted = [
            values
            for values in self.generated
            if values.get(date_field)
            and PERIOD[0] <= values[date_field] <= PERIOD[1]
            and predicate(values)
        ]
        return [len(counted)] + [
            sum(1 for values in counted if values["gender"] == gender) for gender in GENDERS
        ]

    def test_every_indicator_equals_an_independent_count(self):
        rows = self._rows(self._wizard()._sections())
        self.assertEqual(len(rows), 23, "EECO01-17 and EECR01-06")
        for code, predicate in OUTPUTS.items():
            self.assertEqual(rows[code][2:], self._expected(predicate, "entry"), code)
        for code, field in RESULTS.items():
            self.assertEqual(
                rows[code][2:], self._expected(lambda values, f=field: values.get(f), "exit"), code
            )
        # The data behind them: the totals are not all zero.
        self.assertGreater(rows["EECO01"][2], 10)
        self.assertGreater(rows["EECR01"][2], 0)

    def test_refusals_are_counted_as_refusals_not_as_answers(self):
        sections = self._wizard()._sections()
        behind = {row[1]: row[2] for row in sections[2]["rows"]}
        refused_minority = self._expected(lambda values: values["minority"] == "refused", "entry")
        [label] = [label for label in behind if "Minority" in label]
        self.assertEqual(behind[label], refused_minority[0])
        self.assertGreater(refused_minority[0], 0)

    def test_small_numbers_are_hidden_on_request(self):
        rows = self._rows(self._wizard(suppress_small=True, threshold=5)._sections())
        plain = self._rows(self._wizard()._sections())
        hidden = [
            (code, column)
            for code, row in plain.items()
            for column, value in enumerate(row[2:], start=2)
            if 0 < value < 5
        ]
        self.assertTrue(hidden, "the data have small counts to hide")
        for code, column in hidden:
            self.assertEqual(rows[code][column], "<5")
        self.assertEqual(rows["EECO01"][2], plain["EECO01"][2])

    def test_the_indicators_print_as_pdf_and_xlsx(self):
        wizard = self._wizard(output="xlsx")
        action = wizard.action_print()
        self.assertIn(f"/web/content/kentro.esf.report/{wizard.id}/file_data/", action["url"])
        with zipfile.ZipFile(io.BytesIO(self._content(wizard))) as book:
            strings = book.read("xl/sharedStrings.xml").decode()
        self.assertIn("EECR06", strings)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.user_head)
            ._render_qweb_html("kentro_community.kentro_esf_indicators_action", wizard.ids)[0]
            .decode()
        )
        self.assertIn("EECO17", html)
        self.assertIn("5000123", html)

    def _generated_in_file(self):
        """The records the file covers: entered, left or followed up in the period."""
        return [
            values
            for values in self.generated
            if any(
                values.get(name) and PERIOD[0] <= values[name] <= PERIOD[1]
                for name in ("entry_date", "exit_date", "follow_up_date")
            )
        ]

    def test_the_participants_file_is_checked_before_it_leaves(self):
        # Two records the participants system would refuse.
        broken = self.participants.filtered(lambda p: PERIOD[0] <= p.entry_date <= PERIOD[1])[:2]
        broken[0].write({"education": False})
        broken[1].write({"third_country": True, "foreign_background": "no"})
        # Those with no gender recorded lack a mandatory datum too.
        no_gender = self.participants.filtered(
            lambda participant: (
                not participant.gender
                and participant.id in {values["id"] for values in self._generated_in_file()}
            )
        )
        self.assertTrue(no_gender)
        wizard = self._wizard(kind="participants", file_format="csv")
        self.assertEqual(wizard.action_print()["res_model"], "kentro.esf.report")
        self.assertFalse(wizard.file_data, "nothing leaves while rows would be refused")
        self.assertEqual(wizard.line_ids.participant_id, broken | no_gender)
        problems = {line.participant_id: line.problem for line in wizard.line_ids}
        # Said in the head's language.
        head = self.env(user=self.user_head, context={"lang": self.user_head.lang})
        self.assertEqual(self.user_head.lang, "el_GR")
        education = head["kentro.esf.participant"]._fields["education"]
        self.assertIn(education._description_string(head), problems[broken[0]])
        self.assertIn(
            head._("A third-country national without a foreign background"), problems[broken[1]]
        )
        # Leaving them out: every other record of the period, in order.
        wizard.skip_refused = True
        self.assertEqual(wizard.action_print()["type"], "ir.actions.act_url")
        rows = list(csv.reader(io.StringIO(self._content(wizard).decode("utf-8"))))
        self.assertEqual(rows[0], EXPORT_COLUMNS)
        self.assertEqual(len(rows) - 1, len(self._generated_in_file()) - len(broken | no_gender))
        exported = {int(row[1]) for row in rows[1:]}
        self.assertFalse(exported & set(broken.ids))
        self.assertEqual(rows[1][0], "5000123")
        # Each exported person is in the access log, as exported by the head.
        logged = self.env["kentro.audit.log"].search(
            [("user_id", "=", self.user_head.id), ("action", "=", "export")]
        )
        self.assertEqual(
            set(logged.mapped("file_id")),
            set(self.participants.browse(exported).beneficiary_id.ids),
        )

    def test_the_readme_documents_the_column_order(self):
        readme = os.path.join(get_module_path("kentro_community"), "..", "README.md")
        with open(readme, encoding="utf-8") as file:
            text = file.read()
        section = text.split("### ESF+ participants file\n")[1].split("\n#")[0]
        documented = [line.split("`")[1] for line in section.splitlines() if line.startswith("| `")]
        self.assertEqual(documented, EXPORT_COLUMNS)

    def test_the_file_is_xlsx_too(self):
        wizard = self._wizard(kind="participants", file_format="xlsx", skip_refused=True)
        wizard.action_print()
        book = openpyxl.load_workbook(io.BytesIO(self._content(wizard)))
        rows = list(book.active.iter_rows(values_only=True))
        self.assertEqual(list(rows[0]), EXPORT_COLUMNS, "the header comes first")
        self.assertEqual(rows[1][0], "5000123")

    def test_only_heads_and_the_administrator_make_them(self):
        for user in (self.user_professional, self.user_reception, self.user_supervisor):
            with self.assertRaises(AccessError, msg=user.login):
                self._wizard(user=user)
        self._wizard(user=self.user_manager).action_check()

    def test_another_municipality_s_operation_is_refused(self):
        with self.assertRaises(AccessError):
            wizard = self._wizard(
                user=self.user_manager_other, kind="participants", file_format="csv"
            )
            wizard.action_print()

    def test_a_head_counts_only_the_structures_they_head(self):
        # A head of the annex alone reads the annex's participants only.
        self.annex.head_id = self.user_annex_professional
        self.user_annex_professional.groups_id += self.env.ref("kentro_community.group_kentro_head")
        rows = self._rows(self._wizard(user=self.user_annex_professional)._sections())
        annex_only = self._expected(lambda values: values["centre_id"] == self.annex.id, "entry")
        self.assertEqual(rows["EECO01"][2:], annex_only)

    def test_a_wizard_is_read_by_its_maker_only(self):
        wizard = self._wizard(kind="participants", file_format="csv", skip_refused=True)
        wizard.action_print()
        other_head = self.user_manager
        with self.assertRaises(AccessError):
            wizard.with_user(other_head).read(["file_data"])

    def test_the_check_alone_writes_no_file_and_no_log(self):
        wizard = self._wizard(kind="participants", file_format="csv")
        wizard.action_check()
        self.assertTrue(wizard.checked)
        self.assertFalse(wizard.file_data)
        self.assertFalse(
            self.env["kentro.audit.log"].search_count(
                [("user_id", "=", self.user_head.id), ("action", "=", "export")]
            )
        )

    def test_the_wizard_opens_on_the_operation_running_today(self):
        wizard = self.env["kentro.esf.report"].with_user(self.user_head).create({})
        self.assertEqual(wizard.operation_id, self.operation)
        self.assertEqual(wizard.date_from, date(2025, 1, 1))
        # An operation that has not started yet: its whole period.
        self.operation.write({"date_start": date(2099, 1, 1), "date_end": date(2099, 12, 31)})
        wizard = self.env["kentro.esf.report"].with_user(self.user_head).create({})
        self.assertEqual((wizard.date_from, wizard.date_to), (date(2099, 1, 1), date(2099, 12, 31)))
        # Another municipality's head gets none of this one's.
        other = self.env["kentro.esf.report"].with_user(self.user_manager_other)
        self.assertFalse(other.default_get(["operation_id"]).get("operation_id"))

    @mute_logger("odoo.http")
    def test_the_file_and_the_pdf_reach_their_maker_only(self):
        wizard = self._wizard(kind="participants", file_format="csv", skip_refused=True)
        action = wizard.action_print()
        printed = self._wizard()
        routes = (action["url"], f"/report/pdf/kentro_community.kentro_esf_indicators/{printed.id}")
        for user in (self.user_manager, self.user_professional, self.user_manager_other):
            self.authenticate(user.login, user.login)
            for url in routes:
                response = self.url_open(url)
                self.assertNotEqual(response.status_code, 200, f"{user.login} {url}")
                self.assertNotIn(b"5000123", response.content)
        self.authenticate(self.user_head.login, self.user_head.login)
        response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(",".join(EXPORT_COLUMNS).encode()))
        self.assertIn("attachment", response.headers["Content-Disposition"])
        self.assertIn("text/csv", response.headers["Content-Type"])
        response = self.url_open(routes[1])
        self.assertEqual(response.status_code, 200)
        # In tests Odoo answers the report's HTML rather than running wkhtmltopdf.
        self.assertIn(b"EECO17", response.content)
        self.assertIn(b"5000123", response.content)


@tagged("kentro", "kentro_esf")
class TestEsfDashboard(KentroRegistryCase):
    """The head's dashboard counts the entries missing data, the results on
    leaving due and the follow-ups due, and each figure opens its records."""

    @freeze_time("2026-12-01")
    def test_the_head_sees_what_is_due(self):
        self.centre.head_id = self.user_head
        operation = self.env["kentro.esf.operation"].create(
            {
                "name": "Πράξη",
                "code": "5000124",
                "date_start": date(2025, 1, 1),
                "date_end": date(2027, 12, 31),
                "company_id": self.municipality.id,
                "centre_ids": [(6, 0, (self.centre | self.annex).ids)],
            }
        )
        Participant = self.env["kentro.esf.participant"]
        base = {"operation_id": operation.id, "centre_id": self.centre.id}
        missing = Participant.create(
            {**base, "beneficiary_id": self.papadopoulos.id, "entry_date": date(2026, 11, 1)}
        )
        left = Participant.create(
            {
                **base,
                "beneficiary_id": self.annex_person.id,
                "centre_id": self.annex.id,
                "entry_date": date(2025, 3, 1),
                "user_id": self.user_head.id,
                "gender": "female",
                "age_group": "30_54",
                "employment": "inactive",
                "education": "isced_3_4",
            }
        )
        left._kentro_exit(date(2026, 4, 1), "inactive")
        self.assertEqual(len(left.activity_ids), 2, "results on leaving, then the follow-up")
        centre = self.centre.with_user(self.user_head)
        self.assertEqual(centre.dashboard_esf_missing, 1)
        # The head of the centre counts its annex's people too, on the annex's card.
        annex = self.annex.with_user(self.user_head)
        self.assertEqual((annex.dashboard_esf_results, annex.dashboard_esf_follow_ups), (1, 1))
        action = annex.with_context(
            dashboard_figure="dashboard_esf_follow_ups"
        ).action_dashboard_open()
        opened = self.env[action["res_model"]].with_user(self.user_head).search(action["domain"])
        self.assertEqual(opened, left)
        # Recording the results and the follow-up clears both, and their to-dos.
        left.with_user(self.user_head).write({"result_job_searching": True})
        left.with_user(self.user_head).action_record_results()
        left.with_user(self.user_head).write({"follow_up_employed": True})
        left.with_user(self.user_head).action_record_follow_up()
        annex.invalidate_recordset()
        self.assertEqual((annex.dashboard_esf_results, annex.dashboard_esf_follow_ups), (0, 0))
        self.assertFalse(left.activity_ids)
        self.assertEqual(missing.state, "entered")


@tagged("post_install", "-at_install", "kentro", "kentro_esf", "kentro_tour")
class TestEsfHeadTour(HttpCase, KentroRegistryCase):
    def test_the_head_prints_the_indicators_and_exports_the_file_in_the_browser(self):
        self.env["res.lang"]._activate_lang("el_GR")
        self.user_head.lang = "el_GR"
        today = date.today()
        operation = self.env["kentro.esf.operation"].create(
            {
                "name": "Κέντρο Κοινότητας Δήμου Δοκιμής",
                "code": "5000123",
                "date_start": today.replace(month=1, day=1),
                "date_end": today.replace(month=12, day=31),
                "company_id": self.municipality.id,
                "centre_ids": [(6, 0, (self.centre | self.annex).ids)],
            }
        )
        Participant = self.env["kentro.esf.participant"]
        base = {"operation_id": operation.id, "centre_id": self.centre.id, "entry_date": today}
        complete = Participant.create(
            {
                **base,
                "beneficiary_id": self.papadopoulos.id,
                "gender": "male",
                "age": 46,
                "age_group": "30_54",
                "employment": "unemployed",
                "education": "isced_3_4",
            }
        )
        incomplete = Participant.create({**base, "beneficiary_id": self.annex_person.id})
        self.start_tour("/odoo", "kentro_esf_head_tour", login=self.user_head.login)
        wizards = self.env["kentro.esf.report"].search([("create_uid", "=", self.user_head.id)])
        self.assertEqual(len(wizards), 1, "one wizard, reopened on each step")
        self.assertEqual(wizards.line_ids.participant_id, incomplete)
        self.assertTrue(wizards.file_name.endswith(".xlsx"))
        logged = self.env["kentro.audit.log"].search(
            [("user_id", "=", self.user_head.id), ("action", "=", "export")]
        )
        self.assertEqual(set(logged.mapped("file_id")), {complete.beneficiary_id.id})
