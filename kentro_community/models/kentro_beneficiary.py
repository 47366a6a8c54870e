from contextlib import contextmanager
from datetime import date

from dateutil.relativedelta import relativedelta
from psycopg2 import errors
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.gr import amka as stdnum_amka
from stdnum.gr import vat as stdnum_afm

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression
from odoo.tools import SQL, sql

from ..tools import dates, greek, groups, phones, values

GENDERS = [("female", "Female"), ("male", "Male"), ("other", "Other")]
AGE_BANDS = [("under_18", "Under 18"), ("18_29", "18-29"), ("30_54", "30-54"), ("55_plus", "55+")]
EDUCATION_LEVELS = [
    ("isced_0", "No formal education (ISCED 0)"),
    ("isced_1", "Primary school (ISCED 1)"),
    ("isced_2", "Lower secondary, gymnasium (ISCED 2)"),
    ("isced_3", "Upper secondary, lyceum (ISCED 3)"),
    ("isced_4", "Post-secondary vocational (ISCED 4)"),
    ("isced_5", "Short tertiary (ISCED 5)"),
    ("isced_6", "Bachelor's degree (ISCED 6)"),
    ("isced_7", "Master's degree (ISCED 7)"),
    ("isced_8", "Doctorate (ISCED 8)"),
]
EDUCATION_BANDS = [
    ("isced_0_2", "ISCED 0-2"),
    ("isced_3_4", "ISCED 3-4"),
    ("isced_5_8", "ISCED 5-8"),
]
EMPLOYMENT_STATUSES = [
    ("employed", "Employed"),
    ("self_employed", "Self-employed"),
    ("unemployed", "Unemployed"),
    ("inactive", "Inactive"),
    ("student", "Pupil or student"),
    ("retired", "Retired"),
]
# How the ESF+ indicators (Reg. 2021/1057, Annex I) count the statuses.
ESF_EMPLOYED = ("employed", "self_employed")
ESF_INACTIVE = ("inactive", "student", "retired")
ID_DOCUMENT_TYPES = [
    ("id_card", "Identity card (ΑΔΤ)"),
    ("passport", "Passport"),
    ("residence_permit", "Residence permit"),
    ("asylum_card", "Asylum seeker card"),
    ("adet", "Refugee residence permit (ΑΔΕΤ)"),
    ("other", "Other"),
]


INTAKE_CHANNELS = [
    ("self", "On their own"),
    ("agency", "Referred by an agency"),
    ("school", "School"),
    ("health", "Health service"),
    ("police", "Police or prosecutor"),
    ("municipal", "Another municipal service"),
    ("mobile_unit", "Outreach by the mobile unit"),
    ("roma_mediator", "Outreach by the Roma mediators"),
]


def age_band(age):
    if age < 18:
        return "under_18"
    if age < 30:
        return "18_29"
    if age < 55:
        return "30_54"
    return "55_plus"


# What a file's stored computed fields are, from the person's own values: used
# by the compute methods and, when files are created, on the values directly.
def full_name(last_name, first_name):
    return " ".join(part for part in (last_name, first_name) if part)


def age_values(birthdate, today):
    """Age and age band on ``today`` of a person born on ``birthdate``."""
    if not birthdate:
        return 0, False
    age = relativedelta(today, birthdate).years
    return age, age_band(age)


def is_long_term_unemployed(employment_status, dypa_registration_date, limit):
    """Unemployed and registered at ΔΥΠΑ on or before ``limit``."""
    return (
        employment_status == "unemployed"
        and bool(dypa_registration_date)
        and dypa_registration_date <= limit
    )


def education_band_of(education_level):
    if not education_level:
        return False
    level = int(education_level[-1])
    if level <= 2:
        return "isced_0_2"
    if level <= 4:
        return "isced_3_4"
    return "isced_5_8"


def search_keys(last_name, first_name, father_name):
    """The search key (accent-free), the name key and the phonetic key (the
    sound, for Latin letters and greeklish)."""
    return (
        greek.search_key(last_name, first_name, father_name),
        greek.normalize(f"{last_name or ''} {first_name or ''}"),
        greek.phonetic_key(last_name, first_name, father_name),
    )


NAME_FIELDS = ("first_name", "last_name", "father_name", "mother_name")
# The fields a search by name compares, through the search box and many2ones.
NAME_SEARCH_FIELDS = {
    "display_name",
    "name",
    "search_key",
    "phonetic_key",
    "name_key",
    *NAME_FIELDS,
}

# Kept on the person's contact (related fields of the beneficiary).
CONTACT_FIELDS = ("phone", "mobile", "email", "street", "city", "zip", "lang")


class KentroBeneficiary(models.Model):
    """A person in the Beneficiary Registry (Μητρώο Ωφελουμένων). Name, address,
    phones, e-mail and language live on the person's contact (partner_id), so
    that calendar invitations, mail and letters work as anywhere in Odoo."""

    _name = "kentro.beneficiary"
    _description = "Beneficiary"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "kentro.retention.mixin",
        "kentro.subject.access.mixin",
        "kentro.file.audit.mixin",
        "kentro.beneficiary.import.mixin",
    ]
    _order = "last_name, first_name, id"
    # The list's first page comes from an index in this order. A search by
    # name sorts its matches instead (see search_fetch): walking that index,
    # PostgreSQL would read every name under Α..Ο before reaching the
    # Παπαδόπουλος (at 100,000, «παπαδοπ» took 75 ms instead of 5).
    _kentro_order_index = True
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        required=True,
        ondelete="restrict",
        index=True,
        copy=False,
    )
    name = fields.Char(compute="_compute_name", store=True, precompute=True, index=True)
    first_name = fields.Char(required=True, tracking=True)
    last_name = fields.Char(required=True, tracking=True)
    father_name = fields.Char(string="Father's name", tracking=True)
    mother_name = fields.Char(string="Mother's name", tracking=True)
    birthdate = fields.Date(string="Date of birth", tracking=True)
    gender = fields.Selection(GENDERS, tracking=True)
    age = fields.Integer(compute="_compute_age", store=True, precompute=True, aggregator="avg")
    age_band = fields.Selection(AGE_BANDS, compute="_compute_age", store=True, precompute=True)
    amka = fields.Char(
        string="Social security number (AMKA)", tracking=True, copy=False, index=True
    )
    afm = fields.Char(string="Tax number (AFM)", tracking=True, copy=False, index=True)
    id_document_type = fields.Selection(
        ID_DOCUMENT_TYPES, string="Identity document", tracking=True
    )
    id_document_number = fields.Char(string="Document number", tracking=True, copy=False)
    id_document_expiry = fields.Date(string="Document expiry", tracking=True)
    id_document_expired = fields.Boolean(
        string="Document expired",
        compute="_compute_id_document_expired",
        search="_search_id_document_expired",
    )
    nationality_id = fields.Many2one("res.country", tracking=True)

    # Contact data, kept on the contact
    phone = fields.Char(related="partner_id.phone", readonly=False)
    mobile = fields.Char(related="partner_id.mobile", readonly=False)
    # The numbers as typed stay on the contact; their E.164 form, whatever the
    # spelling, is what the registry's search compares (indexed, with «=»).
    phone_e164 = fields.Char(
        string="Phone (E.164)", compute="_compute_phones_e164", store=True, index=True
    )
    mobile_e164 = fields.Char(
        string="Mobile (E.164)", compute="_compute_phones_e164", store=True, index=True
    )
    email = fields.Char(related="partner_id.email", readonly=False)
    street = fields.Char(related="partner_id.street", readonly=False)
    city = fields.Char(related="partner_id.city", readonly=False)
    zip = fields.Char(related="partner_id.zip", readonly=False)
    lang = fields.Selection(related="partner_id.lang", readonly=False)

    registration_date = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True, index=True
    )
    centre_id = fields.Many2one(
        "kentro.centre",
        string="Registering structure",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self.env.user.kentro_centre_ids[:1],
    )
    company_id = fields.Many2one(
        related="centre_id.company_id",
        store=True,
        precompute=True,
        index=True,
        string="Municipality",
    )
    # Intake: when and how the person first came, and why, as coded needs.
    # How and why are special-category (a prosecutor's referral, violence,
    # addiction): professionals only.
    first_contact_date = fields.Date(
        string="First contact",
        default=fields.Date.context_today,
        tracking=True,
        help="The day the person first came to (or was reached by) the Community Centre.",
    )
    intake_channel = fields.Selection(
        INTAKE_CHANNELS,
        string="How the person came",
        groups=groups.PROFESSIONAL,
        tracking=True,
    )
    referring_agency_id = fields.Many2one(
        "res.partner",
        string="Referred by",
        groups=groups.PROFESSIONAL,
        tracking=True,
        domain="[('kentro_is_agency', '=', True)]",
        help="The agency of the registry that sent the person.",
    )
    intake_need_ids = fields.Many2many(
        "kentro.need",
        "kentro_beneficiary_intake_need_rel",
        string="Reasons for coming",
        groups=groups.PROFESSIONAL,
        tracking=True,
        help="Why the person came, as coded needs of the catalogue.",
    )
    state = fields.Selection(
        [("active", "Active"), ("inactive", "Inactive"), ("closed", "Closed")],
        default="active",
        required=True,
        tracking=True,
        index=True,
    )

    # Household
    household_id = fields.Many2one(
        "kentro.household", index=True, tracking=True, check_company=True
    )
    household_relationship = fields.Selection(
        [
            ("head", "Head of household"),
            ("spouse", "Spouse or partner"),
            ("child", "Child"),
            ("parent", "Parent"),
            ("sibling", "Sibling"),
            ("grandchild", "Grandchild"),
            ("relative", "Other relative"),
            ("other", "Other"),
        ],
        string="Relationship",
        tracking=True,
    )

    # Employment and education
    employment_status = fields.Selection(EMPLOYMENT_STATUSES, tracking=True)
    dypa_registration_date = fields.Date(
        string="ΔΥΠΑ registration",
        tracking=True,
        help="Date of registration as unemployed at ΔΥΠΑ.",
    )
    long_term_unemployed = fields.Boolean(
        compute="_compute_long_term_unemployed", store=True, precompute=True
    )
    education_level = fields.Selection(EDUCATION_LEVELS, tracking=True)
    education_band = fields.Selection(
        EDUCATION_BANDS, compute="_compute_education_band", store=True, precompute=True
    )

    # Special-category data: professionals only, never prefetched for others.
    disability = fields.Boolean(groups=groups.PROFESSIONAL, tracking=True)
    esf_sensitive_refused = fields.Boolean(
        string="Refused to give sensitive data",
        groups=groups.PROFESSIONAL,
        help="The person declined to say whether they have a disability, belong to a minority "
        "or have a foreign background; the ESF+ indicators count the refusals.",
    )
    disability_percentage = fields.Integer(groups=groups.PROFESSIONAL, tracking=True)
    vulnerability_ids = fields.Many2many(
        "kentro.vulnerability",
        string="Vulnerability categories",
        groups=groups.PROFESSIONAL,
        tracking=True,
    )
    presenting_request = fields.Text(
        groups=groups.PROFESSIONAL, help="Why the person came to the centre."
    )
    social_history = fields.Html(
        groups=groups.PROFESSIONAL,
        sanitize=True,
        help="Family, health, housing, income and support network, as told at the interview.",
    )
    assessed_needs = fields.Text(groups=groups.PROFESSIONAL)

    # Work done with the person
    service_ids = fields.One2many("kentro.service", "beneficiary_id", string="Services")
    application_ids = fields.One2many("kentro.application", "beneficiary_id", string="Applications")
    referral_ids = fields.One2many("kentro.referral", "beneficiary_id", string="Referrals")
    consent_ids = fields.One2many("kentro.consent", "beneficiary_id", string="Consents")
    service_count = fields.Integer(compute="_compute_work_counts")
    application_count = fields.Integer(compute="_compute_work_counts")
    referral_count = fields.Integer(compute="_compute_work_counts")
    appointment_count = fields.Integer(compute="_compute_work_counts")
    case_note_ids = fields.One2many(
        "kentro.case.note", "beneficiary_id", string="Case notes", groups=groups.PROFESSIONAL
    )
    timeline_ids = fields.One2many("kentro.beneficiary.timeline", "beneficiary_id", readonly=True)
    need_assessment_ids = fields.One2many(
        "kentro.need.assessment",
        "beneficiary_id",
        string="Needs assessments",
        groups=groups.PROFESSIONAL,
    )
    # Computed, not a one2many with a domain: Odoo would read the domain's
    # field once per file whenever assessments are created.
    current_need_assessment_ids = fields.One2many(
        "kentro.need.assessment",
        string="Current needs",
        compute="_compute_current_need_assessment_ids",
        groups=groups.PROFESSIONAL,
        help="The latest assessment of each need of the person; each keeps its history.",
    )
    support_plan_ids = fields.One2many(
        "kentro.support.plan",
        "beneficiary_id",
        string="Support plans",
        groups=groups.PROFESSIONAL,
    )

    # Search and duplicates
    # Both keys are lower case and accent-free already: searched with LIKE,
    # under trigram indexes made in init() on the columns themselves (Odoo's
    # index="trigram" indexes unaccent(column), which LIKE cannot use).
    search_key = fields.Char(compute="_compute_search_keys", store=True, precompute=True)
    name_key = fields.Char(compute="_compute_search_keys", store=True, precompute=True, index=True)
    phonetic_key = fields.Char(
        string="Greeklish key",
        compute="_compute_search_keys",
        store=True,
        precompute=True,
        help="How the name sounds, the same from Greek and from greeklish spellings.",
    )
    duplicate_ids = fields.Many2many(
        "kentro.beneficiary", string="Possible duplicates", compute="_compute_duplicate_ids"
    )

    _sql_constraints = [
        (
            "amka_company_uniq",
            "unique(amka, company_id)",
            "This ΑΜΚΑ is already registered in the municipality.",
        ),
        (
            "partner_unique",
            "unique(partner_id)",
            "This contact is already the file of another person.",
        ),
        (
            "disability_percentage_range",
            "CHECK(disability_percentage BETWEEN 0 AND 100)",
            "The disability percentage is between 0 and 100.",
        ),
    ]

    # ------------------------------------------------------------------ computes
    def _compute_work_counts(self):
        # Counted, not read: the form's tabs read their lines only when they
        # are opened (widget kentro_tab_list). Under the record rules, as the
        # tabs list them.
        counted = {
            "service_count": ("kentro.service", "beneficiary_id"),
            "application_count": ("kentro.application", "beneficiary_id"),
            "referral_count": ("kentro.referral", "beneficiary_id"),
            "appointment_count": ("calendar.event", "kentro_beneficiary_id"),
        }
        # One query for the four counts: each model's search under its rules
        # (as _read_group makes it), grouped by person, in one UNION ALL.
        counts = {}
        if self.ids:
            selects = []
            for name, (model, field) in counted.items():
                Model = self.env[model]
                query = Model._search([(field, "in", self.ids)])
                query.groupby = Model._field_to_sql(query.table, field, query)
                selects.append(
                    SQL("(%s)", query.select(SQL("%s", name), query.groupby, "COUNT(*)"))
                )
            rows = self.env.execute_query(SQL(" UNION ALL ").join(selects))
            counts = {(name, person_id): count for name, person_id, count in rows}
        for person in self:
            for name in counted:
                person[name] = counts.get((name, person.id), 0)

    def _action_open_work(self, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("beneficiary_id", "=", self.id)]
        action["context"] = {"default_beneficiary_id": self.id}
        return action

    def action_open_services(self):
        return self._action_open_work("kentro_community.kentro_service_action")

    def action_open_applications(self):
        return self._action_open_work("kentro_community.kentro_application_action")

    def action_open_referrals(self):
        return self._action_open_work("kentro_community.kentro_referral_action")

    def action_open_appointments(self):
        action = self._action_open_work("kentro_community.kentro_appointment_action")
        action["domain"] = [("kentro_beneficiary_id", "=", self.id)]
        action["context"] = {
            "default_kentro_beneficiary_id": self.id,
            "default_kentro_centre_id": self.centre_id.id,
        }
        return action

    def action_open_support_plan(self):
        """The file's open support plan, or a new one (a new episode after a
        closed plan, through the closed plan's reopening)."""
        self.ensure_one()
        Plan = self.env["kentro.support.plan"]
        plans = Plan.search([("beneficiary_id", "=", self.id)], order="episode desc, id desc")
        open_plan = plans.filtered(lambda plan: plan.state != "closed")[:1]
        if open_plan:
            return open_plan._action_open_form()
        if plans:
            return plans[:1].action_reopen()
        return {
            "type": "ir.actions.act_window",
            "res_model": Plan._name,
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {"default_beneficiary_id": self.id},
        }

    def action_book_appointment(self):
        """Open the slot finder for this person, at their structure."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Book an appointment"),
            "res_model": "kentro.appointment.finder",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_beneficiary_id": self.id,
                "default_centre_id": self.centre_id.id,
            },
        }

    @api.depends("first_name", "last_name")
    def _compute_name(self):
        for person in self:
            person.name = full_name(person.last_name, person.first_name)

    @api.depends("birthdate")
    def _compute_age(self):
        today = fields.Date.context_today(self)
        for person in self:
            person.age, person.age_band = age_values(person.birthdate, today)

    @api.depends("employment_status", "dypa_registration_date")
    def _compute_long_term_unemployed(self):
        limit = self._long_term_unemployment_limit()
        for person in self:
            person.long_term_unemployed = is_long_term_unemployed(
                person.employment_status, person.dypa_registration_date, limit
            )

    @api.model
    def _long_term_unemployment_limit(self):
        """Registered at ΔΥΠΑ on or before this day: unemployed for 12 months."""
        return fields.Date.context_today(self) - relativedelta(months=12)

    @api.depends("education_level")
    def _compute_education_band(self):
        for person in self:
            person.education_band = education_band_of(person.education_level)

    @api.depends("id_document_expiry")
    def _compute_id_document_expired(self):
        today = fields.Date.context_today(self)
        for person in self:
            person.id_document_expired = (
                bool(person.id_document_expiry) and person.id_document_expiry < today
            )

    def _search_id_document_expired(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(self.env._("Unsupported search on expired documents."))
        expired = [("id_document_expiry", "<", fields.Date.context_today(self))]
        return expired if (operator == "=") == value else ["!", *expired]

    def init(self):
        result = super().init()
        # Name search: LIKE on the keys (lower case, accent-free) under trigram
        # indexes on the columns; the index Odoo made on unaccent(search_key)
        # before is dropped (an index to write that no search uses).
        sql.drop_index(self.env.cr, "kentro_beneficiary__search_key_index", self._table)
        if self.env.registry.has_trigram:
            for column in ("search_key", "phonetic_key"):
                sql.create_index(
                    self.env.cr,
                    f"kentro_beneficiary_{column}_trgm",
                    self._table,
                    [f"{column} gin_trgm_ops"],
                    method="gin",
                )
        return result

    @api.depends("first_name", "last_name", "father_name")
    def _compute_search_keys(self):
        for person in self:
            person.search_key, person.name_key, person.phonetic_key = search_keys(
                person.last_name, person.first_name, person.father_name
            )

    @api.depends("name_key", "birthdate")
    def _compute_duplicate_ids(self):
        for person in self:
            if not (person.first_name and person.last_name and person.birthdate):
                person.duplicate_ids = False
                continue
            domain = [("name_key", "=", person.name_key), ("birthdate", "=", person.birthdate)]
            if person._origin.id:
                domain.append(("id", "!=", person._origin.id))
            person.duplicate_ids = self.search(domain, limit=10)

    @api.onchange("first_name", "last_name", "birthdate")
    def _onchange_warn_duplicates(self):
        if self.duplicate_ids:
            return {
                "warning": {
                    "title": self.env._("Possible duplicate"),
                    "message": self.env._(
                        "Already registered with the same name and date of birth: %(names)s. "
                        "Open the existing file instead of registering the person again.",
                        names=", ".join(self.duplicate_ids.mapped("display_name")),
                    ),
                }
            }

    @api.depends("partner_id.phone", "partner_id.mobile")
    def _compute_phones_e164(self):
        for person in self:
            person.phone_e164 = phones.e164(person.phone) or False
            person.mobile_e164 = phones.e164(person.mobile) or False

    def _kentro_name_in(self, lang, name=None):
        """The name (or ``name``) as a document in ``lang`` prints it: as
        written for Greek, else in the official Latin form (ELOT 743), which a
        reader of another language can read and which matches a Greek
        passport."""
        name = self.name if name is None else name
        if not name or (lang or "el_GR").startswith("el"):
            return name or ""
        return greek.elot743(name)

    def _compute_display_name(self):
        for person in self:
            person.display_name = person.name or ""

    # -------------------------------------------------------------------- search
    @api.model
    def _search_display_name(self, operator, value):
        """Staff type a name with or without accents, in any case, in Latin
        letters or greeklish, or an ΑΜΚΑ, ΑΦΜ or phone number."""
        if operator not in ("ilike", "like", "=ilike", "=like") or not isinstance(value, str):
            return super()._search_display_name(operator, value)
        text = value.strip()
        if not text:
            return expression.TRUE_DOMAIN
        if phones.looks_like_number(text):
            digits = phones.compact(text)
            domain = self._kentro_phone_domain(text)
            if digits.isdigit() and len(digits) == 11:
                domain = expression.OR([domain, [("amka", "=", digits)]])
            if digits.isdigit() and len(digits) == 9:
                domain = expression.OR([domain, [("afm", "=", digits)]])
            return domain
        # The keys are lower case and accent-free: LIKE, without unaccent() on
        # every row, one short key and one pattern per search, under the key's
        # own trigram index.
        if greek.has_greek(text):
            # Typed in Greek: the spelling, anywhere in the name.
            return [("search_key", "like", greek.normalize(text))]
        # Typed in Latin letters, as ELOT 743 or as greeklish (Xristos,
        # Giwrgos, 8eodwrou): by sound, from the start of a word.
        sound = greek.phonetic(text, typed=True)
        if not sound.replace("_", ""):
            return [("search_key", "like", greek.normalize(text))]
        return [("phonetic_key", "=like", f"% {sound}%")]

    @api.model
    def search_fetch(self, domain, field_names, offset=0, limit=None, order=None):
        if self._kentro_searches_names(domain):
            order = self._kentro_matches_order(order or self._order)
        return super().search_fetch(domain, field_names, offset=offset, limit=limit, order=order)

    @api.model
    def _kentro_searches_names(self, domain):
        """Whether ``domain`` looks for a name (typed in the search box, a
        many2one, or by a filter on a name field)."""
        return any(
            isinstance(leaf, (list, tuple))
            and len(leaf) == 3
            and isinstance(leaf[0], str)
            and leaf[0].split(".")[0] in NAME_SEARCH_FIELDS
            and "like" in str(leaf[1])
            for leaf in domain or ()
        )

    @api.model
    def _kentro_matches_order(self, order):
        """The same order, written so that no index can give it: the
        matches, found by the trigram indexes, are sorted. The names are never
        empty (NOT NULL), so placing empty ones first or last changes
        nothing but the plan."""
        terms = []
        for term in order.split(","):
            words = term.split()
            if len(words) in (1, 2) and words[0] in ("last_name", "first_name"):
                descending = len(words) == 2 and words[1].lower() == "desc"
                term = (
                    f"{words[0]} desc nulls last" if descending else f"{words[0]} asc nulls first"
                )
            terms.append(term.strip())
        return ", ".join(terms)

    @api.model
    def _kentro_phone_domain(self, text):
        """Who has the number ``text`` as phone or mobile, however it is
        spelled: a whole number by its E.164 form (the indexed fields, compared
        with «=»), a part of one (the last digits) among the digits."""
        number = phones.e164(text)
        if number:
            return expression.OR([[("phone_e164", "=", number)], [("mobile_e164", "=", number)]])
        digits = phones.digits_of(text)
        return expression.OR([[("phone_e164", "like", digits)], [("mobile_e164", "like", digits)]])

    @api.model
    def web_search_read(
        self, domain, specification, offset=0, limit=None, order=None, count_limit=None
    ):
        # The registry opens on a search box, not on a list of everyone: with no
        # criterion at all, the list stays empty until staff type something.
        if self.env.context.get("kentro_search_first") and not domain:
            domain = expression.FALSE_DOMAIN
        return super().web_search_read(
            domain, specification, offset=offset, limit=limit, order=order, count_limit=count_limit
        )

    # Reads and exports of files are audited by kentro.file.audit.mixin.

    # ---------------------------------------------------------------- validation
    @api.constrains("amka", "birthdate")
    def _check_amka(self):
        for person in self.filtered("amka"):
            try:
                stdnum_amka.validate(person.amka)
            except StdnumError:
                raise ValidationError(
                    self.env._(
                        "The ΑΜΚΑ %(amka)s of %(name)s is not valid: an ΑΜΚΑ has 11 digits, "
                        "starts with the date of birth (DDMMYY) and ends with a check digit. "
                        "Check it against the person's ΑΜΚΑ certificate.",
                        amka=person.amka,
                        name=person.name,
                    )
                ) from None
            if person.birthdate and person.amka[:6] != person.birthdate.strftime("%d%m%y"):
                raise ValidationError(
                    self.env._(
                        "The ΑΜΚΑ %(amka)s of %(name)s starts with %(encoded)s, but the date of "
                        "birth is %(birthdate)s: correct the ΑΜΚΑ or the date of birth.",
                        amka=person.amka,
                        name=person.name,
                        encoded=person.amka[:6],
                        birthdate=person.birthdate.strftime("%d/%m/%Y"),
                    )
                )

    @api.constrains("afm")
    def _check_afm(self):
        for person in self.filtered("afm"):
            if not stdnum_afm.is_valid(person.afm):
                raise ValidationError(
                    self.env._(
                        "The ΑΦΜ %(afm)s of %(name)s is not valid: an ΑΦΜ has 9 digits and "
                        "ends with a check digit. Check it against a tax document.",
                        afm=person.afm,
                        name=person.name,
                    )
                )

    @api.depends("need_assessment_ids.is_current")
    def _compute_current_need_assessment_ids(self):
        # One search of the current ones (is_current is stored), under the
        # assessments' rules as the one2many reads them, in the same order.
        Assessment = self.env["kentro.need.assessment"]
        current = Assessment.search_fetch(
            [("beneficiary_id", "in", self._origin.ids), ("is_current", "=", True)],
            ["beneficiary_id"],
        )
        by_person = current.grouped("beneficiary_id")
        for person in self:
            person.current_need_assessment_ids = by_person.get(person._origin, Assessment)

    @api.constrains("intake_channel", "referring_agency_id")
    def _check_referring_agency(self):
        for person in self:
            agency = person.referring_agency_id
            if agency and not agency.kentro_is_agency:
                raise ValidationError(
                    self.env._(
                        "«Referred by» names %(agency)s, which is not an agency of the registry. "
                        "Choose an agency, or register it in the Agency Registry first.",
                        agency=agency.display_name,
                    )
                )
            if agency and person.intake_channel not in (False, "agency"):
                raise ValidationError(
                    self.env._(
                        "%(name)s came through «%(channel)s», not referred by an agency: clear "
                        "«Referred by» or choose «Referred by an agency».",
                        name=person.name,
                        channel=dict(
                            person._fields["intake_channel"]._description_selection(self.env)
                        )[person.intake_channel],
                    )
                )

    @api.constrains("first_contact_date")
    def _check_first_contact_date(self):
        today = fields.Date.context_today(self)
        for person in self.filtered("first_contact_date"):
            if person.first_contact_date > today:
                raise ValidationError(
                    self.env._(
                        "The date of first contact of %(name)s, %(date)s, is in the future.",
                        name=person.name,
                        date=person.first_contact_date.strftime("%d/%m/%Y"),
                    )
                )

    @api.constrains("birthdate")
    def _check_birthdate(self):
        today = fields.Date.context_today(self)
        for person in self.filtered("birthdate"):
            if person.birthdate > today:
                raise ValidationError(
                    self.env._(
                        "The date of birth of %(name)s, %(birthdate)s, is in the future.",
                        name=person.name,
                        birthdate=person.birthdate.strftime("%d/%m/%Y"),
                    )
                )
            if person.birthdate < date(today.year - 120, 1, 1):
                raise ValidationError(
                    self.env._(
                        "The date of birth of %(name)s, %(birthdate)s, is more than 120 years ago.",
                        name=person.name,
                        birthdate=person.birthdate.strftime("%d/%m/%Y"),
                    )
                )

    def _check_amka_free(self, amka_centres):
        """Refuse an ΑΜΚΑ already registered in the municipality (or given twice
        in one batch), naming the existing file when the user may open it.
        ``amka_centres`` lists (ΑΜΚΑ, structure id) pairs; one query for all."""
        amka_centres = [(amka, centre_id) for amka, centre_id in amka_centres if amka]
        if not amka_centres:
            return
        company_of = self._company_of_centres(centre_id for _amka, centre_id in amka_centres)
        wanted = set()
        for amka, centre_id in amka_centres:
            key = (amka, company_of.get(centre_id))
            if key in wanted:
                raise ValidationError(
                    self.env._(
                        "ΑΜΚΑ %(amka)s is given to two of the people being registered.", amka=amka
                    )
                )
            wanted.add(key)
        # sudo: an ΑΜΚΑ is unique in the whole municipality, files the user may
        # not read included; the message below names a file only to who may read it.
        candidates = (
            self.sudo()
            .with_context(active_test=False)
            .search(
                [("amka", "in", [amka for amka, _centre in wanted]), ("id", "not in", self.ids)]
            )
        )
        existing = candidates.filtered(
            lambda person: (person.amka, person.company_id.id) in wanted
        )[:1]
        if not existing:
            return
        if existing.with_user(self.env.user).has_access("read"):
            raise ValidationError(
                self.env._(
                    "ΑΜΚΑ %(amka)s is already registered: %(name)s (%(centre)s). Open that file "
                    "instead of registering the person again.",
                    amka=existing.amka,
                    name=existing.name,
                    centre=existing.centre_id.name,
                )
            )
        raise ValidationError(
            self.env._(
                "ΑΜΚΑ %(amka)s is already registered at another structure of the municipality. "
                "Ask the head of centre to give you access to that file.",
                amka=existing.amka,
            )
        )

    @api.model
    def _company_of_centres(self, centre_ids):
        """{structure id: its municipality's company id} for the given ids
        (empty ones ignored), read in one query whatever the user may see."""
        # sudo: only each structure's municipality is read; nothing reaches the user.
        centres = self.env["kentro.centre"].sudo().browse({cid for cid in centre_ids if cid})
        return {centre.id: centre.company_id.id for centre in centres}

    # ---------------------------------------------------------------------- CRUD
    @api.model
    def _normalize_identifiers(self, vals):
        """Identifiers without spaces and names as staff expect them (composed,
        with the final sigma); a value that is not what its field holds, or a
        name no person has, is refused naming the field."""
        values.check_values(self, vals)
        # Typed numbers are kept as typed, once they are known to be numbers.
        for field in ("phone", "mobile"):
            phones.check(self, vals.get(field))
        for field in ("amka", "afm"):
            if vals.get(field):
                vals[field] = "".join(str(vals[field]).split())
        for field in NAME_FIELDS:
            if vals.get(field):
                name = str(vals[field])
                # What Kentro itself writes (the «#id» of an anonymised file)
                # is no name typed by staff.
                vals[field] = (
                    values.clean_name(name) if self.env.su else values.check_name(self, field, name)
                )
        return vals

    @api.model
    def _check_required_values(self, vals_list):
        """A clear refusal before the database's NOT NULL would refuse the row."""
        for vals in vals_list:
            for name in ("last_name", "first_name", "centre_id"):
                if not vals.get(name):
                    raise ValidationError(
                        self.env._(
                            "%(field)s is required: the file of %(name)s cannot be saved "
                            "without it.",
                            field=self._fields[name]._description_string(self.env),
                            name=" ".join(
                                filter(None, (vals.get("last_name"), vals.get("first_name")))
                            )
                            or self.env._("a new person"),
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        # Before the ΑΜΚΑ check below reads the structure's municipality as
        # superuser: a structure the user may not read must not become an
        # oracle of the ΑΜΚΑ registered there.
        self._kentro_check_links(vals_list)
        # The values are completed below (structure, contact): on copies, so
        # that a caller retrying with the same values (Odoo's import does, row
        # by row, after a failed batch) does not reuse a contact rolled back.
        vals_list = [dict(vals) for vals in vals_list]
        default_centre = self.default_get(["centre_id"]).get("centre_id")
        for vals in vals_list:
            self._normalize_identifiers(vals)
            if default_centre and not vals.get("centre_id"):
                # The contact is created first, in the structure's municipality.
                vals["centre_id"] = default_centre
        self._check_required_values(vals_list)
        self._check_amka_free([(vals.get("amka"), vals.get("centre_id")) for vals in vals_list])
        partner_vals = [vals for vals in vals_list if not vals.get("partner_id")]
        if partner_vals:
            # One contact per person, created in one batch with the person's
            # address and phones (written through the related fields they would
            # cost one contact update per field and person).
            # The person's creation is logged on the file, not again on the
            # contact, which nobody follows (no chatter work at all for it).
            partners = (
                self.env["res.partner"]
                .sudo()
                .with_context(tracking_disable=True)
                .create([self._partner_values(vals) for vals in partner_vals])
            )
            for vals, partner in zip(partner_vals, partners, strict=True):
                vals["partner_id"] = partner.id
                # The numbers' normal forms, known here: no recompute per person.
                vals["phone_e164"] = phones.e164(partner.phone) or False
                vals["mobile_e164"] = phones.e164(partner.mobile) or False
        # Whoever registers the person does not become a follower of the file:
        # a file's messages carry special-category data and must not be
        # e-mailed to the receptionist who happened to open it.
        with self._amka_race_guard():
            people = super(
                KentroBeneficiary, self.with_context(mail_create_nosubscribe=True)
            ).create(vals_list)
        return people.with_env(self.env)

    # Odoo internal: see docs/odoo-internals.md
    def _add_precomputed_values(self, vals_list):
        """Odoo computes the stored fields of new files on a temporary record
        per person (``new()``): registering thousands at once, that costs more
        than writing them. The fields that follow from the person's own values
        are set here from the values, by the functions their compute methods
        use; the ORM computes whatever remains (another addon's) its own way."""
        today = fields.Date.context_today(self)
        limit = self._long_term_unemployment_limit()
        company_of = self._company_of_centres(vals.get("centre_id") for vals in vals_list)

        def given(vals, name):
            # The value as the person's record would hold it (dates as dates…).
            field = self._fields[name]
            return field.convert_to_record(field.convert_to_cache(vals.get(name), self), self)

        for vals in vals_list:
            last_name, first_name = given(vals, "last_name"), given(vals, "first_name")
            age, band = age_values(given(vals, "birthdate"), today)
            search_key, name_key, phonetic_key = search_keys(
                last_name, first_name, given(vals, "father_name")
            )
            computed = {
                "name": full_name(last_name, first_name),
                "age": age,
                "age_band": band,
                "company_id": company_of.get(vals.get("centre_id"), False),
                "long_term_unemployed": is_long_term_unemployed(
                    given(vals, "employment_status"), given(vals, "dypa_registration_date"), limit
                ),
                "education_band": education_band_of(given(vals, "education_level")),
                "search_key": search_key,
                "name_key": name_key,
                "phonetic_key": phonetic_key,
            }
            for name, value in computed.items():
                vals.setdefault(name, value)
        return super()._add_precomputed_values(vals_list)

    @contextmanager
    def _amka_race_guard(self):
        """Two registrations of the same ΑΜΚΑ at the same moment both pass the
        check above; PostgreSQL's unique index refuses the second, and its
        user reads why, in their language."""
        try:
            with self.env.cr.savepoint(flush=False):
                yield
                self.env.flush_all()
        except errors.UniqueViolation as error:
            if error.diag.constraint_name != "kentro_beneficiary_amka_company_uniq":
                raise
            raise ValidationError(
                self.env._(
                    "This ΑΜΚΑ has just been registered, perhaps by a colleague at this very "
                    "moment. Search for it and open that file instead of registering the "
                    "person again."
                )
            ) from None

    def _partner_values(self, vals):
        """The new contact of the person in ``vals``; the contact fields move
        from ``vals`` to the contact."""
        name = full_name(vals.get("last_name"), vals.get("first_name"))
        # sudo: only the structure's municipality, the new contact's company.
        centre = self.env["kentro.centre"].browse(vals.get("centre_id")).sudo()
        contact = {field: vals.pop(field) for field in CONTACT_FIELDS if field in vals}
        return {
            **contact,
            "name": name or "?",
            "type": "contact",
            "company_id": centre.company_id.id or self.env.company.id,
            "lang": contact.get("lang") or self.env.lang,
            # A person's contact has no company above it, hence no salesperson
            # to inherit: said here, the ORM need not build a temporary contact
            # per person to find out.
            "user_id": False,
        }

    def write(self, vals):
        self._kentro_check_links([vals])  # before the ΑΜΚΑ check, as in create
        vals = self._normalize_identifiers(dict(vals))
        if vals.get("amka"):
            self._check_amka_free(
                [(vals["amka"], vals.get("centre_id") or person.centre_id.id) for person in self]
            )
            with self._amka_race_guard():
                result = super().write(vals)
        else:
            result = super().write(vals)
        if {"first_name", "last_name"} & vals.keys():
            for person in self:
                # sudo: the person's contact takes the name the user has just
                # written on the file; nothing is read.
                person.partner_id.sudo().name = person.name
        return result

    @api.model
    def _cron_refresh_age_and_unemployment(self):
        """Ages and long-term unemployment change with the calendar, not with
        edits: recompute those whose birthday or ΔΥΠΑ anniversary is today."""
        self = dates.in_greek_time(self)
        today = fields.Date.context_today(self)
        self.env.cr.execute(
            SQL(
                """SELECT id FROM kentro_beneficiary
                    WHERE (EXTRACT(MONTH FROM birthdate), EXTRACT(DAY FROM birthdate)) = (%s, %s)
                       OR (employment_status = 'unemployed' AND dypa_registration_date
                           BETWEEN %s AND %s)""",
                today.month,
                today.day,
                today - relativedelta(months=12, days=7),
                today - relativedelta(months=12),
            )
        )
        people = self.browse([row[0] for row in self.env.cr.fetchall()])
        for fname in ("age", "age_band", "long_term_unemployed"):
            self.env.add_to_compute(self._fields[fname], people)
        people.flush_recordset()
