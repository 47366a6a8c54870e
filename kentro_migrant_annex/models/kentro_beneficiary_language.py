from odoo import fields, models

from odoo.addons.kentro_community.tools import structure

from .kentro_language import LEVELS


class KentroBeneficiaryLanguage(models.Model):
    """A language a beneficiary speaks, and how well."""

    _name = "kentro.beneficiary.language"
    _description = "Language spoken by a beneficiary"
    _order = "native desc, id"

    beneficiary_id = fields.Many2one(
        "kentro.beneficiary", required=True, ondelete="cascade", index=True
    )
    centre_id, company_id = structure.follows("beneficiary_id")
    language_id = fields.Many2one("kentro.language", required=True)
    native = fields.Boolean(string="Mother tongue")
    level = fields.Selection(LEVELS, help="Level for a language that is not the mother tongue.")

    _sql_constraints = [
        (
            "language_uniq",
            "unique(beneficiary_id, language_id)",
            "This language is already listed for the person.",
        )
    ]
