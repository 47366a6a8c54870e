from odoo import fields, models


class KentroStructureMixin(models.AbstractModel):
    """Records kept by a structure: the user's own structure by default, and
    the structure's municipality for the record rules."""

    _name = "kentro.structure.mixin"
    _description = "Community Centre structure record"
    _check_company_auto = True

    centre_id = fields.Many2one(
        "kentro.centre",
        string="Structure",
        required=True,
        index=True,
        check_company=True,
        default=lambda self: self.env.user.kentro_centre_ids[:1],
    )
    company_id = fields.Many2one(
        related="centre_id.company_id", store=True, precompute=True, index=True
    )
