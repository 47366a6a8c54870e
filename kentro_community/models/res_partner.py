from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Only Community Centre staff know that a contact is a beneficiary: the field
    # is invisible to others, and record rules hide the contact itself from them.
    kentro_beneficiary_ids = fields.One2many(
        "kentro.beneficiary",
        "partner_id",
        string="Beneficiary files",
        groups="kentro_community.group_kentro_reception",
    )
