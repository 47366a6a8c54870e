from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import groups


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
    co_organiser_ids = fields.Many2many(
        "res.partner",
        "kentro_group_activity_co_organiser_rel",
        "activity_id",
        "partner_id",
        string="Co-organising agencies",
        domain=[("kentro_is_agency", "=", True)],
        check_company=True,
        help="Agencies of the registry that organise the activity with the Centre.",
    )
    volunteer_assignment_ids = fields.One2many(
        "kentro.volunteer.assignment",
        "activity_id",
        string="Volunteers",
        groups=groups.PROFESSIONAL,
    )

    @api.constrains("co_organiser_ids")
    def _check_co_organisers(self):
        for activity in self:
            others = activity.co_organiser_ids.filtered(
                lambda partner: not partner.kentro_is_agency
            )
            if others:
                raise ValidationError(
                    self.env._(
                        "Only agencies of the registry can co-organise an activity, and "
                        "%(contacts)s are not: add them to the Agencies Registry first "
                        "or remove them.",
                        contacts=", ".join(others.mapped("display_name")),
                    )
                )
