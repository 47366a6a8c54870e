from odoo import fields, models


class KentroCentre(models.Model):
    _inherit = "kentro.centre"

    # On uninstall the structures stay, as plain annexes of their reference centre.
    centre_type = fields.Selection(
        selection_add=[("migrant_annex", "Migrant integration annex (KEM)")],
        ondelete={"migrant_annex": "set annex"},
    )
