"""Writes the beneficiaries' import template offered by Odoo's import wizard
(kentro_community/static/xls/kentro_beneficiaries.xlsx and .csv).

The headers are the Greek labels of the fields, so that the wizard maps every
column by itself for a Greek-speaking user; the example rows are fictional
people with valid identifiers (a household of three and a person alone).

Usage: ~/.cache/kentro/venv/bin/python scripts/import-template.py
"""

import csv
from datetime import date
from pathlib import Path

import xlsxwriter

HEADERS = [
    "Επώνυμο",
    "Όνομα",
    "Πατρώνυμο",
    "Ημερομηνία γέννησης",
    "Φύλο",
    "ΑΜΚΑ",
    "ΑΦΜ",
    "Κινητό",
    "Email",
    "Οδός",
    "Πόλη",
    "Νοικοκυριό στο αρχείο",
    "Σχέση",
]
ROWS = [
    [
        "Δοκιμαστική",
        "Ελένη",
        "Γεώργιος",
        date(1984, 3, 12),
        "Γυναίκα",
        "12038400029",
        "",
        "6900000001",
        "",
        "Οδός Παραδείγματος 1",
        "Χίος",
        "Οικογένεια 1",
        "Υπεύθυνος νοικοκυριού",
    ],
    [
        "Δοκιμαστικός",
        "Νίκος",
        "Ιωάννης",
        date(1980, 7, 2),
        "Άνδρας",
        "02078000037",
        "",
        "",
        "",
        "Οδός Παραδείγματος 1",
        "Χίος",
        "Οικογένεια 1",
        "Σύζυγος ή σύντροφος",
    ],
    [
        "Δοκιμαστική",
        "Μαρία",
        "Νίκος",
        date(2012, 11, 20),
        "Γυναίκα",
        "20111200042",
        "",
        "",
        "",
        "Οδός Παραδείγματος 1",
        "Χίος",
        "Οικογένεια 1",
        "Τέκνο",
    ],
    [
        "Παράδειγμα",
        "Κώστας",
        "Δημήτριος",
        date(1958, 1, 5),
        "Άνδρας",
        "05015800054",
        "",
        "2271000000",
        "",
        "Πλατεία Δοκιμής 3",
        "Χίος",
        "",
        "",
    ],
]


def main():
    folder = Path(__file__).resolve().parent.parent / "kentro_community/static/xls"
    with open(folder / "kentro_beneficiaries.csv", "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADERS)
        for row in ROWS:
            writer.writerow([v.isoformat() if isinstance(v, date) else v for v in row])
    book = xlsxwriter.Workbook(folder / "kentro_beneficiaries.xlsx")
    sheet = book.add_worksheet("Ωφελούμενοι")
    bold = book.add_format({"bold": True})
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    text = book.add_format({"num_format": "@"})
    sheet.write_row(0, 0, HEADERS, bold)
    for number, row in enumerate(ROWS, start=1):
        for column, value in enumerate(row):
            if isinstance(value, date):
                sheet.write_datetime(number, column, value, day)
            else:
                # ΑΜΚΑ, ΑΦΜ and phones are text: a spreadsheet would drop a leading 0.
                sheet.write_string(number, column, value, text)
    sheet.set_column(0, len(HEADERS) - 1, 18)
    book.close()


if __name__ == "__main__":
    main()
