from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import groups


class KentroReferral(models.Model):
    """A referral (Παραπομπή) of a beneficiary to an agency of the registry,
    followed up until its outcome."""

    _name = "kentro.referral"
    _description = "Referral"
    _inherit = [
        "kentro.casework.mixin",
        "kentro.protocol.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "create_date desc, id desc"
    _kentro_order_index = True

    name = fields.Char(compute="_compute_name", store=True)
    beneficiary_id = fields.Many2one(tracking=True)
    centre_id = fields.Many2one(string="From structure")
    user_id = fields.Many2one(
        "res.users", string="Case worker", default=lambda self: self.env.user, tracking=True
    )
    agency_id = fields.Many2one(
        "res.partner",
        string="To agency",
        required=True,
        index=True,
        tracking=True,
        domain="[('kentro_is_agency', '=', True)]",
    )
    agency_category_id = fields.Many2one(related="agency_id.kentro_agency_category_id", store=True)
    programme_id = fields.Many2one("kentro.programme", string="Programme or service")
    reason = fields.Text(groups=groups.PROFESSIONAL)
    urgency = fields.Selection(
        [("normal", "Normal"), ("high", "High"), ("urgent", "Urgent")],
        default="normal",
        required=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("sent", "Sent"),
            ("accepted", "Accepted"),
            ("rejected", "Rejected"),
            ("completed", "Completed"),
            ("no_response", "No response"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    sent_date = fields.Date(readonly=True, tracking=True)
    answer_date = fields.Date(readonly=True, tracking=True)
    close_date = fields.Date(readonly=True, tracking=True)
    follow_up_date = fields.Date(tracking=True)
    follow_up_overdue = fields.Boolean(compute="_compute_follow_up_overdue")
    outcome = fields.Text(groups=groups.PROFESSIONAL)
    notes = fields.Text(groups=groups.PROFESSIONAL)
    consent_id = fields.Many2one("kentro.consent", readonly=True)
    consent_withdrawn = fields.Boolean(
        readonly=True,
        tracking=True,
        help="The consent this referral was sent under was withdrawn or has expired.",
    )
    service_ids = fields.One2many("kentro.service", "referral_id", string="Services")

    @api.depends("agency_id.name", "beneficiary_id.name")
    def _compute_name(self):
        for referral in self:
            referral.name = (
                f"{referral.beneficiary_id.name or ''} → {referral.agency_id.name or ''}"
            )

    @api.depends("follow_up_date", "state")
    def _compute_follow_up_overdue(self):
        today = fields.Date.context_today(self)
        for referral in self:
            referral.follow_up_overdue = (
                referral.state in ("sent", "accepted")
                and bool(referral.follow_up_date)
                and referral.follow_up_date < today
            )

    @api.constrains("state", "consent_id", "beneficiary_id", "agency_id", "sent_date")
    def _check_consent(self):
        # action_send is the consent gate; a referral written as sent directly
        # (an import, an RPC client), or whose person or agency is changed
        # once sent, must not slip past it.
        for referral in self:
            if referral.state == "draft":
                continue
            if not referral.consent_id:
                raise ValidationError(referral._no_consent_message())
            if not referral._consent_holds():
                raise ValidationError(
                    self.env._(
                        "The consent recorded on this referral is not the person's consent to "
                        "share their data with this agency, valid on the day the referral was "
                        "sent. Send the referral with its button: the consent that covers it "
                        "is found for you."
                    )
                )

    def _consent_holds(self):
        """Whether the referral's consent is its person's, covers its agency
        and held on the day it was sent (a consent withdrawn since then holds
        for what was already sent: the referral is flagged instead)."""
        self.ensure_one()
        # Read as superuser only to compare; nothing of it is shown.
        consent, agency = self.consent_id.sudo(), self.agency_id.sudo()
        day = self.sent_date or fields.Date.context_today(self)
        covers_agency = consent.agency_id == agency or (
            not consent.agency_id
            and consent.agency_category_id
            and consent.agency_category_id == agency.kentro_agency_category_id
        )
        return (
            consent.beneficiary_id == self.beneficiary_id
            and consent.purpose == "sharing"
            and bool(covers_agency)
            and consent.date <= day
            and (not consent.valid_until or consent.valid_until >= day)
            and (
                consent.state == "given" or (self.consent_withdrawn and consent.state != "refused")
            )
        )

    def _no_consent_message(self):
        return self.env._(
            "%(person)s has not consented to sharing their data with %(agency)s. "
            "Record their signed consent before sending the referral.",
            person=self.beneficiary_id.name,
            agency=self.agency_id.name,
        )

    def action_send(self):
        self._check_state("draft")
        today = fields.Date.context_today(self)
        todo = self.env.ref("mail.mail_activity_data_todo")
        for referral in self:
            consent = self.env["kentro.consent"]._covering(
                referral.beneficiary_id, referral.agency_id
            )
            if not consent:
                raise UserError(referral._no_consent_message())
            follow_up = referral.follow_up_date or today + relativedelta(days=14)
            referral.write(
                {
                    "state": "sent",
                    "sent_date": today,
                    "follow_up_date": follow_up,
                    "consent_id": consent[:1].id,
                }
            )
            # Read by the case worker: in their municipality's language.
            readers = referral.with_context(lang=referral.company_id._kentro_lang())
            referral.activity_schedule(
                activity_type_id=todo.id,
                date_deadline=follow_up,
                summary=readers.env._(
                    "Follow up the referral to %(agency)s", agency=referral.agency_id.name
                ),
                user_id=referral.user_id.id or self.env.user.id,
            )
        self._log_service()

    def action_print_letter(self):
        """The referral letter to the agency, from the sent referral's header."""
        self._check_state("sent", "accepted", "rejected", "completed", "no_response")
        return self.env.ref("kentro_community.kentro_referral_report_action").report_action(self)

    def _kentro_protocol_subject(self, kind):
        return self.env._(
            "Referral letter: %(person)s to %(agency)s",
            person=self.beneficiary_id.name,
            agency=self.agency_id.name,
        )

    def _kentro_protocol_values(self, kind):
        return {"beneficiary": self.beneficiary_id, "correspondent_id": self.agency_id.id}

    def action_accept(self):
        self._check_state("sent")
        self.write({"state": "accepted", "answer_date": fields.Date.context_today(self)})

    def action_reject(self):
        self._check_state("sent")
        self.write({"state": "rejected", "answer_date": fields.Date.context_today(self)})
        self.activity_ids.action_feedback()

    def action_complete(self):
        self._check_state("sent", "accepted")
        self.write({"state": "completed", "close_date": fields.Date.context_today(self)})
        self.activity_ids.action_feedback()

    def action_no_response(self):
        self._check_state("sent")
        self.write({"state": "no_response", "close_date": fields.Date.context_today(self)})
        self.activity_ids.action_feedback()

    def _log_service(self):
        self._log_service_once("kentro_community.kentro_service_type_referral", "referral_id")
