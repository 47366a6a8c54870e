from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..tools import dates

HEAD = "kentro_community.group_kentro_head"
# Free text that may name or describe the person, on the records of their file.
FREE_TEXT = {
    "kentro.service": ["notes"],
    "kentro.referral": ["reason", "notes", "outcome"],
    "kentro.application": ["notes"],
    "kentro.job.seeker": ["notes", "cv", "cv_filename"],
    "kentro.job.placement": ["outcome"],
    "kentro.goods.distribution": ["notes"],
}


class ResCompany(models.Model):
    _inherit = "res.company"

    kentro_retention_years = fields.Integer(
        string="Closed files kept for (years)",
        default=5,
        help="A closed beneficiary file is anonymised this many years after it was closed.",
    )


class KentroRetentionMixin(models.AbstractModel):
    """Retention and erasure of a beneficiary file (GDPR art. 5(1)(e), 17)."""

    _name = "kentro.retention.mixin"
    _description = "Retention of closed files"

    closed_date = fields.Date(readonly=True, copy=False, tracking=True)
    retention_until = fields.Date(
        string="Kept until",
        readonly=True,
        copy=False,
        index=True,
        help="The day the closed file is anonymised: the closing date plus the "
        "municipality's retention period.",
    )
    anonymised = fields.Boolean(readonly=True, copy=False, index=True)

    def write(self, vals):
        if vals.get("state") in ("active", "inactive"):
            vals = {**vals, "closed_date": False, "retention_until": False}
        result = super().write(vals)
        if vals.get("state") == "closed":
            today = fields.Date.context_today(self)
            for person in self.filtered(lambda p: not p.closed_date):
                years = person.company_id.kentro_retention_years or 5
                super(KentroRetentionMixin, person).write(
                    {"closed_date": today, "retention_until": today + relativedelta(years=years)}
                )
        return result

    def action_anonymise(self):
        """Erase the person's identity from the file, on a head's decision:
        identity, contact, free text, attachments and messages go; what the
        statistics count (structure, dates, gender, age, education, employment,
        vulnerability, services) stays."""
        if not self.env.user.has_group(HEAD):
            raise AccessError(self.env._("Only the head of centre may erase a file."))
        self.check_access("write")
        self.sudo()._anonymise()
        return True

    def _anonymise(self):
        today = fields.Date.context_today(self)
        # No tracking: a tracked change would write the erased values back
        # into the chatter when the transaction commits.
        people = self.with_context(tracking_disable=True).filtered(lambda p: not p.anonymised)
        env = people.env
        if not people:
            return
        related = {
            model: env[model].search([("beneficiary_id", "in", people.ids)]) for model in FREE_TEXT
        }
        applications = related["kentro.application"]
        # Attachments and messages of the files and of everything in them.
        documents = [("kentro.beneficiary", people.ids), ("res.partner", people.partner_id.ids)]
        documents += [(model, records.ids) for model, records in related.items()]
        documents.append(("kentro.application.document", applications.line_ids.ids))
        for model, ids in documents:
            if ids:
                domain = [("res_model", "=", model), ("res_id", "in", ids)]
                env["ir.attachment"].search(domain).unlink()
                env["mail.message"].search([("model", "=", model), ("res_id", "in", ids)]).unlink()
        applications.line_ids.write({"attachment_id": False})
        for model, names in FREE_TEXT.items():
            related[model].write(dict.fromkeys(names, False))
        env["kentro.case.note"].search([("beneficiary_id", "in", people.ids)]).unlink()
        people.consent_ids.write({"attachment_id": False})
        people.partner_id.write(
            {
                "street": False,
                "street2": False,
                "city": False,
                "zip": False,
                "phone": False,
                "mobile": False,
                "email": False,
                "vat": False,
                "comment": False,
            }
        )
        for person in people:
            age = person.age
            person.write(
                {
                    "first_name": f"#{person.id}",
                    "last_name": env._("Anonymised"),
                    "father_name": False,
                    "mother_name": False,
                    "amka": False,
                    "afm": False,
                    "id_document_type": False,
                    "id_document_number": False,
                    "id_document_expiry": False,
                    # Only the age is kept: the date of birth becomes 1 January
                    # of the year that gives the same age today.
                    "birthdate": date(today.year - age, 1, 1) if person.birthdate else False,
                    "presenting_request": False,
                    "social_history": False,
                    "assessed_needs": False,
                    "state": "closed",
                    "anonymised": True,
                }
            )

    @api.model
    def _cron_anonymise_expired(self):
        """Anonymise the closed files whose retention period has ended."""
        self = dates.in_greek_time(self)
        expired = self.sudo().search(
            [
                ("state", "=", "closed"),
                ("anonymised", "=", False),
                ("retention_until", "<", fields.Date.context_today(self)),
            ]
        )
        expired._anonymise()
        return expired
