from odoo import fields, models


class KentroDocumentType(models.Model):
    """A supporting document (δικαιολογητικό) an application may need."""

    _name = "kentro.document.type"
    _description = "Supporting document type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    scope = fields.Selection(
        [
            ("once", "Once per application"),
            ("per_adult", "Per adult member"),
            ("per_member", "Per household member"),
        ],
        required=True,
        default="once",
        help="Whether the checklist asks for it once, or for each (adult) member of the household.",
    )
    expires = fields.Boolean(
        help="The document has an expiry date to watch (e.g. a residence permit)."
    )
    active = fields.Boolean(default=True)
