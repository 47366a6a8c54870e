import io
from datetime import date

import xlsxwriter
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, html2plaintext
from odoo.tools.safe_eval import safe_eval

from ..models.calendar_event import opening_hours_text
from ..models.kentro_beneficiary import ESF_EMPLOYED, ESF_INACTIVE
from ..tools import dates, groups
from ..tools.reports import Hours, Memo, crosstab, hide_small


class KentroActivityReport(models.TransientModel):
    """The monthly activity report of a structure (or of a centre with its
    annexes and mobile units) for a period, as PDF or XLSX. Every figure is an
    aggregate computed by the database; none names a person.

    Each report type is declared once, in ``_kentro_reports`` (its title and
    the method that builds its tables); an annex adds its own with the
    building blocks below: ``_kentro_figures`` (what a figure counts),
    ``_aggregate`` (a figure of the period, grouped), ``_structures_of_type``
    (the chosen structures of one type, or the annex's refusal),
    ``_title_values`` (what a title names) and ``_services_by_type_section``
    («Services by X and type»)."""

    _name = "kentro.activity.report"
    _description = "Community Centre activity report"

    report_type = fields.Selection(
        [
            ("activity", "Activity report (a period)"),
            ("annual", "Annual operating report (a year)"),
            ("esf", "ESF+ participant indicators"),
        ],
        string="Report",
        default="activity",
        required=True,
    )
    year = fields.Integer(default=lambda self: fields.Date.context_today(self).year)
    # Not required in the model: printing without a structure gets a clear
    # message from action_print, not the web client's list of invalid fields.
    centre_id = fields.Many2one(
        "kentro.centre",
        string="Structure",
        default=lambda self: self._default_centre(),
    )
    include_attached = fields.Boolean(string="With its annexes and mobile units", default=True)
    date_from = fields.Date(
        string="From", required=True, default=lambda self: self._default_period()[0]
    )
    date_to = fields.Date(
        string="To", required=True, default=lambda self: self._default_period()[1]
    )
    output = fields.Selection(
        [("pdf", "PDF"), ("xlsx", "Spreadsheet (XLSX)")], default="pdf", required=True
    )
    suppress_small = fields.Boolean(
        string="Hide small numbers",
        default=lambda self: self._leaves_the_centre(),
        help="For reports that leave the centre: counts below the threshold print as «<N».",
    )
    threshold = fields.Integer(default=5)
    yearly = fields.Boolean(string="Covers a calendar year", compute="_compute_yearly")

    @api.depends("report_type")
    def _compute_yearly(self):
        yearly = self._yearly_report_types()
        for report in self:
            report.yearly = report.report_type in yearly

    @api.onchange("report_type", "year")
    def _onchange_year(self):
        if self.report_type in self._yearly_report_types() and self.year:
            self.date_from = date(self.year, 1, 1)
            self.date_to = date(self.year, 12, 31)
        if self.report_type == "esf":
            self.output = "xlsx"

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for report in self:
            if report.date_from > report.date_to:
                raise UserError(self.env._("The period must start before it ends."))

    @api.model
    def _yearly_report_types(self):
        """The report types that cover a calendar year (the form asks for the
        year, not the period); annexes add theirs."""
        return {"annual"}

    @api.model
    def _default_period(self):
        """This year for a yearly report (as its menu opens it), else last month."""
        if self.env.context.get("default_report_type") in self._yearly_report_types():
            year = fields.Date.context_today(self).year
            return date(year, 1, 1), date(year, 12, 31)
        # The month before the user's today (in their time zone).
        first = fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)
        return first, first + relativedelta(months=1, days=-1)

    @api.model
    def _default_centre(self):
        """The user's structure: the one they work at or head; for the Social
        Service, which works at none, the first reference centre of the
        municipality (its report covers its annexes and mobile units). For a
        report on one type of structure, the first of these that has one."""
        Centre = self.env["kentro.centre"]
        candidates = self.env.user.kentro_centre_ids.filtered(
            lambda structure: structure.has_access("read")
        ) or Centre.search([("parent_id", "=", False)])
        needed = self._report_structure_types().get(self.env.context.get("default_report_type"))
        if needed:
            typed = Centre.search([("centre_type", "=", needed)])
            candidates = (
                candidates.filtered(
                    lambda centre: any(
                        structure.parent_path.startswith(centre.parent_path) for structure in typed
                    )
                )
                or typed
            )
        return candidates[:1]

    # ------------------------------------------------ which report, for whom
    @api.model
    def _report_structure_types(self):
        """{report type: the type of structure it reports on}: a report listed
        here is offered only to users who read such a structure and printed
        only for structures that include one. Annexes add their reports."""
        return {}

    @api.model
    def _readable_structure_types(self):
        """The types of the structures the user reads."""
        Centre = self.env["kentro.centre"]
        # As the user: record rules give exactly the structures they read.
        return set(Centre.search([]).mapped("centre_type")) if Centre.has_access("read") else set()

    @api.model
    def _available_report_types(self):
        """The report types this user's structures can have."""
        needed = self._report_structure_types()
        types = self._readable_structure_types()
        return [
            key
            for key, _label in self._fields["report_type"].selection
            if needed.get(key) is None or needed[key] in types
        ]

    @api.model
    def _menus_of_actions_set_otherwise(self, model, context_key, allowed):
        """The menus of the window actions on ``model`` whose context sets
        ``context_key`` to a value not in ``allowed``."""
        # sudo: actions and menus are configuration; only their ids are used.
        actions = self.env["ir.actions.act_window"].sudo().search([("res_model", "=", model)])
        hidden = [
            f"ir.actions.act_window,{action.id}"
            for action in actions
            if safe_eval(action.context or "{}", {"uid": self.env.uid}).get(context_key)
            not in (None, *allowed)
        ]
        if not hidden:
            return self.env["ir.ui.menu"]
        # sudo: as above, menus are configuration; the caller uses their ids.
        return self.env["ir.ui.menu"].sudo().search([("action", "in", hidden)])

    @api.model
    def _unavailable_structure_menus(self):
        """The menus listing one type of structure (ΚΕΜ, mobile units, Roma
        annexes) the user reads none of; administrators keep them, to create
        the first one."""
        if self.env.user.has_group(groups.MANAGER):
            return self.env["ir.ui.menu"]
        return self._menus_of_actions_set_otherwise(
            "kentro.centre", "default_centre_type", self._readable_structure_types()
        )

    @api.model
    def _unavailable_report_menus(self):
        """The menus of report types none of the user's structures can have."""
        return self._menus_of_actions_set_otherwise(
            self._name, "default_report_type", self._available_report_types()
        )

    @api.model
    def _structure_kind(self, centre_type):
        """The name of a type of structure, in the user's language."""
        kinds = self.env["kentro.centre"]._fields["centre_type"]._description_selection(self.env)
        return dict(kinds).get(centre_type, centre_type)

    def _check_printable(self):
        """Everything that would keep the report from printing, said in the
        user's language before anything is rendered."""
        self.ensure_one()
        needed = self._report_structure_types().get(self.report_type)
        if needed and self.report_type not in self._available_report_types():
            raise UserError(
                self.env._(
                    "None of your structures is of the type «%(kind)s»: this report is not "
                    "available to you.",
                    kind=self._structure_kind(needed),
                )
            )
        if not self.centre_id:
            raise UserError(self.env._("Choose the structure to report on."))
        self._check_structure_access()
        if needed:
            self._structures_of_type(needed)

    @api.model
    def _leaves_the_centre(self):
        """Whether what this user prints leaves the Community Centre: the
        municipal Social Service reads statistics, not the files; small
        numbers are hidden for it unless it asks otherwise."""
        return not self.env.user.has_group(groups.HEAD)

    def _check_structure_access(self):
        """The figures are read as superuser: the chosen structure must be one
        the user may read. The refusal names no structure."""
        self.ensure_one()
        if not self.centre_id.sudo(False).has_access("read"):
            raise AccessError(
                self.env._(
                    "You may print reports only of a structure you work at or supervise: "
                    "choose one of your structures."
                )
            )

    # ------------------------------------------------------------ figures
    def _structures(self):
        """The structures the report counts (once per report: see Memo)."""
        self.ensure_one()
        memo = self.env.context.get("kentro_report_memo")
        if not isinstance(memo, Memo):
            return self._chosen_structures()
        if memo.structures is None:
            memo.structures = self._chosen_structures()
        return memo.structures

    def _chosen_structures(self):
        self._check_structure_access()
        if self.include_attached:
            # sudo: the tree below a structure the user may read, cut down to
            # the structures the user may read right after.
            structures = (
                self.env["kentro.centre"].sudo().search([("id", "child_of", self.centre_id.id)])
            )
        else:
            structures = self.centre_id
        # sudo: each figure is an aggregate, of these readable structures only.
        return structures.sudo(False)._filtered_access("read").sudo()

    def _structures_of_type(self, centre_type, refusal=None):
        """The chosen structures of type ``centre_type``. If there is none, a
        UserError says so: ``refusal``, the message of the report that needs
        them (translated by its addon), or else a message naming the type."""
        structures = self._structures().filtered(
            lambda structure: structure.centre_type == centre_type
        )
        if not structures:
            raise UserError(
                refusal
                or self.env._(
                    "%(structure)s has no %(kind)s: choose a structure of this kind, or its "
                    "reference centre with its annexes and mobile units.",
                    structure=self.centre_id.name,
                    kind=self._structure_kind(centre_type),
                )
            )
        return structures

    def _fmt(self, value):
        return hide_small(value, self.threshold) if self.suppress_small else value

    @api.model
    def _kentro_figures(self):
        """What each figure counts: ``{figure: (model, its date in the period,
        its structure, domain)}``. Annexes add theirs with ``super()``."""
        return {
            "beneficiaries": ("kentro.beneficiary", "registration_date", "centre_id", []),
            "services": ("kentro.service", "date", "centre_id", []),
            "referrals": ("kentro.referral", "sent_date", "centre_id", []),
            "applications": ("kentro.application", "create_date", "centre_id", []),
            "plans_opened": (
                "kentro.support.plan",
                "start_date",
                "centre_id",
                [("state", "!=", "draft")],
            ),
            "plan_reviews": (
                "kentro.support.review",
                "date",
                "centre_id",
                [("state", "=", "done")],
            ),
            "plans_closed": (
                "kentro.support.plan",
                "close_date",
                "centre_id",
                [("state", "=", "closed")],
            ),
            "appointments": (
                "calendar.event",
                "start",
                "kentro_centre_id",
                [("kentro_appointment", "=", True), ("active", "=", True)],
            ),
        }

    def _figure_records(self, figure, structures=None):
        """The model of a figure, as superuser and in Greek time, and the
        domain of its records: of the chosen structures (or of ``structures``,
        some of them), dated in the period (whole days in Greece for datetime
        fields)."""
        model, date_field, centre_field, base = self._kentro_figures()[figure]
        # sudo: the caller reads aggregates (counts, sums) of the structures the
        # user may read (_structures checks it), and the names of the groups'
        # structures, types, villages or settlements: never a person's record.
        Model = dates.in_greek_time(self.env[model].sudo().with_context(active_test=False))
        start, end = self.date_from, self.date_to
        if Model._fields[date_field].type == "datetime":
            start = dates.greek_midnight(start)
            end_condition = (date_field, "<", dates.greek_midnight(end + relativedelta(days=1)))
        else:
            end_condition = (date_field, "<=", end)
        if structures is None:
            structures = self._structures()
        domain = [
            (centre_field, "in", structures.ids),
            (date_field, ">=", start),
            end_condition,
            *base,
        ]
        return Model, domain

    def _aggregate(self, figure, groupby, aggregates, domain=(), structures=None):
        """``_read_group`` of one figure's records (see ``_figure_records``)
        within ``domain``; datetime fields are grouped by month in Greek time."""
        Model, figure_domain = self._figure_records(figure, structures)
        return Model._read_group([*figure_domain, *domain], groupby, aggregates)

    def _labels(self, model, field):
        return dict(self.env[model]._fields[field]._description_selection(self.env))

    def _title_values(self):
        """What a report's title names: ``structure``, the period's ``start``
        and ``end`` (dd/mm/yyyy) and its ``year``."""
        self.ensure_one()
        return {
            "structure": self.centre_id.name,
            "start": self.date_from.strftime("%d/%m/%Y"),
            "end": self.date_to.strftime("%d/%m/%Y"),
            "year": self.date_from.year,
        }

    def _services_by_type_section(
        self, title, by=None, type_first=False, hours=False, domain=(), structures=None
    ):
        """«Services by X and type»: the services of the period (of
        ``structures`` if given, within ``domain``) by service type and, with
        ``by`` = (field, column), first by that field of the service. Each row
        names the value and the type (the type first with ``type_first``),
        then counts the services and the people served (and with ``hours``,
        their hours). Rows follow the field (a selection's key, a record's
        name), then the types' order."""
        env = self.env
        field, column = by or (None, None)
        aggregates = ["__count", "beneficiary_id:count_distinct"]
        if hours:
            aggregates.append("duration:sum")
        groups = self._aggregate(
            "services",
            [field, "service_type_id"] if field else ["service_type_id"],
            aggregates,
            domain,
            structures,
        )
        labels = None
        if field and env["kentro.service"]._fields[field].type == "selection":
            labels = self._labels("kentro.service", field)
        table = [
            (group[0], group[1], list(group[2:])) if field else (None, group[0], list(group[1:]))
            for group in groups
        ]

        def order(entry):
            value, service_type, _figures = entry
            if not field:
                first = ()
            elif labels is None:
                first = (value.name,)
            else:
                first = (value or "",)
            return (*first, service_type.sequence, service_type.name)

        rows = []
        for value, service_type, figures in sorted(table, key=order):
            if hours:
                figures[-1] = Hours(figures[-1])
            names = [service_type.name]
            if field:
                label = value.name if labels is None else labels.get(value, "")
                names = [service_type.name, label] if type_first else [label, service_type.name]
            rows.append(names + figures)
        names = [env._("Service")]
        if field:
            names = [env._("Service"), column] if type_first else [column, env._("Service")]
        return {
            "title": title,
            "columns": names
            + [env._("Services"), env._("People")]
            + ([env._("Hours")] if hours else []),
            "rows": rows,
        }

    def _gender_columns(self):
        """{gender: label}, people with no recorded gender last, so that the
        columns by gender add up to the total."""
        return {
            **self._labels("kentro.beneficiary", "gender"),
            False: self.env._("Not recorded"),
        }

    def _sections(self):
        """The report as a list of tables: {title, columns, rows}, each row a
        label followed by its figures. PDF and XLSX both render these."""
        self.ensure_one()
        structures = self._structures()
        env = self.env
        sections = []

        # New beneficiaries by gender, per structure; active beneficiaries.
        genders = self._gender_columns()
        new = crosstab(self._aggregate("beneficiaries", ["centre_id", "gender"], ["__count"]))
        active = dict(self._aggregate("services", ["centre_id"], ["beneficiary_id:count_distinct"]))
        rows = []
        for structure in structures:
            counts = new.get(structure, {})
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

        sections.append(
            self._services_by_type_section(
                env._("Services by axis and type"),
                by=("axis", env._("Axis")),
                type_first=True,
                hours=True,
            )
        )

        # Referrals sent in the period, by agency category and state.
        states = self._labels("kentro.referral", "state")
        shown = [key for key in states if key != "draft"]
        categories = crosstab(
            self._aggregate("referrals", ["agency_category_id", "state"], ["__count"])
        )
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
        programmes = crosstab(
            self._aggregate("applications", ["programme_id", "state"], ["__count"])
        )
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
        appointments = dict(self._aggregate("appointments", ["kentro_attendance"], ["__count"]))
        sections.append(
            {
                "title": env._("Appointments"),
                "columns": [env._("Attendance"), env._("Appointments")],
                "rows": [[label, appointments.get(key, 0)] for key, label in attendance.items()],
            }
        )
        sections.extend(self._casework_sections())
        return sections

    # ------------------------------------------------------------ casework
    def _casework_sections(self):
        """Why people come and what the work achieves: people by need, support
        plans opened, reviewed and closed, the outcomes of the goals of the
        plans closed, services by programme and by need."""
        env = self.env
        return [
            self._people_by_need_section(),
            self._support_plans_section(),
            self._goal_outcomes_section(),
            self._services_by_type_section(
                env._("Services by programme and type"),
                by=("programme_id", env._("Programme")),
                domain=[("programme_id", "!=", False)],
            ),
            self._services_by_type_section(
                env._("Services by need and type"),
                by=("need_id", env._("Need")),
                domain=[("need_id", "!=", False)],
            ),
        ]

    def _people_by_need_section(self):
        """People by need, two counts in the database per need:

        - new: people whose need was first recorded in the period, by an
          assessment or as a reason for coming (the day of first contact);
        - active: people whose file was not closed before the period, and who
          had the need assessed by its end (the assessment current at the end
          of the period) or a goal on it in a plan open in the period.

        Only the records of the chosen structures are counted."""
        env = self.env
        structures = tuple(self._structures().ids)
        start, end = self.date_from, self.date_to
        title = env._("People by need")
        columns = [env._("Need"), env._("New in the period"), env._("Active")]
        if not structures:
            return {"title": title, "columns": columns, "rows": []}
        env["kentro.need.assessment"].flush_model()
        env["kentro.beneficiary"].flush_model(
            ["first_contact_date", "intake_need_ids", "centre_id", "closed_date"]
        )
        env["kentro.support.goal"].flush_model()
        env["kentro.support.plan"].flush_model()
        intake = env["kentro.beneficiary"]._fields["intake_need_ids"]
        env.cr.execute(
            SQL(
                """
                SELECT need_id, COUNT(*)
                  FROM (SELECT need_id, beneficiary_id, MIN(day) AS first_day
                          FROM (SELECT need_id, beneficiary_id, date AS day
                                  FROM kentro_need_assessment
                                 WHERE centre_id IN %(structures)s
                                 UNION ALL
                                SELECT reason.%(need)s, person.id, person.first_contact_date
                                  FROM %(relation)s reason
                                  JOIN kentro_beneficiary person ON person.id = reason.%(person)s
                                 WHERE person.first_contact_date IS NOT NULL
                                   AND person.centre_id IN %(structures)s) recorded
                      GROUP BY need_id, beneficiary_id) firsts
                 WHERE first_day BETWEEN %(start)s AND %(end)s
              GROUP BY need_id
                """,
                structures=structures,
                need=SQL.identifier(intake.column2),
                person=SQL.identifier(intake.column1),
                relation=SQL.identifier(intake.relation),
                start=start,
                end=end,
            )
        )
        new = dict(env.cr.fetchall())
        env.cr.execute(
            SQL(
                """
                SELECT worked.need_id, COUNT(DISTINCT worked.beneficiary_id)
                  FROM (SELECT need_id, beneficiary_id
                          FROM kentro_need_assessment
                         WHERE centre_id IN %(structures)s AND date <= %(end)s
                         UNION
                        SELECT goal.need_id, goal.beneficiary_id
                          FROM kentro_support_goal goal
                          JOIN kentro_support_plan plan ON plan.id = goal.plan_id
                         WHERE goal.need_id IS NOT NULL
                           AND goal.centre_id IN %(structures)s
                           AND plan.state != 'draft'
                           AND plan.start_date <= %(end)s
                           AND (plan.close_date IS NULL OR plan.close_date >= %(start)s)) worked
                  JOIN kentro_beneficiary person ON person.id = worked.beneficiary_id
                 WHERE person.closed_date IS NULL OR person.closed_date >= %(start)s
              GROUP BY worked.need_id
                """,
                structures=structures,
                start=start,
                end=end,
            )
        )
        active = dict(env.cr.fetchall())
        # sudo: the catalogue's names only, in its order.
        needs = env["kentro.need"].sudo().with_context(active_test=False).browse([*{*new, *active}])
        return {
            "title": title,
            "columns": columns,
            "rows": [
                [need.name, new.get(need.id, 0), active.get(need.id, 0)]
                for need in needs.sorted(lambda need: (need.sequence, need.name))
            ],
        }

    def _support_plans_section(self):
        """The support plans opened (started, not drafts), reviewed (a review
        held) and closed in the period."""
        env = self.env

        def count(figure, aggregate="__count"):
            return self._aggregate(figure, [], [aggregate])[0][0]

        return {
            "title": env._("Support plans"),
            "columns": [env._("Support plans"), env._("Plans")],
            "rows": [
                [env._("Opened in the period"), count("plans_opened")],
                [env._("Reviewed in the period"), count("plan_reviews", "plan_id:count_distinct")],
                [env._("Closed in the period"), count("plans_closed")],
            ],
        }

    def _goal_outcomes_section(self):
        """The goals of the plans closed in the period, by outcome."""
        env = self.env
        Plan, plan_domain = self._figure_records("plans_closed")
        goals = dict(
            Plan.env["kentro.support.goal"]._read_group(
                [("plan_id", "any", plan_domain)], ["outcome"], ["__count"]
            )
        )
        outcomes = {**self._labels("kentro.support.goal", "outcome"), False: env._("Not recorded")}
        return {
            "title": env._("Goals of the plans closed, by outcome"),
            "columns": [env._("Outcome"), env._("Goals")],
            "rows": [[label, goals.get(key, 0)] for key, label in outcomes.items()],
        }

    def _monthly_section(self):
        """The year month by month: one row per month, one database query per figure."""
        env = self.env
        start, end = self.date_from, self.date_to

        def by_month(figure, aggregate="__count", domain=()):
            date_field = self._kentro_figures()[figure][1]
            groups = self._aggregate(figure, [f"{date_field}:month"], [aggregate], domain)
            return {month.strftime("%Y-%m"): value for month, value in groups if month}

        figures = [
            (env._("New beneficiaries"), by_month("beneficiaries")),
            (env._("People served"), by_month("services", "beneficiary_id:count_distinct")),
            (env._("Services"), by_month("services")),
            (env._("Referrals sent"), by_month("referrals")),
            (env._("Applications"), by_month("applications")),
            (
                env._("Appointments attended"),
                by_month("appointments", domain=[("kentro_attendance", "=", "attended")]),
            ),
        ]
        months = []
        month = start.replace(day=1)
        while month <= end:
            months.append(month)
            month += relativedelta(months=1)
        return {
            "title": env._("Month by month"),
            "columns": [env._("Month")] + [label for label, _values in figures],
            "rows": [
                [month.strftime("%m/%Y")]
                + [values.get(month.strftime("%Y-%m"), 0) for _label, values in figures]
                for month in months
            ],
        }

    def _structure_section(self):
        env = self.env
        funds = self._labels("kentro.centre", "fund")
        rows = []
        for structure in self._structures():
            calendar = structure._opening_calendar()
            rows.append(
                [
                    structure.name,
                    structure.staff_count,
                    structure.staff_required,
                    env._("Yes") if structure.staffing_compliant else env._("No"),
                    structure.head_id.name or "",
                    opening_hours_text(calendar) if calendar else "",
                    structure.mis_code or "",
                    funds.get(structure.fund, ""),
                ]
            )
        return {
            "title": env._("Structures, staffing and funding"),
            "columns": [
                env._("Structure"),
                env._("Staff"),
                env._("Staff required"),
                env._("Compliant"),
                env._("Head"),
                env._("Opening hours"),
                env._("MIS code"),
                env._("Fund"),
            ],
            "rows": rows,
            "raw": True,
        }

    def _esf_sections(self):
        """ESF+ common output indicators (Reg. 2021/1057, Annex I) for the
        participants who registered in the period, by gender."""
        self.ensure_one()
        env = self.env
        # Counted as superuser (see _figure_records); listed below as the user.
        Beneficiary, base = self._figure_records("beneficiaries")
        genders = self._gender_columns()

        def row(label, domain):
            counts = dict(Beneficiary._read_group(base + domain, ["gender"], ["__count"]))
            return [label, sum(counts.values())] + [counts.get(key, 0) for key in genders]

        roma = env.ref("kentro_community.kentro_vulnerability_roma")
        homeless = env.ref("kentro_community.kentro_vulnerability_homeless")
        incomplete_domain = [
            "|",
            "|",
            "|",
            ("gender", "=", False),
            ("birthdate", "=", False),
            ("employment_status", "=", False),
            ("education_level", "=", False),
        ]
        indicators = [
            row(env._("Participants"), []),
            row(env._("Unemployed"), [("employment_status", "=", "unemployed")]),
            row(env._("Long-term unemployed"), [("long_term_unemployed", "=", True)]),
            row(env._("Inactive"), [("employment_status", "in", ESF_INACTIVE)]),
            row(
                env._("Employed, including self-employed"),
                [("employment_status", "in", ESF_EMPLOYED)],
            ),
            row(env._("Below 18 years of age"), [("age_band", "=", "under_18")]),
            row(env._("Aged 18-29"), [("age_band", "=", "18_29")]),
            row(env._("Aged 55 and above"), [("age_band", "=", "55_plus")]),
            row(env._("Education ISCED 0-2"), [("education_band", "=", "isced_0_2")]),
            row(env._("Education ISCED 3-4"), [("education_band", "=", "isced_3_4")]),
            row(env._("Education ISCED 5-8"), [("education_band", "=", "isced_5_8")]),
            row(env._("Participants with disabilities"), [("disability", "=", True)]),
            row(env._("Third-country nationals"), self._esf_third_country_domain()),
            row(
                env._("Participants with a foreign background"),
                [("nationality_id", "!=", False), ("nationality_id", "!=", env.ref("base.gr").id)],
            ),
            row(
                env._("Minorities, including marginalised communities such as the Roma"),
                [("vulnerability_ids", "in", roma.ids)],
            ),
            row(
                env._("Homeless or affected by housing exclusion"),
                [("vulnerability_ids", "in", homeless.ids)],
            ),
            row(env._("Refused to give sensitive data"), [("esf_sensitive_refused", "=", True)]),
            row(env._("Records with mandatory fields missing"), incomplete_domain),
        ]
        sections = [
            {
                "title": env._("ESF+ participant indicators"),
                "columns": [env._("Indicator"), env._("Total")] + list(genders.values()),
                "rows": indicators,
            }
        ]
        # The list to correct names people: it lists only the files the user
        # may read, so never reaches the Social Service.
        Readable = Beneficiary.sudo(False)
        if Readable.has_access("read"):
            mandatory = ("gender", "birthdate", "employment_status", "education_level")
            sections.append(
                {
                    "title": env._("Records to complete"),
                    "columns": [env._("Beneficiary"), env._("Structure"), env._("Missing")],
                    "rows": [
                        [
                            person.name,
                            person.centre_id.name,
                            ", ".join(
                                person._fields[name].get_description(env)["string"]
                                for name in mandatory
                                if not person[name]
                            ),
                        ]
                        for person in Readable.search(base + incomplete_domain)
                    ],
                    "raw": True,
                }
            )
        return sections

    def _annual_sections(self):
        return [self._monthly_section(), *self._sections(), self._structure_section()]

    def _kentro_reports(self):
        """``{report type: (its title, the method that returns its tables)}``,
        the title translated and naming ``_title_values``. Annexes add their
        reports with ``super()``."""
        self.ensure_one()
        env, values = self.env, self._title_values()
        return {
            "activity": (
                env._("Activity report – %(structure)s – %(start)s to %(end)s", **values),
                self._sections,
            ),
            "annual": (
                env._("Annual operating report %(year)s – %(structure)s", **values),
                self._annual_sections,
            ),
            "esf": (
                env._(
                    "ESF+ participant indicators – %(structure)s – %(start)s to %(end)s", **values
                ),
                self._esf_sections,
            ),
        }

    def _build_sections(self):
        """The tables of the chosen report (see ``_kentro_reports``)."""
        self.ensure_one()
        return self._kentro_reports()[self.report_type][1]()

    def _esf_third_country_domain(self):
        """Participants who are not citizens of an EU member state."""
        eu = self.env.ref("base.europe").country_ids
        return [("nationality_id", "!=", False), ("nationality_id", "not in", eu.ids)]

    def _report_sections(self):
        """What the chosen report prints, small numbers hidden if asked."""
        self.ensure_one()
        sections = self.with_context(kentro_report_memo=Memo())._build_sections()
        for section in sections:
            if not section.pop("raw", False):
                section["rows"] = [
                    [row[0]] + [self._fmt(v) if isinstance(v, int) else v for v in row[1:]]
                    for row in section["rows"]
                ]
        return sections

    # ------------------------------------------------------------ outputs
    def _title(self):
        return self._kentro_reports()[self.report_type][0]

    def _xlsx(self):
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        hours = workbook.add_format({"num_format": "[h]:mm"})
        sheet = workbook.add_worksheet(self.env._("Report")[:31])
        sheet.write(0, 0, self._title(), bold)
        row = 2
        for section in self._report_sections():
            sheet.write(row, 0, section["title"], bold)
            row += 1
            sheet.write_row(row, 0, section["columns"], bold)
            row += 1
            for line in section["rows"]:
                for column, value in enumerate(line):
                    if isinstance(value, Hours):
                        # A time cell: Excel and LibreOffice show it as 0:48.
                        sheet.write_number(row, column, value.minutes / 1440, hours)
                    else:
                        sheet.write(row, column, value)
                row += 1
            row += 1
        if self.report_type == "annual" and self.centre_id.annual_report_notes:
            sheet.write(row, 0, self.env._("Narrative of the year"), bold)
            sheet.write(row + 1, 0, html2plaintext(self.centre_id.annual_report_notes))
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
        # Checked before rendering: an error raised inside the QWeb rendering
        # reaches the user as a traceback, not as a message.
        self._check_printable()
        report = self.with_context(lang=self.env.user.lang or "el_GR")
        if self.output == "xlsx" or self.report_type == "esf":
            content, extension = report._xlsx(), "xlsx"
        else:
            content, extension = report._pdf(), "pdf"
        name = f"{report._title()}.{extension}".replace("/", "-")
        # sudo: the Social Service may not post on a structure's chatter; the
        # report it keeps there holds aggregates of a structure the user reads
        # (_check_printable checked it), read by those who read the structure.
        message = self.centre_id.sudo().message_post(
            body=self.env._("Report printed by %(user)s.", user=self.env.user.name),
            attachments=[(name, content)],
        )
        attachment = message.attachment_ids[:1]
        # sudo: the token of the file the user has just printed, for its download.
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true&access_token="
            f"{attachment.sudo().generate_access_token()[0]}",
            "target": "download",
        }
