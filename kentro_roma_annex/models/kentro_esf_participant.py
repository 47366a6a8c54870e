from odoo import api, models


class KentroEsfParticipant(models.Model):
    _inherit = "kentro.esf.participant"

    @api.model
    def _kentro_entry_values(self, person, day):
        """A person of a Roma settlement belongs to a minority, unless they
        declined to answer (kept as a refusal by the core)."""
        values = super()._kentro_entry_values(person, day)
        if person.roma_settlement_id and values["minority"] == "no":
            values["minority"] = "yes"
        return values
