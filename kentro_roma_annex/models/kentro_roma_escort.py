from odoo import fields, models

DESTINATIONS = [
    ("hospital", "Hospital"),
    ("health_centre", "Health centre"),
    ("kep", "Citizens' service centre (ΚΕΠ)"),
    ("school", "School"),
    ("dypa", "ΔΥΠΑ (employment service)"),
    ("court", "Court"),
    ("police", "Police"),
    ("other", "Other service"),
]


class KentroRomaEscort(models.Model):
    """Escorting a beneficiary to a service (Συνοδεία σε υπηρεσίες)."""

    _name = "kentro.roma.escort"
    _description = "Escort to a service"
    _inherit = ["kentro.casework.mixin", "mail.thread"]
    _order = "date desc, id desc"

    beneficiary_id = fields.Many2one(tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    user_id = fields.Many2one("res.users", string="Escorted by", default=lambda self: self.env.user)
    destination = fields.Selection(DESTINATIONS, required=True)
    destination_partner_id = fields.Many2one("res.partner", string="Service or agency")
    purpose = fields.Text(required=True)
    outcome = fields.Text()
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done")], default="planned", required=True, tracking=True
    )

    def _service_values(self):
        return {**super()._service_values(), "date": self.date}

    def action_done(self):
        self._check_state("planned")
        self.write({"state": "done"})
        self._log_service_once("kentro_community.kentro_service_type_escort", "roma_escort_id")
