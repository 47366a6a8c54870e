from odoo import api, fields, models
from odoo.tools import format_date

from ..tools import dates


class KentroConsent(models.Model):
    """A beneficiary's recorded consent to share their data with an agency (or
    every agency of a category). Referrals are sent only under one."""

    _name = "kentro.consent"
    _description = "Consent to share data"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _kentro_order_index = True
    _check_company_auto = True

    beneficiary_id = fields.Many2one(
        "kentro.beneficiary", required=True, index=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one(related="beneficiary_id.company_id", store=True, index=True)
    centre_id = fields.Many2one(related="beneficiary_id.centre_id", store=True, index=True)
    purpose = fields.Selection(
        [
            ("processing", "Registration and processing of the file"),
            ("sharing", "Sharing data with an agency"),
            ("esf_sensitive", "ESF+ reporting of sensitive data"),
            ("photos", "Photos at events"),
        ],
        required=True,
        default="sharing",
        tracking=True,
    )
    household_id = fields.Many2one(related="beneficiary_id.household_id")
    recorded_by_id = fields.Many2one(
        "res.users", string="Recorded by", readonly=True, default=lambda self: self.env.user
    )
    valid_until = fields.Date(tracking=True, help="Leave empty for a consent without end date.")
    agency_id = fields.Many2one(
        "res.partner", domain="[('kentro_is_agency', '=', True)]", tracking=True
    )
    agency_category_id = fields.Many2one(
        "kentro.agency.category",
        string="Every agency of category",
        tracking=True,
        help="Leave the agency empty to cover every agency of this category.",
    )
    date = fields.Date(
        string="Date given", required=True, default=fields.Date.context_today, tracking=True
    )
    state = fields.Selection(
        [
            ("given", "Given"),
            ("refused", "Refused"),
            ("withdrawn", "Withdrawn"),
            ("expired", "Expired"),
        ],
        required=True,
        default="given",
        tracking=True,
    )
    attachment_id = fields.Many2one("ir.attachment", string="Signed form")

    _sql_constraints = [
        (
            "scope_required",
            "CHECK(purpose != 'sharing' OR agency_id IS NOT NULL OR agency_category_id IS NOT NULL)",
            "A consent to share data names the agency, or the category of agencies, it covers.",
        ),
    ]

    @api.depends("purpose", "agency_id", "agency_category_id", "date", "state")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # What the consent covers and since when; never the person's name: a
        # referral shows its consent to whoever may read the referral, and a
        # many2one's name is read as superuser.
        purposes = dict(self._fields["purpose"]._description_selection(self.env))
        states = dict(self._fields["state"]._description_selection(self.env))
        for consent in self:
            if consent.purpose == "sharing" and consent.agency_id:
                scope = consent.agency_id.name
            elif consent.purpose == "sharing" and consent.agency_category_id:
                scope = self.env._(
                    "every agency of %(category)s", category=consent.agency_category_id.name
                )
            else:
                scope = purposes.get(consent.purpose, "")
            name = self.env._(
                "Consent: %(scope)s, from %(date)s",
                scope=scope,
                date=format_date(self.env, consent.date) if consent.date else "",
            )
            if consent.state and consent.state != "given":
                name = f"{name} ({states[consent.state]})"
            consent.display_name = name

    @api.model
    def _covering(self, beneficiary, agency):
        """The active consents of ``beneficiary`` that cover ``agency``."""
        # sudo: the person's consents are found whoever recorded them; the
        # caller only links the first one to a referral it is sending.
        return self.sudo().search(
            [
                ("beneficiary_id", "=", beneficiary.id),
                ("purpose", "=", "sharing"),
                ("state", "=", "given"),
                ("date", "<=", fields.Date.context_today(self)),
                "|",
                ("valid_until", "=", False),
                ("valid_until", ">=", fields.Date.context_today(self)),
                "|",
                ("agency_id", "=", agency.id),
                "&",
                ("agency_id", "=", False),
                ("agency_category_id", "=", agency.kentro_agency_category_id.id),
            ]
        )

    def write(self, vals):
        result = super().write(vals)
        if vals.get("state") in ("withdrawn", "expired", "refused"):
            self._flag_open_referrals()
        return result

    def _flag_open_referrals(self):
        """Open referrals sent under a consent that no longer holds are flagged,
        and their case worker is asked to act."""
        # sudo: the referrals sent under these consents are flagged and their
        # case worker is asked to act; nothing of them is shown to the user.
        referrals = (
            self.env["kentro.referral"]
            .sudo()
            .search([("consent_id", "in", self.ids), ("state", "in", ("sent", "accepted"))])
        )
        referrals.write({"consent_withdrawn": True})
        for referral in referrals:
            # Read by the case worker: in their municipality's language.
            readers = referral.with_context(lang=referral.company_id._kentro_lang())
            referral.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=readers.env._(
                    "Consent withdrawn: stop sharing data with %(agency)s",
                    agency=referral.agency_id.name,
                ),
                user_id=referral.user_id.id or self.env.user.id,
            )

    @api.model
    def _cron_expire(self):
        self = dates.in_greek_time(self)
        self.search(
            [("state", "=", "given"), ("valid_until", "<", fields.Date.context_today(self))]
        ).write({"state": "expired"})
