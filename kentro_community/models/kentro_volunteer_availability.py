from odoo import api, fields, models
from odoo.exceptions import ValidationError

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class KentroVolunteerAvailability(models.Model):
    """When a volunteer can help: a weekday and hours."""

    _name = "kentro.volunteer.availability"
    _description = "Volunteer availability"
    _order = "partner_id, dayofweek, hour_from"

    partner_id = fields.Many2one(
        "res.partner", string="Volunteer", required=True, ondelete="cascade", index=True
    )
    dayofweek = fields.Selection(WEEKDAYS, string="Day", required=True, default="0")
    hour_from = fields.Float(string="From", required=True, default=9.0)
    hour_to = fields.Float(string="To", required=True, default=13.0)

    @api.constrains("hour_from", "hour_to")
    def _check_hours(self):
        for slot in self:
            if not 0 <= slot.hour_from < slot.hour_to <= 24:
                raise ValidationError(
                    self.env._("A volunteer's hours must start before they end, within the day.")
                )
