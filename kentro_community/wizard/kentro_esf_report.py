import base64
import csv
import io
from urllib.parse import quote

import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from ..models.kentro_beneficiary import GENDERS
from ..tools.reports import hide_small

# The participants file's columns, in this order (README, «ESF+ participants
# file»): (column, what it holds). Codes, not labels: the file is read by the
# managing authority's system, whatever the language of whoever printed it.
EXPORT_COLUMNS = [
    "operation_code",
    "record",
    "amka",
    "id_document_number",
    "last_name",
    "first_name",
    "birthdate",
    "gender",
    "structure",
    "entry_date",
    "age_at_entry",
    "employment",
    "education",
    "disability",
    "third_country",
    "foreign_background",
    "minority",
    "homeless",
    "rural",
    "household_situation",
    "exit_date",
    "exit_reason",
    "result_job_searching",
    "result_education",
    "result_qualification",
    "result_employed",
    "follow_up_date",
    "follow_up_employed",
    "follow_up_improved",
]


MIMETYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
}


def _day(value):
    return value.isoformat() if value else ""


def _flag(value):
    return "1" if value else "0"


class KentroEsfReport(models.TransientModel):
    """An ESF+ operation's figures for a period, for its head or the
    administrator: the Annex I common indicators (output EECO01-17 at entry,
    result EECR01-06 at and six months after leaving) as PDF or XLSX, or the
    participants file the managing authority's system takes (one row per
    entry and exit record) as XLSX or CSV, after a check that lists the rows
    it would refuse. Everything is read as the user: the record rules give the
    participants of the structures they head."""

    _name = "kentro.esf.report"
    _description = "ESF+ indicators and participants file"

    operation_id = fields.Many2one("kentro.esf.operation", required=True, ondelete="cascade")
    kind = fields.Selection(
        [("indicators", "Common indicators"), ("participants", "Participants file")],
        string="Report",
        required=True,
        default="indicators",
    )
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    output = fields.Selection(
        [("pdf", "PDF"), ("xlsx", "Spreadsheet (XLSX)")],
        string="Format",
        required=True,
        default="pdf",
    )
    file_format = fields.Selection(
        [("xlsx", "Spreadsheet (XLSX)"), ("csv", "Text file (CSV, UTF-8)")],
        string="File format",
        required=True,
        default="xlsx",
    )
    suppress_small = fields.Boolean(
        string="Hide small numbers",
        help="Counts below the threshold print as «<N», for figures that leave the centre.",
    )
    threshold = fields.Integer(default=5)
    skip_refused = fields.Boolean(
        string="Leave out the rows that would be refused",
        help="Export the other rows; the rows listed below stay out of the file until corrected.",
    )
    checked = fields.Boolean(readonly=True)
    line_ids = fields.One2many("kentro.esf.report.line", "report_id", string="Rows to correct")
    file_data = fields.Binary(string="File", attachment=False, readonly=True)
    file_name = fields.Char(readonly=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        Operation = self.env["kentro.esf.operation"]
        operation = Operation.browse(values.get("operation_id")).exists()
        if not operation and Operation.has_access("read"):
            # The operation running today, else the latest, of those the user reads.
            today = fields.Date.context_today(self)
            operation = Operation.search(
                [("date_start", "<=", today), ("date_end", ">=", today)], limit=1
            ) or Operation.search([], limit=1)
            values.setdefault("operation_id", operation.id)
        if operation:
            start, end = self._period_of(operation)
            values.setdefault("date_from", start)
            values.setdefault("date_to", end)
        return values

    @api.model
    def _period_of(self, operation):
        """The operation's dates up to today (all of them before it starts)."""
        today = fields.Date.context_today(self)
        end = operation.date_end if today < operation.date_start else min(operation.date_end, today)
        return operation.date_start, end

    @api.onchange("operation_id")
    def _onchange_operation_id(self):
        if self.operation_id:
            self.date_from, self.date_to = self._period_of(self.operation_id)

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for report in self:
            if report.date_from > report.date_to:
                raise UserError(self.env._("The period must start before it ends."))

    # ------------------------------------------------------------ indicators
    def _indicators(self):
        """(code, label, who is counted, condition): «entry» counts who entered
        in the period, «exit» who left in it."""
        _ = self.env._
        return [
            ("EECO01", _("Total number of participants"), "entry", []),
            (
                "EECO02",
                _("Unemployed, including long-term unemployed"),
                "entry",
                [("employment", "in", ("unemployed", "long_term_unemployed"))],
            ),
            (
                "EECO03",
                _("Long-term unemployed"),
                "entry",
                [("employment", "=", "long_term_unemployed")],
            ),
            ("EECO04", _("Inactive"), "entry", [("employment", "=", "inactive")]),
            (
                "EECO05",
                _("Employed, including self-employed"),
                "entry",
                [("employment", "=", "employed")],
            ),
            (
                "EECO06",
                _("Children below 18 years of age"),
                "entry",
                [("age_group", "=", "under_18")],
            ),
            (
                "EECO07",
                _("Young people between 18 and 29 years of age"),
                "entry",
                [("age_group", "=", "18_29")],
            ),
            (
                "EECO08",
                _("Participants 55 years of age and above"),
                "entry",
                [("age_group", "=", "55_plus")],
            ),
            (
                "EECO09",
                _("With lower secondary education or less (ISCED 0-2)"),
                "entry",
                [("education", "=", "isced_0_2")],
            ),
            (
                "EECO10",
                _("With upper secondary or post-secondary education (ISCED 3-4)"),
                "entry",
                [("education", "=", "isced_3_4")],
            ),
            (
                "EECO11",
                _("With tertiary education (ISCED 5-8)"),
                "entry",
                [("education", "=", "isced_5_8")],
            ),
            ("EECO12", _("Participants with disabilities"), "entry", [("disability", "=", "yes")]),
            ("EECO13", _("Third-country nationals"), "entry", [("third_country", "=", True)]),
            (
                "EECO14",
                _("Participants with a foreign background"),
                "entry",
                [("foreign_background", "=", "yes")],
            ),
            (
                "EECO15",
                _("Minorities, including marginalised communities such as the Roma"),
                "entry",
                [("minority", "=", "yes")],
            ),
            (
                "EECO16",
                _("Homeless or affected by housing exclusion"),
                "entry",
                [("homeless", "=", "yes")],
            ),
            ("EECO17", _("Participants from rural areas"), "entry", [("rural", "=", True)]),
            (
                "EECR01",
                _("Participants engaged in job searching upon leaving"),
                "exit",
                [("result_job_searching", "=", True)],
            ),
            (
                "EECR02",
                _("Participants in education or training upon leaving"),
                "exit",
                [("result_education", "=", True)],
            ),
            (
                "EECR03",
                _("Participants gaining a qualification upon leaving"),
                "exit",
                [("result_qualification", "=", True)],
            ),
            (
                "EECR04",
                _("Participants in employment, including self-employment, upon leaving"),
                "exit",
                [("result_employed", "=", True)],
            ),
            (
                "EECR05",
                _(
                    "Participants in employment, including self-employment, six months after leaving"
                ),
                "exit",
                [("follow_up_employed", "=", True)],
            ),
            (
                "EECR06",
                _("Participants with an improved labour market situation six months after leaving"),
                "exit",
                [("follow_up_improved", "=", True)],
            ),
        ]

    def _base(self, moment):
        """Whose record counts: who entered, or who left, in the period."""
        self.ensure_one()
        date_field = "entry_date" if moment == "entry" else "exit_date"
        return [
            ("operation_id", "=", self.operation_id.id),
            (date_field, ">=", self.date_from),
            (date_field, "<=", self.date_to),
        ]

    def _genders(self):
        """{gender: label}, then the records with none, so that the columns
        add up to the total."""
        labels = dict(
            self.env["kentro.esf.participant"]._fields["gender"]._description_selection(self.env)
        )
        return {**{key: labels[key] for key, _label in GENDERS}, False: self.env._("Not recorded")}

    def _count_row(self, code, label, domain, genders):
        # As the user: the record rules keep the head to their structures.
        counts = dict(
            self.env["kentro.esf.participant"]._read_group(domain, ["gender"], ["__count"])
        )
        return [code, label, sum(counts.values())] + [counts.get(key, 0) for key in genders]

    def _sections(self):
        """The indicators and the counts behind them, as tables:
        {title, columns, rows}; small numbers hidden if asked."""
        self.ensure_one()
        _ = self.env._
        genders = self._genders()
        columns = [_("Code"), _("Indicator"), _("Total"), *genders.values()]
        outputs, results = [], []
        for code, label, moment, domain in self._indicators():
            row = self._count_row(code, label, self._base(moment) + domain, genders)
            (outputs if moment == "entry" else results).append(row)
        behind = [
            self._count_row("", _("Left the operation in the period"), self._base("exit"), genders),
            self._count_row(
                "",
                _("Followed up six months after leaving"),
                self._base("exit") + [("follow_up_date", "!=", False)],
                genders,
            ),
            self._count_row(
                "",
                _("Entry records with data missing"),
                self._base("entry") + [("data_complete", "=", False)],
                genders,
            ),
        ]
        Participant = self.env["kentro.esf.participant"]
        situations = dict(
            Participant._fields["household_situation"]._description_selection(self.env)
        )
        for situation in ("jobless", "jobless_children", "single_adult_children"):
            behind.append(
                self._count_row(
                    "",
                    situations[situation],
                    self._base("entry") + [("household_situation", "=", situation)],
                    genders,
                )
            )
        for name in ("disability", "foreign_background", "minority", "homeless"):
            behind.append(
                self._count_row(
                    "",
                    _(
                        "Refused to answer: %(question)s",
                        question=Participant._fields[name]._description_string(self.env),
                    ),
                    self._base("entry") + [(name, "=", "refused")],
                    genders,
                )
            )
        sections = [
            {"title": _("Common output indicators, at entry"), "columns": columns, "rows": outputs},
            {
                "title": _("Common result indicators, on and after leaving"),
                "columns": columns,
                "rows": results,
            },
            {"title": _("The counts behind the indicators"), "columns": columns, "rows": behind},
        ]
        for section in sections:
            section["rows"] = [
                row[:2] + [self._fmt(value) for value in row[2:]] for row in section["rows"]
            ]
        return sections

    def _fmt(self, value):
        return hide_small(value, self.threshold) if self.suppress_small else value

    def _title(self):
        self.ensure_one()
        operation = self.operation_id
        values = {
            "code": operation.code,
            "start": self.date_from.strftime("%d/%m/%Y"),
            "end": self.date_to.strftime("%d/%m/%Y"),
        }
        if self.kind == "indicators":
            return self.env._("ESF+ common indicators – %(code)s – %(start)s to %(end)s", **values)
        return self.env._("ESF+ participants – %(code)s – %(start)s to %(end)s", **values)

    # ---------------------------------------------------- participants file
    def _participants(self):
        """The records of the period: entered, left or followed up in it."""
        self.ensure_one()
        dated = expression.OR(
            [
                [(date_field, ">=", self.date_from), (date_field, "<=", self.date_to)]
                for date_field in ("entry_date", "exit_date", "follow_up_date")
            ]
        )
        # As the user: the head's structures only.
        return self.env["kentro.esf.participant"].search(
            [("operation_id", "=", self.operation_id.id), *dated], order="entry_date, id"
        )

    def _export_row(self, participant):
        person = participant.beneficiary_id
        day, flag = _day, _flag
        return [
            self.operation_id.code,
            participant.id,
            person.amka or "",
            participant._kentro_document_number(person),
            person.last_name or "",
            person.first_name or "",
            day(person.birthdate),
            participant.gender or "",
            participant.centre_id.name,
            day(participant.entry_date),
            participant.age if participant.age_group and person.birthdate else "",
            participant.employment or "",
            participant.education or "",
            participant.disability or "",
            flag(participant.third_country),
            participant.foreign_background or "",
            participant.minority or "",
            participant.homeless or "",
            flag(participant.rural),
            participant.household_situation or "",
            day(participant.exit_date),
            participant.exit_reason or "",
            *(
                (
                    flag(participant[name])
                    for name in (
                        "result_job_searching",
                        "result_education",
                        "result_qualification",
                        "result_employed",
                    )
                )
                if participant.state == "exited"
                else ("",) * 4
            ),
            day(participant.follow_up_date),
            *(
                (flag(participant.follow_up_employed), flag(participant.follow_up_improved))
                if participant.follow_up_date
                else ("", "")
            ),
        ]

    def _check_rows(self, participants):
        """List the rows the participants system would refuse; returns them."""
        problems = participants._kentro_problems()
        self.line_ids = [(5, 0, 0)] + [
            (0, 0, {"participant_id": participant.id, "problem": found})
            for participant, found in problems.items()
        ]
        self.checked = True
        return self.env["kentro.esf.participant"].union(*problems)

    def action_check(self):
        """The validation pass alone: nothing leaves."""
        self.ensure_one()
        self._check_access_to_operation()
        self._check_rows(self._participants())
        return self._reopen()

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("ESF+ indicators and participants file"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def _check_access_to_operation(self):
        # The many2one accepts any id over RPC: the operation must be one the
        # user reads (its municipality), as Odoo's own message says otherwise.
        self.operation_id.check_access("read")

    # ------------------------------------------------------------- outputs
    def _xlsx(self, tables, titled=True):
        """One sheet: the title, then each table {title, columns, rows}; or,
        not ``titled``, the table alone from the first row (a file a system
        reads: its header first)."""
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        sheet = workbook.add_worksheet(self.operation_id.code[:31])
        row = 0
        if titled:
            sheet.write(0, 0, self._title(), bold)
            row = 2
        for table in tables:
            if table.get("title"):
                sheet.write(row, 0, table["title"], bold)
                row += 1
            sheet.write_row(row, 0, table["columns"], bold)
            for line in table["rows"]:
                row += 1
                sheet.write_row(row, 0, line)
            row += 2
        sheet.set_column(0, len(EXPORT_COLUMNS), 14)
        workbook.close()
        return buffer.getvalue()

    def _csv(self, rows):
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(EXPORT_COLUMNS)
        writer.writerows(rows)
        return buffer.getvalue().encode("utf-8")

    def _indicators_file(self):
        if self.output == "xlsx":
            return self._xlsx(self._sections()), "xlsx"
        content = self.env["ir.actions.report"]._render_qweb_pdf(
            "kentro_community.kentro_esf_indicators_action", self.ids
        )[0]
        return content, "pdf"

    def _participants_file(self):
        """The file, or None when rows would be refused and the user has not
        chosen to leave them out. Every exported person is in the audit log."""
        participants = self._participants()
        refused = self._check_rows(participants)
        if refused and not self.skip_refused:
            return None, None
        participants -= refused
        rows = [self._export_row(participant) for participant in participants]
        self.env["kentro.audit.log"]._log("export", participants.beneficiary_id)
        if self.file_format == "csv":
            return self._csv(rows), "csv"
        return self._xlsx([{"columns": EXPORT_COLUMNS, "rows": rows}], titled=False), "xlsx"

    def action_print(self):
        """Make the chosen file and download it; the participants file only
        once the rows it would refuse are corrected or left out."""
        self.ensure_one()
        self._check_access_to_operation()
        report = self.with_context(lang=self.env.user.lang or "el_GR")
        if self.kind == "indicators":
            content, extension = report._indicators_file()
        else:
            content, extension = report._participants_file()
            if content is None:
                return self._reopen()
        self.write(
            {
                "file_data": base64.b64encode(content),
                "file_name": f"{report._title()}.{extension}".replace("/", "-"),
            }
        )
        # The file is a field of this wizard row, which only its creator reads
        # (record rule), and goes when Odoo vacuums the wizards: it is kept
        # nowhere else, neither on a chatter nor as an attachment.
        return {
            "type": "ir.actions.act_url",
            # The type is said: Odoo would guess it from the file's first bytes,
            # which do not open as a whole spreadsheet, and log that it failed.
            "url": f"/web/content/{self._name}/{self.id}/file_data/{quote(self.file_name)}"
            f"?download=true&mimetype={quote(MIMETYPES[extension], safe='')}",
            "target": "download",
        }
