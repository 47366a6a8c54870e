from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

from ..tools import dates, groups, public_holidays


class KentroCentre(models.Model):
    """A structure of a municipality's Community Centre: the centre itself, or an
    annex or mobile unit attached to a reference centre."""

    _name = "kentro.centre"
    _description = "Community Centre structure"
    _inherit = ["mail.thread"]
    _order = "complete_name"
    _parent_store = True
    _rec_names_search = ["name", "code"]
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True, index="trigram")
    code = fields.Char(tracking=True, index=True)
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=True)
    centre_type = fields.Selection(
        [("centre", "Community Centre"), ("annex", "Annex")],
        string="Type",
        required=True,
        default="centre",
        tracking=True,
    )
    parent_id = fields.Many2one(
        "kentro.centre",
        string="Reference centre",
        index=True,
        ondelete="restrict",
        check_company=True,
        domain="[('centre_type', '=', 'centre')]",
        tracking=True,
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("kentro.centre", "parent_id", string="Attached structures")
    company_id = fields.Many2one(
        "res.company",
        string="Municipality",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    active = fields.Boolean(default=True, tracking=True)

    # Contact and opening hours
    partner_id = fields.Many2one(
        "res.partner",
        string="Address",
        help="The structure's address, phone and e-mail.",
        check_company=True,
    )
    street = fields.Char(related="partner_id.street", readonly=False)
    city = fields.Char(related="partner_id.city", readonly=False)
    zip = fields.Char(related="partner_id.zip", readonly=False)
    phone = fields.Char(related="partner_id.phone", readonly=False)
    email = fields.Char(related="partner_id.email", readonly=False)
    resource_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Opening hours",
        check_company=True,
        tracking=True,
    )

    # Funding (a Community Centre is a project co-funded by the ESF / ESF+)
    review_interval_months = fields.Integer(
        string="Review support plans every (months)",
        default=3,
        tracking=True,
        help="How often the support plans of this structure's files are reviewed; a plan may "
        "set its own interval.",
    )
    population = fields.Integer(
        string="Municipality population",
        tracking=True,
        help="Inhabitants of the municipality (latest census): sets the minimum staff.",
    )
    mis_code = fields.Char(
        string="MIS code",
        tracking=True,
        help="Code of the project in the Integrated Information System (MIS).",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    budget = fields.Monetary(tracking=True)
    funding_start = fields.Date(string="Funding start", tracking=True)
    funding_end = fields.Date(string="Funding end", tracking=True)
    operational_programme = fields.Char(tracking=True)
    fund = fields.Selection(
        [("esf", "ESF (2014-2020)"), ("esf_plus", "ESF+ (2021-2027)"), ("other", "Other")],
        tracking=True,
    )

    annual_report_notes = fields.Html(
        string="Annual report: narrative",
        help="The head's own account of the year, printed in the annual operating report.",
    )

    # Staff
    staff_ids = fields.Many2many(
        "res.users",
        "kentro_centre_res_users_rel",
        "centre_id",
        "user_id",
        domain="[('share', '=', False)]",
    )
    head_id = fields.Many2one(
        "res.users",
        string="Head of centre",
        tracking=True,
        domain="[('id', 'in', staff_ids)]",
        help="A social worker of the structure's staff.",
    )
    staff_count = fields.Integer(compute="_compute_staffing", store=True)
    staff_required = fields.Integer(
        string="Minimum staff",
        compute="_compute_staffing",
        store=True,
        help="2 staff under 40,000 inhabitants, 3 up to 100,000, 4 above (decision "
        "Δ23/οικ.14435/1135/2016).",
    )
    staffing_compliant = fields.Boolean(compute="_compute_staffing", store=True)
    staffing_issue = fields.Char(compute="_compute_staffing_issue")

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The code of a structure must be unique within its municipality.",
        ),
    ]

    @api.depends(
        "centre_type",
        "population",
        "staff_ids",
        "staff_ids.kentro_role_id.is_social_worker",
        "head_id",
    )
    def _compute_staffing(self):
        for centre in self:
            centre.staff_count = len(centre.staff_ids)
            # The 2016 decision sets the staff of the centre, not of its annexes.
            is_centre = centre.centre_type == "centre"
            centre.staff_required = self._minimum_staff(centre.population) if is_centre else 0
            centre.staffing_compliant = not centre._staffing_issues()

    @api.depends_context("lang")
    @api.depends("staffing_compliant", "staff_count", "staff_required", "head_id.kentro_role_id")
    def _compute_staffing_issue(self):
        for centre in self:
            centre.staffing_issue = " ".join(centre._staffing_issues()) or False

    def _staffing_issues(self):
        """What keeps the structure from the staffing rules, in the user's language."""
        self.ensure_one()
        if self.centre_type != "centre":
            # The 2016 decision sets no minimum for annexes and mobile units,
            # but one with nobody working at it does not operate.
            if not self.staff_ids:
                return [self.env._("Nobody works at this structure: add its staff.")]
            return []
        issues = []
        if len(self.staff_ids) < self._minimum_staff(self.population):
            issues.append(
                self.env._(
                    "%(population)s inhabitants need at least %(required)s staff, "
                    "the structure has %(count)s.",
                    population=self.population,
                    required=self._minimum_staff(self.population),
                    count=len(self.staff_ids),
                )
            )
        if not self.head_id:
            issues.append(self.env._("No head of centre is set."))
        elif not self.head_id.kentro_role_id.is_social_worker:
            issues.append(
                self.env._(
                    "The head of centre, %(head)s, is not a social worker.",
                    head=self.head_id.name,
                )
            )
        return issues

    # The head's dashboard: this month at a glance.
    dashboard_new = fields.Integer(
        string="New beneficiaries this month", compute="_compute_dashboard", groups=groups.HEAD
    )
    dashboard_services = fields.Integer(
        string="Services this month", compute="_compute_dashboard", groups=groups.HEAD
    )
    dashboard_overdue = fields.Integer(
        string="Overdue referral follow-ups", compute="_compute_dashboard", groups=groups.HEAD
    )
    dashboard_waiting = fields.Integer(
        string="Applications waiting for documents",
        compute="_compute_dashboard",
        groups=groups.HEAD,
    )
    dashboard_missed = fields.Integer(
        string="Missed appointments this month", compute="_compute_dashboard", groups=groups.HEAD
    )

    dashboard_reviews_due = fields.Integer(
        string="Reviews due", compute="_compute_dashboard", groups=groups.HEAD
    )
    dashboard_reviews_missed = fields.Integer(
        string="Missed reviews this month", compute="_compute_dashboard", groups=groups.HEAD
    )
    dashboard_esf_missing = fields.Integer(
        string="ESF+ entries missing data", compute="_compute_dashboard", groups=groups.HEAD
    )
    dashboard_esf_results = fields.Integer(
        string="ESF+ results on leaving due", compute="_compute_dashboard", groups=groups.HEAD
    )
    dashboard_esf_follow_ups = fields.Integer(
        string="ESF+ follow-ups due", compute="_compute_dashboard", groups=groups.HEAD
    )

    def _dashboard_domains(self):
        today = fields.Date.context_today(self)
        first = today.replace(day=1)
        return {
            "dashboard_new": (
                "kentro.beneficiary",
                "centre_id",
                [("registration_date", ">=", first)],
            ),
            "dashboard_services": ("kentro.service", "centre_id", [("date", ">=", first)]),
            "dashboard_overdue": (
                "kentro.referral",
                "centre_id",
                [("state", "in", ("sent", "accepted")), ("follow_up_date", "<", today)],
            ),
            "dashboard_waiting": (
                "kentro.application",
                "centre_id",
                [("state", "=", "collecting")],
            ),
            "dashboard_missed": (
                "calendar.event",
                "kentro_centre_id",
                [
                    ("kentro_appointment", "=", True),
                    ("kentro_attendance", "=", "missed"),
                    ("start", ">=", fields.Datetime.to_datetime(first)),
                ],
            ),
            "dashboard_reviews_due": (
                "kentro.support.review",
                "centre_id",
                [("state", "=", "planned"), ("scheduled_date", "<=", today)],
            ),
            "dashboard_reviews_missed": (
                "kentro.support.review",
                "centre_id",
                [("state", "in", ("missed", "no_show")), ("recorded_date", ">=", first)],
            ),
            "dashboard_esf_missing": (
                "kentro.esf.participant",
                "centre_id",
                [("state", "=", "entered"), ("data_complete", "=", False)],
            ),
            "dashboard_esf_results": (
                "kentro.esf.participant",
                "centre_id",
                [("state", "=", "exited"), ("results_date", "=", False)],
            ),
            "dashboard_esf_follow_ups": (
                "kentro.esf.participant",
                "centre_id",
                [
                    ("state", "=", "exited"),
                    ("follow_up_date", "=", False),
                    ("follow_up_due", "<=", today),
                ],
            ),
        }

    def _compute_dashboard(self):
        for fname, (model, centre_field, domain) in self._dashboard_domains().items():
            counts = dict(
                self.env[model]._read_group(
                    [(centre_field, "in", self.ids)] + domain, [centre_field], ["__count"]
                )
            )
            for centre in self:
                centre[fname] = counts.get(centre, 0)

    def action_dashboard_open(self):
        """Open the records behind one figure of the dashboard."""
        self.ensure_one()
        fname = self.env.context.get("dashboard_figure")
        model, centre_field, domain = self._dashboard_domains()[fname]
        return {
            "type": "ir.actions.act_window",
            "name": self._fields[fname].get_description(self.env)["string"],
            "res_model": model,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [(centre_field, "=", self.id)] + domain,
        }

    @api.model
    @tools.ormcache("self.env.uid", "tuple(self.env.companies.ids)")
    def _kentro_visible_ids(self):
        """The structures whose records the current user may see, as the
        rules on files say: their own, and for heads those attached; the
        administrator, who configures every structure, reads no more (cached;
        cleared when structures or users' structures change)."""
        user = self.env.user
        if not user.has_group(groups.RECEPTION):
            return frozenset()
        operator = "child_of" if user.has_group(groups.HEAD) else "in"
        # Record rules evaluate their domains as superuser: search as the user.
        return frozenset(
            self.sudo(False).search([("id", operator, user.kentro_centre_ids.ids)]).ids
        )

    def _opening_calendar(self):
        """The structure's working-time calendar, or its municipality's (none
        for no structure)."""
        return self.resource_calendar_id or self.company_id.resource_calendar_id

    def _kentro_open_day(self, day, step=1):
        """The first day from ``day`` (a date or datetime), going forward by
        ``step`` days (backwards with -1), on which the structure's calendar has
        opening hours: not a weekend, a public holiday, a local feast or a
        closure. Used to place appointments that must not fall on a closure."""
        self.ensure_one()
        calendar = self._opening_calendar()
        tz = self._local_timezone()
        first = day.date() if isinstance(day, datetime) else day
        # One look at the calendar over the two months, not one per day.
        start = tz.localize(
            datetime.combine(min(first, first + timedelta(days=59 * step)), time.min)
        )
        intervals = calendar._work_intervals_batch(start, start + timedelta(days=60))[False]
        open_days = {begin.astimezone(tz).date() for begin, _end, _records in intervals}
        for offset in range(60):
            day = first + timedelta(days=offset * step)
            if day in open_days:
                return datetime.combine(day, time.min)
        raise ValidationError(
            self.env._(
                "%(structure)s has no opening hours within two months of %(day)s.",
                structure=self.name,
                day=first.strftime("%d/%m/%Y"),
            )
        )

    def _local_timezone(self):
        """The time zone the structure's hours are kept in."""
        return pytz.timezone(self._opening_calendar().tz or self.env.user.tz or dates.GREEK_TZ)

    def _kentro_suitable_staff(self, service_type):
        """The professionals of this structure who provide ``service_type``."""
        self.ensure_one()
        staff = self.staff_ids.filtered(lambda user: user.has_group(groups.PROFESSIONAL))
        if service_type.staff_role_ids:
            staff = staff.filtered(lambda user: user.kentro_role_id in service_type.staff_role_ids)
        return staff

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        centres = super().create(vals_list)
        centres._kentro_plan_holidays()
        return centres

    def write(self, vals):
        # Record rules read the structures' tree and each user's structures (the
        # staff, seen from the structure); their domains are cached per user,
        # and so are the menus, which offer a report by the structures' types.
        if {"parent_id", "company_id", "active", "staff_ids", "centre_type"} & set(vals):
            self.env.registry.clear_cache()
        result = super().write(vals)
        if "resource_calendar_id" in vals:
            self._kentro_plan_holidays()
        return result

    # Public holidays ---------------------------------------------------------

    def _kentro_plan_holidays(self, years=None):
        """Close the structures' opening calendars on the Greek public holidays
        and their municipality's local feasts of ``years`` (this year and the
        next by default): one global leave a day and calendar, whole days in
        the calendar's time zone, never twice (a day already closed stays as
        it is)."""
        if years is None:
            this_year = dates.greek_today().year
            years = (this_year, this_year + 1)
        # sudo: the holidays are public days written on the structures' own
        # opening calendars (whoever gives a structure its hours); nothing of
        # the calendars is shown to the user.
        centres = self.sudo().filtered(lambda centre: centre._opening_calendar())
        if not centres:
            return
        national = public_holidays.national(years)
        # sudo: the feasts of the structures' own municipalities, see above.
        Feast = self.env["kentro.local.holiday"].sudo()
        feasts = Feast.search([("company_id", "in", centres.company_id.ids)])
        Leave = self.env["resource.calendar.leaves"].sudo()  # sudo: see above
        calendars = {}
        for centre in centres:
            calendar = centre._opening_calendar()
            days = calendars.setdefault(calendar, dict(national))
            days.update(
                public_holidays.local(
                    feasts.filtered(lambda feast, c=centre: feast.company_id == c.company_id),
                    years,
                )
            )
        first = min(years)
        existing = {
            (leave.calendar_id, leave.date_from)
            for leave in Leave.search(
                [
                    ("calendar_id", "in", [calendar.id for calendar in calendars]),
                    ("resource_id", "=", False),
                    ("date_to", ">=", datetime(first - 1, 12, 31)),
                ]
            )
        }
        values = []
        for calendar, days in calendars.items():
            tz = pytz.timezone(calendar.tz or dates.GREEK_TZ)
            for day, name in sorted(days.items()):
                if day.year not in years:
                    continue
                date_from, date_to = public_holidays.whole_day(day, tz)
                if (calendar, date_from) in existing:
                    continue
                existing.add((calendar, date_from))
                values.append(
                    {
                        "name": name,
                        "calendar_id": calendar.id,
                        "date_from": date_from,
                        "date_to": date_to,
                        "time_type": "leave",
                        "kentro_holiday": True,
                    }
                )
        Leave.create(values)

    @api.model
    def _cron_kentro_holidays(self):
        """Yearly: the holidays of this year and the next for every structure."""
        self.search([])._kentro_plan_holidays()

    @api.model
    def _minimum_staff(self, population):
        if population > 100_000:
            return 4
        if population >= 40_000:
            return 3
        return 2

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for centre in self:
            if centre.parent_id:
                centre.complete_name = f"{centre.parent_id.complete_name} / {centre.name}"
            else:
                centre.complete_name = centre.name

    @api.constrains("head_id", "staff_ids")
    def _check_head_is_staff(self):
        for centre in self:
            if centre.head_id and centre.head_id not in centre.staff_ids:
                raise ValidationError(
                    self.env._(
                        "%(head)s heads %(centre)s but is not on its staff: add them to the "
                        "staff first.",
                        head=centre.head_id.name,
                        centre=centre.name,
                    )
                )

    @api.constrains("centre_type", "parent_id")
    def _check_reference_centre(self):
        for centre in self:
            if centre.centre_type == "centre" and centre.parent_id:
                raise ValidationError(
                    self.env._(
                        "%(name)s is a Community Centre: only annexes and mobile units "
                        "are attached to a reference centre. Clear the reference centre "
                        "or change the type.",
                        name=centre.name,
                    )
                )
            if centre.centre_type != "centre" and not centre.parent_id:
                raise ValidationError(
                    self.env._(
                        "%(name)s is not a Community Centre: choose the reference centre "
                        "it is attached to.",
                        name=centre.name,
                    )
                )
