from odoo import fields, models


class KentroGroupActivity(models.Model):
    """A group activity or event (parents' group, Greek lessons…) with its sessions."""

    _name = "kentro.group.activity"
    _description = "Group activity"
    _inherit = ["kentro.structure.mixin", "mail.thread"]
    _order = "name"

    name = fields.Char(required=True, tracking=True)
    service_type_id = fields.Many2one(
        "kentro.service.type",
        string="Service",
        required=True,
        default=lambda self: self.env.ref(
            "kentro_community.kentro_service_type_group_activity", False
        ),
    )
    user_id = fields.Many2one("res.users", string="Facilitator", default=lambda self: self.env.user)
    description = fields.Text()
    session_ids = fields.One2many("kentro.group.session", "activity_id", string="Sessions")
    active = fields.Boolean(default=True)
