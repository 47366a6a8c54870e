from odoo import fields, models


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    kentro_holiday = fields.Boolean(
        string="Public holiday",
        readonly=True,
        help="Added by Kentro from the Greek public holidays and the municipality's local "
        "feasts, every year.",
    )
