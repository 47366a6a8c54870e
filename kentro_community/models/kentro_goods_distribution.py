from odoo import fields, models
from odoo.exceptions import UserError


class KentroGoodsDistribution(models.Model):
    """Goods handed to a beneficiary for their household on a date."""

    _name = "kentro.goods.distribution"
    _description = "Goods distribution"
    _inherit = ["kentro.casework.mixin", "mail.thread"]
    _order = "date desc, id desc"

    beneficiary_id = fields.Many2one(string="Received by", tracking=True)
    household_id = fields.Many2one(
        related="beneficiary_id.household_id", store=True, index=True, string="Household"
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    user_id = fields.Many2one(
        "res.users", string="Handed out by", default=lambda self: self.env.user
    )
    line_ids = fields.One2many(
        "kentro.goods.distribution.line", "distribution_id", string="Items", copy=True
    )
    notes = fields.Text()
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Handed out")], default="draft", required=True, tracking=True
    )

    def _compute_display_name(self):
        for distribution in self:
            distribution.display_name = (
                f"{distribution.beneficiary_id.name or ''} – {distribution.date or ''}"
            )

    def action_done(self):
        self._check_state("draft")
        empty = self.filtered(lambda distribution: not distribution.line_ids)
        if empty:
            raise UserError(self.env._("Add the items handed out before confirming."))
        self.write({"state": "done"})
        self._log_service_once(
            "kentro_community.kentro_service_type_goods_distribution", "goods_distribution_id"
        )

    def _service_values(self):
        return {**super()._service_values(), "date": self.date}

    def write(self, vals):
        if set(vals) - {"state", "notes", "message_main_attachment_id"} and self.filtered(
            lambda distribution: distribution.state == "done"
        ):
            raise UserError(self.env._("A distribution already handed out cannot be changed."))
        return super().write(vals)
