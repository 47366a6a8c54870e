from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..tools import dates, groups
from .kentro_personal_data_mixin import ERASED

TEXTS = ("char", "text", "html")


def _blank_values(records, names):
    """The values that erase ``names``; a required text keeps a dash."""
    fields_ = records._fields
    return {
        name: ERASED if fields_[name].required and fields_[name].type in TEXTS else False
        for name in names
    }


class KentroRetentionMixin(models.AbstractModel):
    """Retention and erasure of a beneficiary file (GDPR art. 5(1)(e), 17)."""

    _name = "kentro.retention.mixin"
    _inherit = ["kentro.personal.data.mixin"]
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
        if not self.env.user.has_group(groups.HEAD):
            raise AccessError(self.env._("Only the head of centre may erase a file."))
        self.check_access("write")
        # sudo: a head who may write these files erases what every addon
        # declares of them (_kentro_personal_data); nothing is read back.
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
        # What every installed addon declares: the person's records are
        # deleted or their free text blanked, with their documents and
        # messages; records shared with others (kept) only point at the
        # anonymised file.
        spec_by_model = people._kentro_personal_data()
        records = people._kentro_personal_records(spec_by_model)
        people._kentro_personal_attachments(records).unlink()
        for model, spec in spec_by_model.items():
            found = records[model].with_context(tracking_disable=True)
            if spec["erase"] == "keep" or not found:
                continue
            env["mail.message"].search(
                [("model", "=", model), ("res_id", "in", found.ids)]
            ).unlink()
            if spec["erase"] == "delete":
                found.unlink()
            elif model != people._name:
                found.write(_blank_values(found, spec["blank"]))
        people.write(_blank_values(people, spec_by_model[people._name]["blank"]))
        for person in people:
            age = person.age
            person.write(
                {
                    "first_name": f"#{person.id}",
                    # Read by the structure's staff: in their municipality's language.
                    "last_name": env(
                        context=dict(env.context, lang=person.company_id._kentro_lang())
                    )._("Anonymised"),
                    # Only the age is kept: the date of birth becomes 1 January
                    # of the year that gives the same age today.
                    "birthdate": date(today.year - age, 1, 1) if person.birthdate else False,
                    "state": "closed",
                    "anonymised": True,
                }
            )

    @api.model
    def _cron_anonymise_expired(self):
        """Anonymise the closed files whose retention period has ended."""
        self = dates.in_greek_time(self)
        # sudo: the scheduled job anonymises the expired files of every
        # municipality; it returns them to no user.
        expired = self.sudo().search(
            [
                ("state", "=", "closed"),
                ("anonymised", "=", False),
                ("retention_until", "<", fields.Date.context_today(self)),
            ]
        )
        expired._anonymise()
        return expired
