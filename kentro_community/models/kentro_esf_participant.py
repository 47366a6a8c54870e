from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import groups
from .kentro_beneficiary import (
    AGE_BANDS,
    EDUCATION_BANDS,
    ESF_EMPLOYED,
    ESF_INACTIVE,
    GENDERS,
    age_values,
    is_long_term_unemployed,
)

ANSWERS = [("yes", "Yes"), ("no", "No"), ("refused", "Refused to answer")]
EMPLOYMENT = [
    ("unemployed", "Unemployed"),
    ("long_term_unemployed", "Long-term unemployed"),
    ("inactive", "Inactive"),
    ("employed", "Employed, including self-employed"),
]
HOUSEHOLD_SITUATIONS = [
    ("single_adult_children", "Single adult with dependent children"),
    ("jobless_children", "Jobless household with dependent children"),
    ("jobless", "Jobless household, without dependent children"),
    ("other", "Other household"),
]
EXIT_REASONS = [
    ("closed", "File closed"),
    ("inactive", "No service for months"),
    ("operation_end", "The operation ended"),
    ("other", "Other"),
]
# The entry data the indicators cannot do without (Annex I): a participant
# whose record lacks one of them is refused by the participants system.
MANDATORY = ("gender", "age_group", "employment", "education")
# What the person may decline to say; the refusal is kept, never guessed.
SENSITIVE = ("disability", "foreign_background", "minority", "homeless")
FOLLOW_UP_MONTHS = 6
# Annex I: the immediate results are those up to four weeks after leaving.
RESULTS_DAYS = 28
# Below this age nobody is in the labour force (ILO: 15 and above).
WORKING_AGE = 15


def household_situation_of(person, day):
    """The household situation of ``person`` on ``day``: the household's
    members (or the person alone) as adults and dependent children (under 18),
    and whether an adult works. False (unknown) when the employment of an
    adult, or the age of a member, is not recorded."""
    members = person.household_id.member_ids | person if person.household_id else person
    if not all(members.mapped("birthdate")):
        return False
    children = members.filtered(lambda member: age_values(member.birthdate, day)[0] < 18)
    adults = members - children
    if not adults or not all(adults.mapped("employment_status")):
        return False
    if len(adults) == 1 and children:
        return "single_adult_children"
    if not any(adult.employment_status in ESF_EMPLOYED for adult in adults):
        return "jobless_children" if children else "jobless"
    return "other"


def employment_of(person, day):
    """The Annex I employment status of ``person``'s file on ``day``: long-term
    unemployed after twelve months registered at ΔΥΠΑ."""
    status = person.employment_status
    if status == "unemployed":
        long_term = is_long_term_unemployed(
            status, person.dypa_registration_date, day - relativedelta(months=12)
        )
        return "long_term_unemployed" if long_term else "unemployed"
    if status in ESF_EMPLOYED:
        return "employed"
    if status in ESF_INACTIVE:
        return "inactive"
    return False


class KentroEsfParticipant(models.Model):
    """A person's participation in an ESF+ operation: the entry record, made
    when the person first receives a service within the operation's dates at
    one of its structures, with the Annex I output data as they were that day
    (frozen: later changes of the file do not rewrite them); and the exit
    record, when the person leaves, with the immediate results and the
    follow-up six months later."""

    _name = "kentro.esf.participant"
    _description = "ESF+ participant"
    _inherit = ["kentro.casework.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "entry_date desc, id desc"
    _kentro_order_index = True
    _rec_name = "beneficiary_id"

    beneficiary_id = fields.Many2one(ondelete="cascade")
    operation_id = fields.Many2one(
        "kentro.esf.operation",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Case worker",
        index=True,
        help="The professional who gave the first service: the one asked to complete the "
        "entry data and to follow the person up.",
    )
    state = fields.Selection(
        [("entered", "In the operation"), ("exited", "Left")],
        required=True,
        default="entered",
        tracking=True,
        index=True,
    )

    # Entry: the Annex I output data on the day of entry
    entry_date = fields.Date(required=True, index=True, tracking=True)
    entry_service_id = fields.Many2one("kentro.service", ondelete="set null")
    gender = fields.Selection(GENDERS, tracking=True)
    age = fields.Integer(string="Age at entry", aggregator=None)
    age_group = fields.Selection(AGE_BANDS, tracking=True)
    employment = fields.Selection(EMPLOYMENT, string="Employment status", tracking=True)
    education = fields.Selection(EDUCATION_BANDS, string="Education (ISCED)", tracking=True)
    third_country = fields.Boolean(
        string="Third-country national",
        tracking=True,
        help="Not a citizen of a member state of the European Union.",
    )
    disability = fields.Selection(ANSWERS, string="With disabilities", tracking=True)
    foreign_background = fields.Selection(ANSWERS, tracking=True)
    minority = fields.Selection(
        ANSWERS,
        string="Minority, including the Roma",
        tracking=True,
        help="Minorities, including marginalised communities such as the Roma.",
    )
    homeless = fields.Selection(
        ANSWERS, string="Homeless or affected by housing exclusion", tracking=True
    )
    rural = fields.Boolean(string="From a rural area", tracking=True)
    household_situation = fields.Selection(
        HOUSEHOLD_SITUATIONS,
        tracking=True,
        help="From the household's members on the day of entry: adults, dependent children "
        "(under 18) and whether an adult works. Empty when an age or an adult's employment is "
        "unknown.",
    )
    missing_data = fields.Char(
        compute="_compute_missing_data",
        store=True,
        help="The entry data still missing, which the participants system would refuse.",
    )
    data_complete = fields.Boolean(compute="_compute_missing_data", store=True, index=True)
    entry_deadline = fields.Date(
        string="Entry data due",
        compute="_compute_entry_deadline",
        store=True,
        index=True,
    )

    # Exit: the immediate results, within four weeks of leaving
    exit_date = fields.Date(tracking=True, index=True)
    exit_reason = fields.Selection(EXIT_REASONS, tracking=True)
    result_job_searching = fields.Boolean(string="Engaged in job searching", tracking=True)
    result_education = fields.Boolean(string="In education or training", tracking=True)
    result_qualification = fields.Boolean(string="Gained a qualification", tracking=True)
    result_employed = fields.Boolean(
        string="In employment, including self-employment", tracking=True
    )
    results_due = fields.Date(
        string="Results due", compute="_compute_results_due", store=True, index=True
    )
    results_date = fields.Date(
        string="Results recorded on",
        tracking=True,
        help="The day the results on leaving were recorded; until then they are due.",
    )

    # Longer-term results, six months after leaving
    follow_up_due = fields.Date(
        string="Follow-up due", compute="_compute_follow_up_due", store=True, index=True
    )
    follow_up_date = fields.Date(string="Followed up on", tracking=True)
    follow_up_employed = fields.Boolean(
        string="In employment six months after leaving", tracking=True
    )
    follow_up_improved = fields.Boolean(
        string="Improved labour market situation six months after leaving", tracking=True
    )

    _sql_constraints = [
        (
            "operation_beneficiary_uniq",
            "UNIQUE(operation_id, beneficiary_id)",
            "A person enters an operation once.",
        ),
    ]

    @api.depends(*MANDATORY)
    def _compute_missing_data(self):
        labels = {name: self._fields[name]._description_string(self.env) for name in MANDATORY}
        for participant in self:
            missing = [labels[name] for name in MANDATORY if not participant[name]]
            participant.missing_data = ", ".join(missing) or False
            participant.data_complete = not missing

    @api.depends("entry_date", "operation_id.entry_deadline_days")
    def _compute_entry_deadline(self):
        for participant in self:
            participant.entry_deadline = participant.entry_date and (
                participant.entry_date
                + relativedelta(days=participant.operation_id.entry_deadline_days)
            )

    @api.depends("exit_date")
    def _compute_results_due(self):
        for participant in self:
            participant.results_due = participant.exit_date and (
                participant.exit_date + relativedelta(days=RESULTS_DAYS)
            )

    @api.depends("exit_date")
    def _compute_follow_up_due(self):
        for participant in self:
            participant.follow_up_due = participant.exit_date and (
                participant.exit_date + relativedelta(months=FOLLOW_UP_MONTHS)
            )

    @api.constrains("entry_date", "exit_date", "follow_up_date")
    def _check_dates(self):
        for participant in self:
            if participant.exit_date and participant.exit_date < participant.entry_date:
                raise ValidationError(
                    self.env._(
                        "%(person)s cannot leave the operation on %(exit)s, before entering it "
                        "on %(entry)s.",
                        person=participant.beneficiary_id.name,
                        exit=participant.exit_date.strftime("%d/%m/%Y"),
                        entry=participant.entry_date.strftime("%d/%m/%Y"),
                    )
                )
            if participant.follow_up_date and (
                not participant.exit_date or participant.follow_up_date < participant.exit_date
            ):
                raise ValidationError(
                    self.env._(
                        "The follow-up of %(person)s comes after the person left the operation.",
                        person=participant.beneficiary_id.name,
                    )
                )

    # ------------------------------------------------------------------ entry
    @api.model
    def _kentro_entry_values(self, person, day):
        """The Annex I output data of ``person`` on ``day``, as the file says
        them and as its annexes add (``super()``). A person who declined to
        give sensitive data is recorded as having refused, never guessed."""
        age, age_group = age_values(person.birthdate, day)
        refused = person.esf_sensitive_refused
        vulnerabilities = set(person.vulnerability_ids.mapped("code"))
        eu = self.env.ref("base.europe").country_ids
        greece = self.env.ref("base.gr")

        def answer(known):
            return "refused" if refused else ("yes" if known else "no")

        return {
            "gender": person.gender or False,
            "age": age,
            "age_group": age_group,
            "employment": employment_of(person, day),
            "education": person.education_band or False,
            "third_country": bool(person.nationality_id) and person.nationality_id not in eu,
            "disability": answer(person.disability or "disability" in vulnerabilities),
            "foreign_background": answer(
                bool(person.nationality_id) and person.nationality_id != greece
            ),
            "minority": answer("roma" in vulnerabilities),
            "homeless": answer("homeless" in vulnerabilities),
            "rural": False,
            # sudo: the members' ages and work are read for this one code; the
            # household's members may be files of other structures.
            "household_situation": household_situation_of(person.sudo(), day),
        }

    @api.model
    def _kentro_enter(self, services):
        """Make the entry record of each person whose service in ``services``
        is their first within a running operation of its structure. Called
        when services are logged, whoever logs them."""
        services = services.filtered(lambda service: service.beneficiary_id and service.date)
        if not services:
            return self.browse()
        # sudo: entry records are made for every service of a structure in an
        # operation, whoever logs it (reception too, who may not read them);
        # nothing is returned to the user but the records made.
        Operation = self.env["kentro.esf.operation"].sudo()
        operations = Operation.search(
            [
                ("centre_ids", "in", services.centre_id.ids),
                ("date_start", "<=", max(services.mapped("date"))),
                ("date_end", ">=", min(services.mapped("date"))),
            ]
        )
        if not operations:
            return self.browse()
        # sudo: see above. Whoever logs the service does not follow the record
        # (no e-mail of special-category data to reception).
        Participant = self.sudo().with_context(mail_create_nosubscribe=True)
        entered = {
            (participant.operation_id.id, participant.beneficiary_id.id)
            for participant in Participant.search(
                [
                    ("operation_id", "in", operations.ids),
                    ("beneficiary_id", "in", services.beneficiary_id.ids),
                ]
            )
        }
        values = []
        for service in services.sorted(lambda service: (service.date, service.id)):
            operation = operations.filtered(
                lambda operation, service=service: (
                    service.centre_id in operation.centre_ids
                    and operation.date_start <= service.date <= operation.date_end
                )
            )[:1]
            key = (operation.id, service.beneficiary_id.id)
            if not operation or key in entered:
                continue
            entered.add(key)
            person = service.beneficiary_id.sudo()  # sudo: see above
            values.append(
                {
                    "operation_id": operation.id,
                    "beneficiary_id": person.id,
                    "centre_id": service.centre_id.id,
                    "entry_date": service.date,
                    "entry_service_id": service.id,
                    "user_id": self._kentro_case_worker(service).id,
                    **self._kentro_entry_values(person, service.date),
                }
            )
        participants = Participant.create(values)
        participants._kentro_ask_for_missing_data()
        return participants

    @api.model
    def _kentro_case_worker(self, service):
        """Who completes the entry data and follows the person up: the
        professional who gave the first service, else the structure's head
        (a service logged by Odoo itself, or by reception for someone else)."""
        user = service.user_id
        if user and not user._is_superuser() and user.has_group(groups.PROFESSIONAL):
            return user
        return service.centre_id.head_id

    def _kentro_ask_for_missing_data(self):
        """A to-do for the case worker of each record with entry data missing,
        due on the operation's deadline; none twice."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        for participant in self.filtered(
            lambda participant: not participant.data_complete and participant.user_id
        ):
            if participant.activity_ids.filtered(
                lambda activity: activity.activity_type_id == todo
            ):
                continue
            participant.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=participant.entry_deadline,
                user_id=participant.user_id.id,
                summary=self.env._("Complete the ESF+ entry data"),
                note=self.env._("Missing: %(missing)s", missing=participant.missing_data),
            )

    def action_refresh_entry_data(self):
        """Take the entry data again from the file, as it was corrected: only
        the data still missing are filled, what was recorded stays."""
        for participant in self:
            if participant.state != "entered":
                raise UserError(
                    self.env._("The entry data of a person who left stay as they were.")
                )
            fresh = self._kentro_entry_values(participant.beneficiary_id, participant.entry_date)
            values = {
                name: fresh[name] for name in MANDATORY if not participant[name] and fresh[name]
            }
            if "age_group" in values:
                # The age comes with its group, from the date of birth now known.
                values["age"] = fresh["age"]
            participant.write(values)
        self.filtered("data_complete").activity_feedback(
            ["mail.mail_activity_data_todo"],
            feedback=self.env._("Entry data complete."),
        )
        return True

    # ------------------------------------------------------------------- exit
    def _kentro_exit(self, day, reason):
        """The people of ``self`` leave the operation on ``day``; their case
        worker is asked for the results on leaving within four weeks and for
        the follow-up six months later."""
        leaving = self.filtered(lambda participant: participant.state == "entered")
        # Nobody leaves before entering: one write per exit date.
        for exit_date, records in leaving.grouped(
            lambda participant: max(day, participant.entry_date)
        ).items():
            records.write({"state": "exited", "exit_date": exit_date, "exit_reason": reason})
        # Read by the case workers: in their municipality's language.
        _ = self.with_context(lang=self._kentro_readers_lang()).env._
        todos = (
            (
                "results_due",
                _("ESF+ results on leaving"),
                _(
                    "Record whether the person, on leaving, searches for a job, is in education or "
                    "training, gained a qualification or is in employment."
                ),
            ),
            (
                "follow_up_due",
                _("ESF+ follow-up six months after leaving"),
                _(
                    "Ask whether the person is in employment and whether their situation in the "
                    "labour market has improved, and record the answer."
                ),
            ),
        )
        for participant in leaving.filtered("user_id"):
            for due_field, summary, note in todos:
                participant.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=participant[due_field],
                    user_id=participant.user_id.id,
                    summary=summary,
                    note=note,
                )
        return leaving

    def action_exit(self):
        self._kentro_exit(fields.Date.context_today(self), "other")
        return True

    @api.model
    def _cron_exits(self):
        """Who leaves: the people whose file was closed, who have had no
        service for the operation's months, or whose operation has ended."""
        today = fields.Date.context_today(self)
        # sudo: the daily job records exits for every structure.
        Participant = self.sudo()
        ended = Participant.search(
            [("state", "=", "entered"), ("operation_id.date_end", "<", today)]
        )
        for operation, records in ended.grouped("operation_id").items():
            records._kentro_exit(operation.date_end, "operation_end")
        closed = Participant.search(
            [("state", "=", "entered"), ("beneficiary_id.state", "=", "closed")]
        )
        for day, records in closed.grouped(
            lambda participant: participant.beneficiary_id.closed_date or today
        ).items():
            records._kentro_exit(day, "closed")
        open_records = Participant.search([("state", "=", "entered")])
        if not open_records:
            return
        # sudo: the daily job reads the date of each person's last service.
        Service = self.env["kentro.service"].sudo()
        last = dict(
            Service._read_group(
                [("beneficiary_id", "in", open_records.beneficiary_id.ids)],
                ["beneficiary_id"],
                ["date:max"],
            )
        )
        inactive = {}
        for participant in open_records:
            latest = last.get(participant.beneficiary_id) or participant.entry_date
            months = participant.operation_id.inactivity_months
            if latest + relativedelta(months=months) <= today:
                inactive.setdefault(latest, Participant.browse())
                inactive[latest] |= participant
        for day, records in inactive.items():
            records._kentro_exit(day, "inactive")

    def _kentro_done(self, due_field, feedback):
        """Mark done the to-do of each record due on its ``due_field``."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        for participant in self:
            participant.activity_ids.filtered(
                lambda activity, day=participant[due_field]: (
                    activity.date_deadline == day and activity.activity_type_id == todo
                )
            ).action_feedback(feedback=feedback)

    def action_record_results(self):
        """The results on leaving are recorded: their to-do is done."""
        for participant in self:
            if participant.state != "exited":
                raise UserError(
                    self.env._("The results on leaving are recorded after the person left.")
                )
            if not participant.results_date:
                participant.results_date = fields.Date.context_today(self)
        self._kentro_done("results_due", self.env._("Results on leaving recorded."))
        return True

    def action_record_follow_up(self):
        """The follow-up is recorded: its to-do is done."""
        for participant in self:
            if participant.state != "exited":
                raise UserError(self.env._("A person is followed up after leaving the operation."))
            if not participant.follow_up_date:
                participant.follow_up_date = fields.Date.context_today(self)
        self._kentro_done("follow_up_due", self.env._("Follow-up recorded."))
        return True

    # ------------------------------------------------------------- checking
    @api.model
    def _kentro_document_number(self, person):
        """The number of the document that identifies ``person`` without ΑΜΚΑ
        (annexes add theirs)."""
        return person.id_document_number or ""

    def _kentro_problems(self):
        """{record: why the participants system would refuse it}: data
        missing or contradicting each other, in the user's language."""
        _ = self.env._
        problems = {}
        for participant in self:
            person = participant.beneficiary_id
            found = []
            if not person.amka and not self._kentro_document_number(person):
                found.append(_("Neither ΑΜΚΑ nor an identity document number"))
            missing = [
                self._fields[name]._description_string(self.env)
                for name in MANDATORY
                if not participant[name]
            ]
            if missing:
                found.append(_("Missing: %(missing)s", missing=", ".join(missing)))
            working = participant.employment in ("employed", "unemployed", "long_term_unemployed")
            if person.birthdate and participant.age < WORKING_AGE and working:
                found.append(
                    _(
                        "Aged %(age)s at entry, below working age, yet employed or unemployed",
                        age=participant.age,
                    )
                )
            if participant.education == "isced_5_8" and participant.age_group == "under_18":
                found.append(_("Tertiary education below 18 years of age"))
            if participant.third_country and participant.foreign_background == "no":
                found.append(_("A third-country national without a foreign background"))
            if participant.state == "exited" and not participant.exit_reason:
                found.append(_("Left without a reason for leaving"))
            if (
                participant.follow_up_employed or participant.follow_up_improved
            ) and not participant.follow_up_date:
                found.append(_("Results six months after leaving without a follow-up date"))
            if found:
                problems[participant] = " · ".join(found)
        return problems
