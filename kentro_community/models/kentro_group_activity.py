from odoo import api, fields, models
from odoo.exceptions import UserError


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


class KentroGroupSession(models.Model):
    """One meeting of a group activity; each attendance is a service of the attendee."""

    _name = "kentro.group.session"
    _description = "Group activity session"
    _order = "date desc, id desc"
    _check_company_auto = True

    activity_id = fields.Many2one(
        "kentro.group.activity", required=True, ondelete="cascade", index=True
    )
    centre_id = fields.Many2one(related="activity_id.centre_id", store=True, index=True)
    company_id = fields.Many2one(related="activity_id.company_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    duration = fields.Integer(string="Duration (minutes)", default=90)
    attendee_ids = fields.Many2many("kentro.beneficiary", string="Attendees", check_company=True)
    attendance_count = fields.Integer(compute="_compute_attendance_count")
    state = fields.Selection(
        [("planned", "Planned"), ("held", "Held")], default="planned", required=True
    )

    _sql_constraints = [
        ("duration_positive", "CHECK(duration >= 0)", "A duration cannot be negative."),
    ]

    @api.depends("attendee_ids")
    def _compute_attendance_count(self):
        for session in self:
            session.attendance_count = len(session.attendee_ids)

    def _compute_display_name(self):
        for session in self:
            session.display_name = f"{session.activity_id.name} – {session.date}"

    def action_mark_held(self):
        """Close the session: every attendee gets a service entry, once."""
        if any(session.state != "planned" for session in self):
            raise UserError(self.env._("This session is already marked as held."))
        Service = self.env["kentro.service"].sudo()
        Service.create(
            [
                {
                    "beneficiary_id": person.id,
                    "service_type_id": session.activity_id.service_type_id.id,
                    "centre_id": session.centre_id.id,
                    "user_id": self.env.user.id,
                    "date": session.date,
                    "duration": session.duration,
                    "group_session_id": session.id,
                }
                for session in self
                for person in session.attendee_ids
            ]
        )
        self.write({"state": "held"})
