from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import structure


class KentroGroupSession(models.Model):
    """One meeting of a group activity; each attendance is a service of the attendee."""

    _name = "kentro.group.session"
    _description = "Group activity session"
    _order = "date desc, id desc"
    _check_company_auto = True

    activity_id = fields.Many2one(
        "kentro.group.activity", required=True, ondelete="cascade", index=True
    )
    centre_id, company_id = structure.follows("activity_id")
    date = fields.Date(required=True, default=fields.Date.context_today)
    duration = fields.Integer(string="Duration (minutes)", default=90)
    attendee_ids = fields.Many2many("kentro.beneficiary", string="Attendees", check_company=True)
    attendance_count = fields.Integer(compute="_compute_attendance_count")
    headcount_ids = fields.One2many(
        "kentro.group.session.headcount", "session_id", string="Anonymous participants"
    )
    anonymous_count = fields.Integer(
        string="Anonymous",
        compute="_compute_participant_count",
        store=True,
        help="Members of the public counted by gender and age band, without a file.",
    )
    participant_count = fields.Integer(
        string="Participants",
        compute="_compute_participant_count",
        store=True,
        help="Registered attendees plus anonymous participants.",
    )
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

    @api.depends("attendee_ids", "headcount_ids.count")
    def _compute_participant_count(self):
        for session in self:
            session.anonymous_count = sum(session.headcount_ids.mapped("count"))
            session.participant_count = len(session.attendee_ids) + session.anonymous_count

    def _compute_display_name(self):
        for session in self:
            session.display_name = f"{session.activity_id.name} – {session.date}"

    def action_open_headcount(self):
        """The session's form, where its anonymous participants are counted."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Participants"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(self.env.ref("kentro_community.kentro_group_session_view_form").id, "form")],
            "target": "new",
        }

    def action_mark_held(self):
        """Close the session: every attendee gets a service entry, once."""
        if any(session.state != "planned" for session in self):
            raise UserError(self.env._("This session is already marked as held."))
        self.env["kentro.service"]._kentro_log_work(
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
