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


class ResPartner(models.Model):
    _inherit = "res.partner"

    kentro_is_volunteer = fields.Boolean(string="Volunteer", index=True)
    kentro_volunteer_centre_id = fields.Many2one("kentro.centre", string="Volunteers at")
    kentro_skill_ids = fields.Many2many(
        "kentro.skill",
        "kentro_skill_res_partner_rel",
        "partner_id",
        "skill_id",
        string="Volunteer skills",
    )
    kentro_availability_ids = fields.One2many(
        "kentro.volunteer.availability", "partner_id", string="Availability"
    )
    kentro_volunteer_since = fields.Date(string="Volunteer since")
