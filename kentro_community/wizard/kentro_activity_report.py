import io
from datetime import date

import xlsxwriter
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


def _previous_month():
    first = date.today().replace(day=1) - relativedelta(months=1)
    return first, first + relativedelta(months=1, days=-1)


class KentroActivityReport(models.TransientModel):
    """The monthly activity report of a structure (or of a centre with its
    annexes and mobile units) for a period, as PDF or XLSX. Every figure is an
    aggregate computed by the database; none names a person."""

    _name = "kentro.activity.report"
    _description = "Community Centre activity report"

    centre_id = fields.Many2one(
        "kentro.centre",
        string="Structure",
        required=True,
        default=lambda self: self.env.user.kentro_centre_ids[:1],
    )
    include_attached = fields.Boolean(string="With its annexes and mobile units", default=True)
    date_from = fields.Date(string="From", required=True, default=lambda self: _previous_month()[0])
    date_to = fields.Date(string="To", required=True, default=lambda self: _previous_month()[1])
    output = fields.Selection(
        [("pdf", "PDF"), ("xlsx", "Spreadsheet (XLSX)")], default="pdf", required=True
    )
    suppress_small = fields.Boolean(
        string="Hide small numbers",
        help="For reports that leave the centre: counts below the threshold print as «<N».",
    )
    threshold = fields.Integer(default=5)

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for report in self:
            if report.date_from > report.date_to:
                raise UserError(self.env._("The period must start before it ends."))

    # ------------------------------------------------------------ figures
    def _structures(self):
        self.ensure_one()
        if self.include_attached:
            return self.env["kentro.centre"].sudo().search([("id", "child_of", self.centre_id.id)])
        return self.centre_id.sudo()

    def _fmt(self, value):
        if self.suppress_small and 0 < value < self.threshold:
            return f"<{self.threshold}"
        return value

    def _labels(self, model, field):
        return dict(self.env[model]._fields[field]._description_selection(self.env))

    def _sections(self):
        """The report as a list of tables: {title, columns, rows}, each row a
        label followed by its figures. PDF and XLSX both render these."""
        self.ensure_one()
        structures = self._structures()
        period = (self.date_from, self.date_to)
        env = self.env
        sections = []

        # New beneficiaries by gender, per structure; active beneficiaries.
        Beneficiary = env["kentro.beneficiary"].sudo().with_context(active_test=False)
        genders = self._labels("kentro.beneficiary", "gender")
        new = Beneficiary._read_group(
            [
                ("centre_id", "in", structures.ids),
                ("registration_date", ">=", period[0]),
                ("registration_date", "<=", period[1]),
            ],
            ["centre_id", "gender"],
            ["__count"],
        )
        active = dict(
            env["kentro.service"]
            .sudo()
            ._read_group(
                [
                    ("centre_id", "in", structures.ids),
                    ("date", ">=", period[0]),
                    ("date", "<=", period[1]),
                ],
                ["centre_id"],
                ["beneficiary_id:count_distinct"],
            )
        )
        rows = []
        for structure in structures:
            counts = {gender: n for centre, gender, n in new if centre == structure}
            rows.append(
                [structure.name]
                + [counts.get(key, 0) for key in genders]
                + [sum(counts.values()), active.get(structure, 0)]
            )
        sections.append(
            {
                "title": env._("Beneficiaries"),
                "columns": [env._("Structure")]
                + [env._("New: %(gender)s", gender=label) for label in genders.values()]
                + [env._("New, total"), env._("Active (served in the period)")],
                "rows": rows,
            }
        )

        # Services by axis and type.
        axes = self._labels("kentro.service", "axis")
        services = (
            env["kentro.service"]
            .sudo()
            ._read_group(
                [
                    ("centre_id", "in", structures.ids),
                    ("date", ">=", period[0]),
                    ("date", "<=", period[1]),
                ],
                ["axis", "service_type_id"],
                ["__count", "beneficiary_id:count_distinct", "duration:sum"],
            )
        )
        sections.append(
            {
                "title": env._("Services by axis and type"),
                "columns": [
                    env._("Service"),
                    env._("Axis"),
                    env._("Services"),
                    env._("People"),
                    env._("Hours"),
                ],
                "rows": [
                    [service_type.name, axes.get(axis, ""), count, people, round(minutes / 60, 1)]
                    for axis, service_type, count, people, minutes in sorted(
                        services, key=lambda row: (row[0] or "", row[1].sequence, row[1].name)
                    )
                ],
            }
        )

        # Referrals sent in the period, by agency category and state.
        states = self._labels("kentro.referral", "state")
        referrals = (
            env["kentro.referral"]
            .sudo()
            ._read_group(
                [
                    ("centre_id", "in", structures.ids),
                    ("sent_date", ">=", period[0]),
                    ("sent_date", "<=", period[1]),
                ],
                ["agency_category_id", "state"],
                ["__count"],
            )
        )
        shown = [key for key in states if key != "draft"]
        categories = {}
        for category, state, count in referrals:
            categories.setdefault(category, {})[state] = count
        sections.append(
            {
                "title": env._("Referrals by agency category and outcome"),
                "columns": [env._("Agency category")] + [states[key] for key in shown],
                "rows": [
                    [category.name or env._("Other")] + [counts.get(key, 0) for key in shown]
                    for category, counts in categories.items()
                ],
            }
        )

        # Applications opened in the period, by programme and state.
        app_states = self._labels("kentro.application", "state")
        applications = (
            env["kentro.application"]
            .sudo()
            ._read_group(
                [
                    ("centre_id", "in", structures.ids),
                    ("create_date", ">=", fields.Datetime.to_datetime(period[0])),
                    (
                        "create_date",
                        "<",
                        fields.Datetime.to_datetime(period[1] + relativedelta(days=1)),
                    ),
                ],
                ["programme_id", "state"],
                ["__count"],
            )
        )
        programmes = {}
        for programme, state, count in applications:
            programmes.setdefault(programme, {})[state] = count
        sections.append(
            {
                "title": env._("Applications by programme and state"),
                "columns": [env._("Programme")] + list(app_states.values()),
                "rows": [
                    [programme.name] + [counts.get(key, 0) for key in app_states]
                    for programme, counts in programmes.items()
                ],
            }
        )

        # Appointments in the period by attendance.
        attendance = self._labels("calendar.event", "kentro_attendance")
        appointments = dict(
            env["calendar.event"]
            .sudo()
            ._read_group(
                [
                    ("kentro_appointment", "=", True),
                    ("kentro_centre_id", "in", structures.ids),
                    ("start", ">=", fields.Datetime.to_datetime(period[0])),
                    ("start", "<", fields.Datetime.to_datetime(period[1] + relativedelta(days=1))),
                ],
                ["kentro_attendance"],
                ["__count"],
            )
        )
        sections.append(
            {
                "title": env._("Appointments"),
                "columns": [env._("Attendance"), env._("Appointments")],
                "rows": [[label, appointments.get(key, 0)] for key, label in attendance.items()],
            }
        )
        for section in sections:
            section["rows"] = [
                [row[0]]
                + [self._fmt(value) if isinstance(value, int) else value for value in row[1:]]
                for row in section["rows"]
            ]
        return sections

    # ------------------------------------------------------------ outputs
    def _title(self):
        return self.env._(
            "Activity report – %(structure)s – %(start)s to %(end)s",
            structure=self.centre_id.name,
            start=self.date_from.strftime("%d/%m/%Y"),
            end=self.date_to.strftime("%d/%m/%Y"),
        )

    def _xlsx(self):
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        sheet = workbook.add_worksheet(self.env._("Report")[:31])
        sheet.write(0, 0, self._title(), bold)
        row = 2
        for section in self._sections():
            sheet.write(row, 0, section["title"], bold)
            row += 1
            sheet.write_row(row, 0, section["columns"], bold)
            row += 1
            for line in section["rows"]:
                sheet.write_row(row, 0, line)
                row += 1
            row += 1
        sheet.set_column(0, 0, 45)
        sheet.set_column(1, 12, 14)
        workbook.close()
        return buffer.getvalue()

    def _pdf(self):
        return self.env["ir.actions.report"]._render_qweb_pdf(
            "kentro_community.kentro_activity_report_action", self.ids
        )[0]

    def action_print(self):
        """Render the report, keep it on the structure's chatter, download it."""
        self.ensure_one()
        report = self.with_context(lang=self.env.user.lang or "el_GR")
        if self.output == "xlsx":
            content, extension = report._xlsx(), "xlsx"
        else:
            content, extension = report._pdf(), "pdf"
        name = f"{report._title()}.{extension}".replace("/", "-")
        message = self.centre_id.sudo().message_post(
            body=self.env._("Report printed by %(user)s.", user=self.env.user.name),
            attachments=[(name, content)],
        )
        attachment = message.attachment_ids[:1]
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true&access_token="
            f"{attachment.sudo().generate_access_token()[0]}",
            "target": "download",
        }
