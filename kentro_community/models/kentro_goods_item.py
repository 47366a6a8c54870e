from odoo import fields, models


class KentroGoodsItem(models.Model):
    """An item the centre hands out where there is no social grocery."""

    _name = "kentro.goods.item"
    _description = "Goods item"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    uom = fields.Char(string="Unit", translate=True, help="e.g. kg, piece, box")
    active = fields.Boolean(default=True)
