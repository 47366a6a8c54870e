from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import structure


class KentroGoodsDistributionLine(models.Model):
    _name = "kentro.goods.distribution.line"
    _description = "Goods distribution line"

    distribution_id = fields.Many2one(
        "kentro.goods.distribution", required=True, ondelete="cascade", index=True
    )
    centre_id, company_id = structure.follows("distribution_id")
    item_id = fields.Many2one("kentro.goods.item", required=True)
    uom = fields.Char(related="item_id.uom")
    quantity = fields.Float(required=True, default=1.0)

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "A quantity must be greater than zero."),
    ]

    def _check_open(self):
        if self.distribution_id.filtered(lambda distribution: distribution.state == "done"):
            raise UserError(self.env._("A distribution already handed out cannot be changed."))

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_open()
        return lines

    def write(self, vals):
        self._check_open()
        return super().write(vals)

    def unlink(self):
        self._check_open()
        return super().unlink()
