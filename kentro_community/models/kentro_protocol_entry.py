from psycopg2 import errors

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, format_date

from ..tools import dates, groups

DIRECTIONS = [("outgoing", "Outgoing"), ("incoming", "Incoming")]
DOCUMENT_KINDS = [
    ("social_report", "Social report"),
    ("certificate", "Certificate"),
    ("referral_letter", "Referral letter"),
    ("incoming_request", "Incoming request"),
    ("other", "Other document"),
]
CERTIFICATE_KINDS = [
    ("attendance", "Attendance at the Centre"),
    ("support", "Support received"),
    ("registration", "Registration in the registry"),
]
# What nobody changes once an entry is in the register, not even a manager.
FIXED_FIELDS = {"company_id", "year", "number", "date", "direction"}


class KentroProtocolEntry(models.Model):
    """An entry of a municipality's protocol register (Αρ. Πρωτ.): a document
    that leaves the Community Centre (a social report, a certificate, a
    referral letter) or one that comes in (a school asking for a social
    report), numbered per municipality, direction and year.

    The number and the date are given once, when the entry is created, and
    never change; a document printed again shows its entry's number."""

    _name = "kentro.protocol.entry"
    _description = "Protocol register entry"
    _order = "year desc, number desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Protocol number", compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company",
        string="Municipality",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.company,
    )
    year = fields.Integer(readonly=True, index=True, aggregator=None)
    number = fields.Integer(readonly=True, index=True, aggregator=None)
    date = fields.Date(readonly=True, index=True)
    direction = fields.Selection(DIRECTIONS, required=True, default="outgoing", index=True)
    document_kind = fields.Selection(
        DOCUMENT_KINDS, string="Document", required=True, default="other", index=True
    )
    subject = fields.Char(required=True)
    correspondent_id = fields.Many2one(
        "res.partner",
        string="Recipient or sender",
        check_company=True,
        index=True,
        help="The agency, school or court the document goes to or comes from.",
    )
    correspondent = fields.Char(
        string="Recipient or sender (text)",
        help="When the recipient or sender is not in the contacts: e.g. a person or an office.",
    )
    beneficiary_id = fields.Many2one(
        "kentro.beneficiary",
        check_company=True,
        index=True,
        ondelete="restrict",
    )
    res_model = fields.Char(string="Document model", readonly=True, index=True)
    res_id = fields.Many2oneReference(
        string="Document record", model_field="res_model", readonly=True, index=True
    )
    request_id = fields.Many2one(
        "kentro.protocol.entry",
        string="In reply to",
        check_company=True,
        domain="[('direction', '=', 'incoming'), ('company_id', '=', company_id)]",
        help="The incoming request this document answers.",
    )
    user_id = fields.Many2one(
        "res.users", string="Registered by", readonly=True, default=lambda self: self.env.user
    )
    # What the printed document says beyond the file itself.
    proposal = fields.Text(
        groups=groups.PROFESSIONAL, help="The social report's assessment and proposal."
    )
    certificate_kind = fields.Selection(CERTIFICATE_KINDS, string="The certificate attests")
    period_from = fields.Date(string="From")
    period_to = fields.Date(string="To")
    certificate_note = fields.Text(
        string="Additional text", groups=groups.PROFESSIONAL, help="Printed on the certificate."
    )

    _sql_constraints = [
        (
            "number_uniq",
            "unique(company_id, direction, year, number)",
            "This protocol number is already in the register of this municipality and year.",
        ),
    ]

    @api.depends("number", "year")
    def _compute_name(self):
        for entry in self:
            entry.name = f"{entry.number}/{entry.year}" if entry.number else False

    def _compute_display_name(self):
        for entry in self:
            if not entry.number:
                entry.display_name = entry.subject or ""
                continue
            entry.display_name = self.env._(
                "Prot. No. %(number)s – %(date)s",
                number=entry.name,
                date=format_date(self.env, entry.date),
            )

    # ---------------------------------------------------------------- numbering
    @api.model_create_multi
    def create(self, vals_list):
        if self.env.cr.readonly:
            # A print over GET /report/… runs read-only: Odoo retries the
            # request read/write on this error. Raised here rather than by
            # PostgreSQL, which would log the refused INSERT as an error first.
            raise errors.ReadOnlySqlTransaction("a protocol number is drawn in a read-only request")
        today = dates.greek_today()
        for vals in vals_list:
            company = self.env["res.company"].browse(vals.get("company_id") or self.env.company.id)
            day = fields.Date.to_date(vals.get("date")) if self.env.su else None
            day = day or today
            direction = vals.get("direction") or "outgoing"
            vals.update(
                company_id=company.id,
                date=day,
                year=day.year,
                number=self._next_number(company, direction, day),
            )
            if not self.env.su:
                vals["user_id"] = self.env.uid
        return super().create(vals_list)

    @api.model
    def _next_number(self, company, direction, day):
        """The next number of ``company``'s register in ``direction`` for the
        year of ``day``, from the municipality's own ir.sequence.

        The sequence is "standard": a PostgreSQL sequence, whose nextval()
        never waits on another transaction and never gives the same number
        twice. "no_gap" would take ``SELECT … FOR UPDATE NOWAIT`` on the
        sequence row and keep the lock until commit: the second of two people
        printing at the same moment would fail at once (LockNotAvailable) and
        the lock would be held while the PDF renders. The price of "standard"
        is a gap when a print's transaction rolls back after drawing its
        number; the register shows the gap, it never shows a number twice."""
        sequence = self._sequence(company, direction)
        # sudo: the sequence's yearly ranges are configuration the user does
        # not read; only whether this year's exists is asked.
        ranges = self.env["ir.sequence.date_range"].sudo()
        if not ranges.search_count(
            [("sequence_id", "=", sequence.id), ("date_from", "<=", day), ("date_to", ">=", day)],
            limit=1,
        ):
            # Odoo creates the year's range (and its PostgreSQL sequence) on
            # first use: two first prints of a year would each create one and
            # both print number 1. Writing the sequence row first makes the
            # second transaction wait for the first and fail to serialise;
            # Odoo retries it, and it finds the range the first one made.
            self._serialise_on(sequence._table, sequence.id)
        return int(sequence._next(sequence_date=day))

    @api.model
    def _sequence(self, company, direction):
        """The register's sequence of ``company`` in ``direction``, created
        the first time the municipality numbers a document."""
        code = f"{self._name}.{direction}"
        # sudo: sequences are configuration; the user only draws the next
        # number of their own municipality's register, never reads another.
        Sequence = self.env["ir.sequence"].sudo()
        sequence = Sequence.search([("code", "=", code), ("company_id", "=", company.id)], limit=1)
        if not sequence:
            # Two first prints of a municipality would create two sequences:
            # the second transaction waits for the first and fails to
            # serialise, and Odoo retries it (see _next_number).
            self._serialise_on("res_company", company.id)
            label = dict(self._fields["direction"]._description_selection(self.env))[direction]
            sequence = Sequence.create(
                {
                    "name": f"{self._description} – {label} – {company.name}",
                    "code": code,
                    "company_id": company.id,
                    "implementation": "standard",
                    "use_date_range": True,
                    "padding": 0,
                    "number_next": 1,
                }
            )
        return sequence

    @api.model
    def _serialise_on(self, table, row_id):
        self.env.cr.execute(
            SQL(
                "UPDATE %s SET write_date = write_date WHERE id = %s",
                SQL.identifier(table),
                row_id,
            )
        )

    @api.model
    def _kentro_register(self, kind, subject, beneficiary=None, document=None, **values):
        """A new outgoing entry numbering a document of ``kind``: the one way
        the documents' code takes a number (the mixin, the wizards)."""
        beneficiary = beneficiary or self.env["kentro.beneficiary"]
        company = beneficiary.company_id
        if not company and document and "company_id" in document._fields:
            company = document.company_id
        return self.create(
            {
                "direction": "outgoing",
                "document_kind": kind,
                "subject": subject,
                "company_id": (company or self.env.company).id,
                "beneficiary_id": beneficiary.id,
                "res_model": document._name if document else False,
                "res_id": document.id if document else False,
                **values,
            }
        )

    @api.model
    def _kentro_print_for(self, person, kind, subject, report_xmlid, refusal, **values):
        """Register and print a document of ``kind`` about ``person`` (the
        social report, a certificate): only a professional who may read the
        file prints it; ``refusal`` says so to the others."""
        if not self.env.user.has_group(groups.PROFESSIONAL):
            raise AccessError(refusal)
        person.check_access("read")
        entry = self._kentro_register(kind, subject, beneficiary=person, document=person, **values)
        return self.env.ref(report_xmlid).report_action(entry)

    def _kentro_check_print(self, kind, refusal):
        """Before rendering these entries as a document of ``kind``, by any
        route: only professionals who may read the files print them, and
        each print goes into the files' access log."""
        if not self.env.su and (
            not self.env.user.has_group(groups.PROFESSIONAL)
            or any(entry.document_kind != kind for entry in self)
        ):
            raise AccessError(refusal)
        people = self.beneficiary_id
        people.check_access("read")
        self.env["kentro.audit.log"]._log("print_document", people)
        return people

    # ------------------------------------------------------------------ editing
    def write(self, vals):
        if self.env.su:
            # Erasure blanks the subject; nothing else writes as superuser.
            fixed = FIXED_FIELDS & vals.keys()
        else:
            if not self.env.user.has_group(groups.MANAGER):
                raise AccessError(
                    self.env._(
                        "An entry of the protocol register cannot be changed once registered. "
                        "Ask an administrator to correct it."
                    )
                )
            fixed = (FIXED_FIELDS | {"res_model", "res_id", "user_id"}) & vals.keys()
        if fixed:
            raise UserError(
                self.env._(
                    "The protocol number, its date, year, direction and municipality never "
                    "change. Register a new entry instead."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_by_manager(self):
        if not (self.env.su or self.env.user.has_group(groups.MANAGER)):
            raise AccessError(
                self.env._(
                    "An entry of the protocol register cannot be deleted. "
                    "Ask an administrator if it was registered by mistake."
                )
            )

    def action_print(self):
        """Print the entry's document again: the same number and date."""
        self.ensure_one()
        reports = {
            "social_report": "kentro_community.kentro_social_report_action",
            "certificate": "kentro_community.kentro_certificate_action",
        }
        if self.document_kind == "referral_letter" and self.res_model == "kentro.referral":
            referral = self.env["kentro.referral"].browse(self.res_id)
            return referral.action_print_letter()
        if self.document_kind not in reports:
            raise UserError(self.env._("Only the documents Kentro prints can be printed again."))
        return self.env.ref(reports[self.document_kind]).report_action(self)
