from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    kentro_centre_ids = fields.Many2many(
        "kentro.centre",
        "kentro_centre_res_users_rel",
        "user_id",
        "centre_id",
        string="Community Centre structures",
        help="The structures this user works at; Community Centre records are "
        "limited to them (heads of centre: also the structures attached to theirs).",
    )
    kentro_role_id = fields.Many2one(
        "kentro.staff.role",
        string="Community Centre role",
        help="The profession of this member of staff.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["kentro_centre_ids", "kentro_role_id"]

    def kentro_visible_centre_ids(self):
        """Ids of the structures the current user may see; record rules use it."""
        return list(self.env["kentro.centre"]._kentro_visible_ids())

    # Odoo internal: see docs/odoo-internals.md
    def _get_invalidation_fields(self):
        # Record rules read the user's structures and profession; Odoo caches
        # their evaluated domains per user until the registry cache is cleared.
        return super()._get_invalidation_fields() | {"kentro_centre_ids", "kentro_role_id"}
