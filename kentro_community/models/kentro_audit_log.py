from odoo import api, fields, models
from odoo.exceptions import AccessError

ACTIONS = [("open", "Opened the file"), ("print", "Printed the sheet"), ("export", "Exported")]


class KentroAuditLog(models.Model):
    """Who opened, printed or exported which beneficiary file, and when.
    Append-only: written by the code that does the reading, never changed or
    deleted through the ORM, not even by an administrator."""

    _name = "kentro.audit.log"
    _description = "Beneficiary file access log"
    _order = "date desc, id desc"
    _rec_name = "date"

    date = fields.Datetime(required=True, readonly=True, index=True)
    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True)
    action = fields.Selection(ACTIONS, required=True, readonly=True)
    beneficiary_id = fields.Many2one(
        "kentro.beneficiary", readonly=True, index=True, ondelete="set null"
    )
    centre_id = fields.Many2one("kentro.centre", string="Structure", readonly=True, index=True)
    company_id = fields.Many2one("res.company", readonly=True, index=True)

    @api.model
    def _log(self, action, beneficiaries):
        """Record ``action`` by the current user on ``beneficiaries``."""
        if not beneficiaries:
            return self.browse()
        now = fields.Datetime.now()
        people = beneficiaries.sudo()
        return (
            self.sudo()
            .with_context(kentro_audit_write=True)
            .create(
                [
                    {
                        "date": now,
                        "user_id": self.env.uid,
                        "action": action,
                        "beneficiary_id": person.id,
                        "centre_id": person.centre_id.id,
                        "company_id": person.company_id.id,
                    }
                    for person in people
                ]
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.context.get("kentro_audit_write"):
            raise AccessError(self.env._("The access log is written by Odoo itself."))
        return super().create(vals_list)

    def write(self, vals):  # pylint: disable=method-required-super
        raise AccessError(self.env._("The access log cannot be changed."))

    def unlink(self):  # pylint: disable=method-required-super
        raise AccessError(self.env._("The access log cannot be deleted."))
