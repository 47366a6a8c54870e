from odoo import api, fields, models
from odoo.exceptions import AccessError

LEVELS = [
    ("team", "Team (the structure's professionals)"),
    ("discipline", "Discipline (same profession only)"),
    ("private", "Private (author and head of centre)"),
]


class KentroCaseNote(models.Model):
    """A confidential case note. Who may read it follows its level, enforced
    by record rules: the structure's professionals, those of the author's
    profession, or only the author and the head of centre."""

    _name = "kentro.case.note"
    _description = "Case note"
    _inherit = ["kentro.casework.mixin"]
    _order = "date desc, id desc"
    _kentro_order_index = True
    _rec_name = "date"

    beneficiary_id = fields.Many2one(ondelete="cascade")
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    author_id = fields.Many2one(
        "res.users", required=True, readonly=True, default=lambda self: self.env.user, index=True
    )
    level = fields.Selection(LEVELS, required=True, default="team")
    role_id = fields.Many2one(
        "kentro.staff.role",
        string="Profession",
        compute="_compute_role_id",
        store=True,
        readonly=False,
        precompute=True,
        help="For discipline notes: the profession whose members may read it.",
    )
    body = fields.Html(required=True, sanitize_style=True)

    @api.depends("author_id")
    def _compute_role_id(self):
        for note in self:
            if not note.role_id:
                note.role_id = note.author_id.kentro_role_id

    @api.model_create_multi
    def create(self, vals_list):
        # Notes are written in one's own name.
        for vals in vals_list:
            vals.pop("author_id", None)
        return super().create(vals_list)

    def write(self, vals):
        if "author_id" in vals and not self.env.su:
            raise AccessError(self.env._("The author of a case note cannot be changed."))
        return super().write(vals)
