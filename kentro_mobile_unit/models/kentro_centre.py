from odoo import fields, models


class KentroCentre(models.Model):
    _inherit = "kentro.centre"

    # On uninstall the structures stay, as plain annexes of their reference centre.
    centre_type = fields.Selection(
        selection_add=[("mobile_unit", "Mobile unit")],
        ondelete={"mobile_unit": "set annex"},
    )
