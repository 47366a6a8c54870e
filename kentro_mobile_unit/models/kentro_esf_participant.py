from odoo import api, models


class KentroEsfParticipant(models.Model):
    _inherit = "kentro.esf.participant"

    @api.model
    def _kentro_entry_values(self, person, day):
        """A person whose village is a rural area comes from a rural area."""
        values = super()._kentro_entry_values(person, day)
        if person.mobile_area_id:
            values["rural"] = person.mobile_area_id._kentro_urbanisation() == "rural"
        return values
