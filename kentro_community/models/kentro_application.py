from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import dates, groups


class KentroApplication(models.Model):
    """Support with an application to a programme: the checklist of supporting
    documents, collected member by member, then the submission and its outcome."""

    _name = "kentro.application"
    _description = "Application support"
    _inherit = ["kentro.casework.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "create_date desc, id desc"
    _kentro_order_index = True

    name = fields.Char(compute="_compute_name", store=True)
    beneficiary_id = fields.Many2one(tracking=True)
    household_id = fields.Many2one(related="beneficiary_id.household_id", store=True)
    programme_id = fields.Many2one("kentro.programme", required=True, tracking=True)
    user_id = fields.Many2one(
        "res.users", string="Professional", default=lambda self: self.env.user, tracking=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("collecting", "Collecting documents"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("renewal_due", "Renewal due"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    submission_date = fields.Date(tracking=True, readonly=True)
    decision_date = fields.Date(tracking=True)
    renewal_date = fields.Date(tracking=True)
    line_ids = fields.One2many("kentro.application.document", "application_id", string="Checklist")
    missing_count = fields.Integer(compute="_compute_missing_count")
    notes = fields.Text(groups=groups.PROFESSIONAL)
    service_ids = fields.One2many("kentro.service", "application_id", string="Services")

    @api.depends("programme_id.name", "beneficiary_id.name")
    def _compute_name(self):
        for application in self:
            # Stored: in the municipality's language, whatever the writer's.
            programme = application.programme_id.with_context(
                lang=application.company_id._kentro_lang()
            )
            application.name = f"{programme.name or ''} – {application.beneficiary_id.name or ''}"

    @api.depends("line_ids.state")
    def _compute_missing_count(self):
        for application in self:
            application.missing_count = len(
                application.line_ids.filtered(lambda line: line.state == "missing")
            )

    # ------------------------------------------------------------- checklist
    def _checklist_values(self):
        """One line per document, or per (adult) member where the type says so."""
        self.ensure_one()
        members = self.beneficiary_id.household_id.member_ids or self.beneficiary_id
        adults = members.filtered(lambda m: not m.birthdate or m.age >= 18)
        values = []
        for doc in self.programme_id.document_type_ids:
            if doc.scope == "once":
                people = self.beneficiary_id
            elif doc.scope == "per_adult":
                people = adults
            else:
                people = members
            values += [
                {"application_id": self.id, "document_type_id": doc.id, "member_id": person.id}
                for person in people
            ]
        return values

    def action_collect(self):
        for application in self:
            if application.state != "draft":
                raise UserError(self.env._("Only a draft application starts collecting documents."))
            application.line_ids.unlink()
            self.env["kentro.application.document"].create(application._checklist_values())
        self.write({"state": "collecting"})

    def action_submit(self):
        for application in self:
            if application.state != "collecting":
                raise UserError(self.env._("Collect the supporting documents before submitting."))
            missing = application.line_ids.filtered(lambda line: line.state == "missing")
            if missing:
                raise UserError(
                    self.env._(
                        "The application cannot be submitted: these documents are missing:\n%(lines)s\n"
                        "Mark each one received (with the document attached) or not needed.",
                        lines="\n".join(f"- {line.display_name}" for line in missing),
                    )
                )
        self.write({"state": "submitted", "submission_date": fields.Date.context_today(self)})
        self._log_service()

    def action_approve(self):
        self._check_state("submitted")
        today = fields.Date.context_today(self)
        for application in self:
            months = application.programme_id.renewal_months
            application.write(
                {
                    "state": "approved",
                    "decision_date": today,
                    "renewal_date": today + relativedelta(months=months) if months else False,
                }
            )

    def action_reject(self):
        self._check_state("submitted")
        self.write({"state": "rejected", "decision_date": fields.Date.context_today(self)})

    def _log_service(self):
        self._log_service_once(
            "kentro_community.kentro_service_type_application_support", "application_id"
        )

    # ------------------------------------------------------------- reminders
    @api.model
    def _cron_reminders(self, days_ahead=30):
        """Renewals and expiring documents get an activity for the professional."""
        self = dates.in_greek_time(self)
        today = fields.Date.context_today(self)
        horizon = today + relativedelta(days=days_ahead)
        todo = self.env.ref("mail.mail_activity_data_todo")
        due = self.search(
            [
                ("state", "=", "approved"),
                ("renewal_date", "!=", False),
                ("renewal_date", "<=", horizon),
            ]
        )
        for application in due:
            # Written by a cron, read by the case worker: in their language.
            readers = application.with_context(lang=application.company_id._kentro_lang())
            application.activity_schedule(
                activity_type_id=todo.id,
                date_deadline=application.renewal_date,
                summary=readers.env._("Renewal of %(name)s", name=application.name),
                user_id=application.user_id.id or self.env.user.id,
            )
        due.write({"state": "renewal_due"})
        expiring = self.env["kentro.application.document"].search(
            [
                ("state", "=", "received"),
                ("expiry_date", "!=", False),
                ("expiry_date", "<=", horizon),
                ("expiry_reminded", "=", False),
                ("application_id.state", "not in", ["rejected"]),
            ]
        )
        for line in expiring:
            readers = line.with_context(lang=line.application_id.company_id._kentro_lang())
            line.application_id.activity_schedule(
                activity_type_id=todo.id,
                date_deadline=line.expiry_date,
                summary=readers.env._("Document expires: %(name)s", name=readers.display_name),
                user_id=line.application_id.user_id.id or self.env.user.id,
            )
        expiring.write({"expiry_reminded": True})
