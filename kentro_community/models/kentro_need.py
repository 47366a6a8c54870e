from odoo import fields, models


class KentroNeed(models.Model):
    """A coded need (why a person comes, what the assessment finds, what a
    goal of the support plan answers), tied to the service types and
    programmes that usually answer it. The catalogue ships in Greek and each
    municipality may edit it."""

    _name = "kentro.need"
    _description = "Need"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    service_type_ids = fields.Many2many(
        "kentro.service.type",
        string="Service types",
        help="The services that usually answer this need.",
    )
    programme_ids = fields.Many2many(
        "kentro.programme",
        string="Programmes",
        help="The programmes the person may be helped to apply for.",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "A need with this code already exists."),
    ]
