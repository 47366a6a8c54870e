from odoo import fields, models


class KentroCentre(models.Model):
    _inherit = "kentro.centre"

    # On uninstall the structures stay, as plain annexes of their reference centre.
    centre_type = fields.Selection(
        selection_add=[("mobile_unit", "Mobile unit")],
        ondelete={"mobile_unit": "set annex"},
    )
    vehicle = fields.Char(help="The unit's vehicle: model and registration plate.")
    mobile_area_ids = fields.Many2many(
        "kentro.area",
        string="Villages covered",
        domain="[('kind', '=', 'community')]",
        help="The communities the mobile unit visits.",
    )
    mobile_visit_ids = fields.One2many("kentro.mobile.visit", "centre_id", string="Visits")
