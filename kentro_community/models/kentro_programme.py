from odoo import fields, models


class KentroProgramme(models.Model):
    """A welfare or inclusion programme of the Programmes Registry (Μητρώο Προγραμμάτων)."""

    _name = "kentro.programme"
    _description = "Programme"
    _order = "name"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True, index="trigram")
    code = fields.Char(index=True)
    agency_id = fields.Many2one(
        "res.partner",
        string="Managing body",
        domain="[('kentro_is_agency', '=', True)]",
    )
    level = fields.Selection(
        [("national", "National"), ("regional", "Regional"), ("local", "Local")],
        required=True,
        default="national",
    )
    description = fields.Html(translate=True)
    eligibility = fields.Text(string="Eligibility summary", translate=True)
    renewal_months = fields.Integer(
        string="Renewal period (months)", help="0 when the benefit needs no renewal."
    )
    document_type_ids = fields.Many2many("kentro.document.type", string="Supporting documents")
    active = fields.Boolean(default=True)
