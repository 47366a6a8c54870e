from odoo import fields, models


class KentroAgencyCategory(models.Model):
    """Categories of the Agencies Registry (Μητρώο Φορέων)."""

    _name = "kentro.agency.category"
    _description = "Agency category"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
