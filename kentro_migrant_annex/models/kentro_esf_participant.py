from odoo import api, models

from .kentro_beneficiary import THIRD_COUNTRY_STATUSES


class KentroEsfParticipant(models.Model):
    _inherit = "kentro.esf.participant"

    @api.model
    def _kentro_entry_values(self, person, day):
        """The ΚΕΜ's legal status answers the nationality questions: a third-
        country national, a beneficiary of international protection or an
        asylum seeker is a third-country national; any migrant has a foreign
        background, unless they declined to answer (kept as a refusal)."""
        values = super()._kentro_entry_values(person, day)
        # sudo: the legal status is read for the record made whoever logged the
        # service (the core's entry is made so); only these two answers leave it.
        status = person.sudo().migrant_status
        if status in THIRD_COUNTRY_STATUSES:
            values["third_country"] = True
        if status and values["foreign_background"] == "no":
            values["foreign_background"] = "yes"
        return values

    @api.model
    def _kentro_document_number(self, person):
        """A migrant without ΑΜΚΑ is identified by the permit or card the ΚΕΜ
        recorded, the one that expires last."""
        number = super()._kentro_document_number(person)
        if number:
            return number
        # sudo: the permits are professionals' data; only the number of the
        # latest leaves, for the participants file a head exports.
        documents = person.sudo().legal_document_ids.sorted("expiry_date", reverse=True)
        return documents[:1].number or ""
