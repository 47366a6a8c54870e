from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.kentro_community.tools import dates

DOCUMENT_KINDS = [
    ("residence_permit", "Residence permit"),
    ("adet", "Refugee residence permit (ΑΔΕΤ)"),
    ("asylum_card", "Asylum seeker card"),
    ("other", "Other document"),
]
PERMIT_TYPES = [
    ("employment", "Employment"),
    ("family", "Family reunification"),
    ("humanitarian", "Humanitarian reasons"),
    ("long_term", "Long-term resident"),
    ("studies", "Studies"),
    ("other", "Other"),
]
# Which legal status each document belongs to.
KIND_STATUS = {
    "residence_permit": "third_country",
    "adet": "international_protection",
    "asylum_card": "asylum_seeker",
}


class KentroMigrantDocument(models.Model):
    """A residence permit, ΑΔΕΤ or asylum seeker card of a beneficiary, with
    its dates: the annex is warned before it expires."""

    _name = "kentro.migrant.document"
    _description = "Permit or card"
    _inherit = ["kentro.casework.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "expiry_date, id"
    _rec_name = "number"

    kind = fields.Selection(DOCUMENT_KINDS, string="Document", required=True, tracking=True)
    permit_type = fields.Selection(PERMIT_TYPES, string="Type of permit", tracking=True)
    number = fields.Char(required=True, tracking=True)
    issue_date = fields.Date(string="Issued on", tracking=True)
    expiry_date = fields.Date(string="Expires on", required=True, tracking=True, index=True)
    user_id = fields.Many2one(
        "res.users", string="Followed by", default=lambda self: self.env.user, tracking=True
    )
    expiry_state = fields.Selection(
        [("valid", "Valid"), ("expiring", "Expiring soon"), ("expired", "Expired")],
        compute="_compute_expiry_state",
    )
    expiry_alerted = fields.Boolean(
        string="Expiry alert sent", copy=False, help="Set when the expiry to-do is scheduled."
    )

    @api.depends("expiry_date", "company_id.kentro_expiry_alert_days")
    def _compute_expiry_state(self):
        today = fields.Date.context_today(self)
        for document in self:
            days = document.company_id.kentro_expiry_alert_days or 60
            if not document.expiry_date or document.expiry_date > today + relativedelta(days=days):
                document.expiry_state = "valid"
            elif document.expiry_date >= today:
                document.expiry_state = "expiring"
            else:
                document.expiry_state = "expired"

    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for document in self:
            document.display_name = (
                f"{kinds.get(document.kind, '')} {document.number or ''}".strip()
            )

    @api.constrains("issue_date", "expiry_date")
    def _check_dates(self):
        today = fields.Date.context_today(self)
        for document in self:
            if document.issue_date and document.issue_date > today:
                raise ValidationError(
                    self.env._(
                        "A document cannot be issued in the future (%(number)s).",
                        number=document.number,
                    )
                )
            if document.issue_date and document.expiry_date <= document.issue_date:
                raise ValidationError(
                    self.env._(
                        "Document %(number)s expires before it was issued: check the dates.",
                        number=document.number,
                    )
                )

    @api.constrains("kind", "permit_type", "beneficiary_id")
    def _check_kind_matches_status(self):
        statuses = dict(
            self.env["kentro.beneficiary"]
            ._fields["migrant_status"]
            ._description_selection(self.env)
        )
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for document in self:
            if document.kind == "residence_permit" and not document.permit_type:
                raise ValidationError(self.env._("Say which type of residence permit it is."))
            expected = KIND_STATUS.get(document.kind)
            # Read as superuser to compare: the person may be one the user
            # cannot read, who is then not named (nor their status) below.
            status = document.beneficiary_id.sudo().migrant_status
            if expected and status != expected:
                if not document.beneficiary_id.has_access("read"):
                    raise ValidationError(
                        self.env._(
                            "This document does not match the person's legal status, or the "
                            "person is not one of your structure's: check the person and "
                            "the document."
                        )
                    )
                raise ValidationError(
                    self.env._(
                        "A %(document)s belongs to the legal status «%(expected)s», but "
                        "%(person)s is recorded as «%(status)s». Correct the legal status "
                        "first.",
                        document=kinds[document.kind],
                        expected=statuses[expected],
                        person=document.beneficiary_id.name,
                        status=statuses.get(status) or self.env._("not recorded"),
                    )
                )

    def write(self, vals):
        if "expiry_date" in vals:
            # A renewed document is watched again.
            vals = {**vals, "expiry_alerted": False}
        return super().write(vals)

    @api.model
    def _cron_expiry_alerts(self):
        """A to-do for the person who follows each permit or card, the
        municipality's number of days before it expires (expired ones too,
        once)."""
        self = dates.in_greek_time(self)
        today = fields.Date.context_today(self)
        todo = self.env.ref("mail.mail_activity_data_todo")
        for company in self.env["res.company"].search([]):
            horizon = today + relativedelta(days=company.kentro_expiry_alert_days or 60)
            due = self.search(
                [
                    ("company_id", "=", company.id),
                    ("expiry_date", "<=", horizon),
                    ("expiry_alerted", "=", False),
                ]
            )
            # Written by a cron, read by the structure's staff: in their language.
            readers = self.with_context(lang=company._kentro_lang())
            for document in due:
                document.activity_schedule(
                    activity_type_id=todo.id,
                    date_deadline=max(document.expiry_date, today),
                    summary=readers.env._(
                        "%(document)s of %(person)s expires on %(date)s",
                        document=document.with_env(readers.env).display_name,
                        person=document.beneficiary_id.name,
                        date=document.expiry_date.strftime("%d/%m/%Y"),
                    ),
                    user_id=(document.user_id or document.centre_id.head_id or self.env.user).id,
                )
            due.write({"expiry_alerted": True})
