from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    kentro_language_ids = fields.Many2many(
        "kentro.language",
        "kentro_language_res_users_rel",
        "user_id",
        "language_id",
        string="Interprets",
        help="For interpreters and intercultural mediators: the languages they interpret.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["kentro_language_ids"]
