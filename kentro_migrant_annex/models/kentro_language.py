from odoo import fields, models

# The levels of the Common European Framework of Reference for Languages.
LEVELS = [
    ("a1", "A1 – beginner"),
    ("a2", "A2 – elementary"),
    ("b1", "B1 – intermediate"),
    ("b2", "B2 – upper intermediate"),
    ("c1", "C1 – advanced"),
    ("c2", "C2 – proficient"),
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
