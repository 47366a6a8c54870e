"""Beneficiaries imported through Odoo's import wizard (base_import), as the
reception user does: the template, households, row errors, keeping the valid
rows, duplicates by ΑΜΚΑ, and a file of 10,000 rows imported batch by batch."""

import csv
import io
from collections import Counter
from datetime import date, timedelta

from odoo.tests import HttpCase, tagged
from odoo.tools.misc import file_open

from .common import KentroRegistryCase

HEADERS = (
    "Επώνυμο",
    "Όνομα",
    "Ημερομηνία γέννησης",
    "Φύλο",
    "ΑΜΚΑ",
    "Νοικοκυριό στο αρχείο",
    "Σχέση",
)
FIELDS = (
    "last_name",
    "first_name",
    "birthdate",
    "gender",
    "amka",
    "household_key",
    "household_relationship",
)


def luhn_amka(birthdate, serial):
    body = birthdate.strftime("%d%m%y") + f"{serial:04d}"
    digits = [int(d) for d in body]
    total = 0
    for position, digit in enumerate(reversed(digits)):
        if position % 2 == 0:
            digit *= 2
            digit -= 9 if digit > 9 else 0
        total += digit
    return body + str((10 - total % 10) % 10)


def csv_bytes(rows, headers=HEADERS, encoding="utf-8"):
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow(headers)
    writer.writerows(rows)
    return stream.getvalue().encode(encoding)


# A name has no digits: serial 12 is «ΑΒ».
SERIAL_LETTERS = str.maketrans("0123456789", "ΟΑΒΓΔΕΖΗΘΙ")


def person_row(serial, household="", relationship="", birthdate=date(1980, 1, 1)):
    return [
        f"Εισαγωγής {str(serial).translate(SERIAL_LETTERS)}",
        "Άννα",
        birthdate.isoformat(),
        "Γυναίκα",
        luhn_amka(birthdate, serial),
        household,
        relationship,
    ]


OPTIONS = {
    "has_headers": True,
    "quoting": '"',
    "separator": ",",
    "encoding": "utf-8",
    "date_format": "%Y-%m-%d",
    "datetime_format": "",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "advanced": True,
    "keep_matches": False,
    "limit": 2000,
    "skip": 0,
    "sheet": "",
    "sheets": [],
    "tracking_disable": True,
}


@tagged("post_install", "-at_install")
class TestBeneficiaryImport(KentroRegistryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reception = cls.user_reception.with_context(lang="el_GR")
        cls.env["res.lang"]._activate_lang("el_GR")

    def _wizard(self, content, file_name="people.csv", file_type="text/csv"):
        return (
            self.env["base_import.import"]
            .with_user(self.user_reception)
            .with_context(lang="el_GR")
            .create(
                {
                    "res_model": "kentro.beneficiary",
                    "file": content,
                    "file_name": file_name,
                    "file_type": file_type,
                }
            )
        )

    def _import(self, content, fields=FIELDS, dryrun=False, **options):
        wizard = self._wizard(content)
        return wizard.execute_import(
            list(fields), list(HEADERS[: len(fields)]), {**OPTIONS, **options}, dryrun=dryrun
        )

    def _people(self):
        return self.env["kentro.beneficiary"].search_count([("last_name", "like", "Εισαγωγής")])

    def _counts(self):
        return (
            self.env["kentro.beneficiary"].search_count([]),
            self.env["kentro.household"].search_count([]),
            self.env["res.partner"].with_context(active_test=False).search_count([]),
        )

    # The template ------------------------------------------------------------------
    def test_the_wizard_offers_the_template_and_maps_its_columns_by_itself(self):
        templates = self.env["kentro.beneficiary"].get_import_templates()
        self.assertEqual(len(templates), 1)
        xlsx = templates[0]["template"]
        self.assertTrue(xlsx.endswith(".xlsx"))
        csv_template = xlsx.replace(".xlsx", ".csv")
        expected = [
            "last_name",
            "first_name",
            "father_name",
            "birthdate",
            "gender",
            "amka",
            "afm",
            "mobile",
            "email",
            "street",
            "city",
            "household_key",
            "household_relationship",
        ]
        for template, file_type in (
            (xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (csv_template, "text/csv"),
        ):
            path = template.lstrip("/")
            with file_open(path, "rb") as stream:
                content = stream.read()
            wizard = self._wizard(content, path.rsplit("/", 1)[1], file_type)
            preview = wizard.parse_preview(dict(OPTIONS))
            self.assertFalse(preview.get("error"), preview)
            matches = [preview["matches"].get(index) for index in range(len(preview["headers"]))]
            self.assertEqual([match and match[0] for match in matches], expected, path)
            before = self._counts()
            result = wizard.execute_import(expected, preview["headers"], dict(OPTIONS))
            self.assertEqual(result["messages"], [], path)
            self.assertEqual(len(result["ids"]), 4)
            people = self.env["kentro.beneficiary"].browse(result["ids"])
            family = people.household_id
            self.assertEqual(len(family), 1, "the three rows of 'Οικογένεια 1' are one household")
            self.assertEqual(family.size, 3)
            self.assertEqual(family.head_id.name, "Δοκιμαστική Ελένη")
            self.assertEqual(family.name, "Δοκιμαστική Ελένη", "named after its head")
            self.assertEqual(family.centre_id, self.centre, "at the importing user's structure")
            alone = people.filtered(lambda p: not p.household_id)
            self.assertEqual(alone.name, "Παράδειγμα Κώστας")
            self.assertEqual(alone.mobile, "2271000000", "phones keep their leading digits")
            self.assertEqual(self._counts()[1], before[1] + 1)
            # The same file again: every ΑΜΚΑ is now registered, nothing is imported.
            again = wizard.execute_import(expected, preview["headers"], dict(OPTIONS))
            self.assertIs(again["ids"], False)
            self.assertEqual(len(again["messages"]), 4)
            self.assertIn("έχει ήδη καταγραφεί", again["messages"][0]["message"])
            people.unlink()
            family.unlink()

    # Row errors ----------------------------------------------------------------------
    def _file_with_errors(self):
        rows = [
            person_row(1, "Α", "Υπεύθυνος νοικοκυριού"),
            person_row(2, "Α", "Τέκνο"),
            person_row(3),
            person_row(4)[:4] + ["12345678901"] + person_row(4)[5:],  # wrong checksum
            [""] + person_row(5)[1:],  # no last name
            person_row(6)[:4] + [self.papadopoulos.amka, "", ""],  # already registered
            person_row(7)[:4] + [person_row(3)[4], "", ""],  # same ΑΜΚΑ as line 4
        ]
        return csv_bytes(rows)

    def test_row_errors_are_reported_line_by_line_and_nothing_is_imported(self):
        before = self._counts()
        result = self._import(self._file_with_errors())
        self.assertIs(result["ids"], False)
        by_row = {m["rows"]["from"]: m["message"] for m in result["messages"]}
        self.assertEqual(sorted(by_row), [3, 4, 5, 6])
        self.assertIn("δεν είναι έγκυρος", by_row[3])
        self.assertIn("Επώνυμο", by_row[4])
        self.assertIn("έχει ήδη καταγραφεί", by_row[5])
        self.assertIn("Παπαδόπουλος", by_row[5])
        self.assertIn("δύο φορές στο αρχείο", by_row[6])
        self.assertIn("Εισαγωγής Γ Άννα", by_row[6])
        self.assertEqual(self._counts(), before, "no person, household or contact is left")

    def test_the_valid_rows_are_kept_when_the_user_chooses_so(self):
        before = self._counts()
        tested = self._import(self._file_with_errors(), dryrun=True, kentro_keep_valid=True)
        self.assertEqual(len(tested["messages"]), 4, "the test lists the rows left out")
        self.assertEqual(self._counts(), before, "a test writes nothing")
        result = self._import(self._file_with_errors(), kentro_keep_valid=True)
        self.assertEqual(result["messages"], [])
        self.assertEqual(len(result["ids"]), 3)
        self.assertEqual(
            [row["line"] for row in result["kentro_skipped"]],
            [5, 6, 7, 8],
            "file lines, the header being line 1",
        )
        people = self.env["kentro.beneficiary"].browse(result["ids"])
        self.assertEqual(
            sorted(people.mapped("last_name")), ["Εισαγωγής Α", "Εισαγωγής Β", "Εισαγωγής Γ"]
        )
        self.assertEqual(len(people.household_id), 1)
        self.assertEqual(people.household_id.size, 2)
        self.assertEqual(self._counts()[1], before[1] + 1, "no empty household is left")

    def test_without_the_household_column_people_are_imported_alone(self):
        rows = [person_row(11), person_row(12)]
        result = self._import(
            csv_bytes([row[:5] for row in rows], HEADERS[:5]), fields=list(FIELDS[:5])
        )
        self.assertEqual(result["messages"], [])
        people = self.env["kentro.beneficiary"].browse(result["ids"])
        self.assertEqual(len(people), 2)
        self.assertFalse(people.household_id)
        self.assertEqual(people.centre_id, self.centre)

    # 10,000 rows, batch by batch as the wizard imports them ---------------------------
    def test_ten_thousand_rows_are_imported_in_batches(self):
        start = date(1950, 1, 1)
        rows = []
        for serial in range(10_000):
            born = start + timedelta(days=serial)
            # Pairs of rows share a household; one pair straddles each batch
            # boundary (rows 1999 and 2000, ...).
            pair = (serial + 1) // 2
            household = f"Ν{pair}" if pair % 2 == 0 else ""
            first = household and serial % 2 == 1
            relationship = "Υπεύθυνος νοικοκυριού" if first else ""
            rows.append(person_row(serial % 9000 + 100, household, relationship, born))
        sizes = Counter(row[5] for row in rows if row[5])
        content = csv_bytes(rows)
        wizard = self._wizard(content)
        options = dict(OPTIONS, limit=2000)
        batches, ids = 0, []
        while True:
            result = wizard.execute_import(list(FIELDS), list(HEADERS), dict(options))
            self.assertEqual(result["messages"], [], f"batch {batches + 1}")
            ids += result["ids"]
            batches += 1
            if not result["nextrow"]:
                break
            options["skip"] = result["nextrow"]
        self.assertEqual(batches, 5)
        self.assertEqual(len(ids), 10_000)
        self.assertEqual(self._people(), 10_000)
        people = self.env["kentro.beneficiary"].browse(ids)
        households = people.household_id
        self.assertEqual(len(households), len(sizes))
        self.assertEqual(
            sorted(households.mapped("size")),
            sorted(sizes.values()),
            "a household split by a batch boundary is still one household",
        )


@tagged("post_install", "-at_install", "kentro", "kentro_tour")
class TestImportTour(HttpCase, KentroRegistryCase):
    def test_reception_keeps_the_valid_rows_and_reads_the_line_left_out(self):
        self.start_tour(
            "/odoo/action-kentro_community.kentro_beneficiary_action",
            "kentro_import_keep_valid_tour",
            login="kentro_reception",
        )
        people = self.env["kentro.beneficiary"].search([("last_name", "=", "Περιήγηση")])
        self.assertEqual(sorted(people.mapped("first_name")), ["Άννα", "Βασίλης"])
        self.assertEqual(len(people.household_id), 1)
        self.assertEqual(people.centre_id, self.centre)

    def test_reception_imports_ten_thousand_people_with_the_progress_bar(self):
        self.start_tour(
            "/odoo/action-kentro_community.kentro_beneficiary_action",
            "kentro_import_ten_thousand_tour",
            login="kentro_reception",
            timeout=600,
        )
        people = self.env["kentro.beneficiary"].search([("last_name", "=", "Μαζική")])
        self.assertEqual(len(people), 10_000)
        self.assertEqual(people.centre_id, self.centre)
        self.assertEqual(len(set(people.mapped("amka"))), 10_000)
