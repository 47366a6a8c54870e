from odoo import fields, models

LEVELS = [
    ("a1", "A1"),
    ("a2", "A2"),
    ("b1", "B1"),
    ("b2", "B2"),
    ("c1", "C1"),
    ("c2", "C2"),
]


class KentroLanguage(models.Model):
    """A language spoken by beneficiaries and interpreted by staff. Odoo's own
    languages are those of its interface; Pashto, Tigrinya or Kurmanji are not
    among them, so the annex keeps a catalogue of its own."""

    _name = "kentro.language"
    _description = "Spoken language"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="ISO 639 code, e.g. ar, fa, ps.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [("code_uniq", "unique(code)", "This language code is already in the list.")]


class KentroBeneficiaryLanguage(models.Model):
    """A language a beneficiary speaks, and how well."""

    _name = "kentro.beneficiary.language"
    _description = "Language spoken by a beneficiary"
    _order = "native desc, id"

    beneficiary_id = fields.Many2one(
        "kentro.beneficiary", required=True, ondelete="cascade", index=True
    )
    centre_id = fields.Many2one(related="beneficiary_id.centre_id", store=True, index=True)
    company_id = fields.Many2one(related="beneficiary_id.company_id", store=True, index=True)
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
