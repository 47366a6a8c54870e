from odoo import fields, models


class KentroStaffRole(models.Model):
    """The professions of the staff of a Community Centre (the 2016 decision)."""

    _name = "kentro.staff.role"
    _description = "Community Centre staff role"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    is_social_worker = fields.Boolean(
        string="Social worker",
        help="Only a social worker may be the head of a Community Centre.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_uniq", "unique(name)", "A staff role with this name already exists."),
    ]
