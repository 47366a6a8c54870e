from odoo import fields, models

AXES = [
    ("a", "Α. Reception, information and support"),
    ("b", "Β. Cooperation with services and agencies"),
    ("c", "Γ. Services improving living standards"),
]


class KentroServiceType(models.Model):
    """The kinds of work a Community Centre records, by axis of the national design."""

    _name = "kentro.service.type"
    _description = "Service type"
    _order = "axis, sequence, name"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True)
    sequence = fields.Integer(default=10)
    axis = fields.Selection(AXES, required=True)
    mandatory = fields.Boolean(
        help="Axes Α and Β are mandatory services of every centre; axis Γ services are "
        "optional and depend on local needs."
    )
    default_duration = fields.Integer(string="Default duration (minutes)", default=30)
    staff_role_ids = fields.Many2many(
        "kentro.staff.role",
        string="Provided by",
        help="The professions that provide this service; appointments for it are offered "
        "with them. Empty: every professional of the structure.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "A service type with this code already exists."),
    ]
