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

    def _kentro_booking_centre(self):
        """Where appointments of this structure's people are booked: a mobile
        unit has no premises, so at its reference centre (the address and
        phone its people's cards give)."""
        self.ensure_one()
        if self.centre_type == "mobile_unit" and self.parent_id:
            return self.parent_id
        return self
