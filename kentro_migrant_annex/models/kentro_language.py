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
