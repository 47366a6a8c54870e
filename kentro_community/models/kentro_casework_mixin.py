from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import values


class KentroCaseworkMixin(models.AbstractModel):
    """What every piece of casework shares: the beneficiary, the structure the
    work is done at (the beneficiary's, unless chosen), the municipality, and
    the service entry the work writes in the service log, once."""

    _name = "kentro.casework.mixin"
    _inherit = ["kentro.structure.mixin"]
    _description = "Community Centre casework"
    _check_company_auto = True

    beneficiary_id = fields.Many2one(
        "kentro.beneficiary", required=True, index=True, check_company=True
    )
    # The structure record's field, but the beneficiary's structure unless
    # chosen, not the user's.
    centre_id = fields.Many2one(
        compute="_compute_centre_id",
        store=True,
        readonly=False,
        precompute=True,
        default=None,
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            values.check_values(self, vals)
        return super().create(vals_list)

    def write(self, vals):
        values.check_values(self, vals)
        return super().write(vals)

    @api.depends("beneficiary_id")
    def _compute_centre_id(self):
        for record in self:
            if not record.centre_id:
                record.centre_id = record.beneficiary_id.centre_id

    def _check_state(self, *states):
        if any(record.state not in states for record in self):
            raise UserError(self.env._("This step is not possible in the record's current state."))

    def _log_service_once(self, service_type_xmlid, link_field):
        """Write the service entry of this work, unless it is already written."""
        service_type = self.env.ref(service_type_xmlid)
        Service = self.env["kentro.service"]
        # sudo: only which of these records already have their entry is read,
        # so that none is written twice; nothing of it reaches the user.
        done = Service.sudo().search(
            [(link_field, "in", self.ids), ("service_type_id", "=", service_type.id)]
        )
        Service._kentro_log_work(
            [
                {
                    "beneficiary_id": record.beneficiary_id.id,
                    "service_type_id": service_type.id,
                    "centre_id": record.centre_id.id,
                    link_field: record.id,
                    **record._service_values(),
                }
                for record in self - done[link_field]
            ]
        )

    def _service_values(self):
        """Who did the work and when: the record's professional, or the user
        doing the step, today. Records with a date of their own override this."""
        self.ensure_one()
        user = self["user_id"] if "user_id" in self._fields else self.env["res.users"]
        return {
            "user_id": (user or self.env.user).id,
            "date": fields.Date.context_today(self),
        }
