from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import structure


class KentroVolunteerAssignment(models.Model):
    """A volunteer's help at a group activity (or one of its sessions): the
    day and the hours given, which the volunteer's contact totals."""

    _name = "kentro.volunteer.assignment"
    _description = "Volunteer assignment"
    _order = "date desc, id desc"
    _check_company_auto = True

    volunteer_id = fields.Many2one(
        "res.partner",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
        domain=[("kentro_is_volunteer", "=", True)],
    )
    activity_id = fields.Many2one(
        "kentro.group.activity",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    session_id = fields.Many2one(
        "kentro.group.session",
        ondelete="set null",
        index=True,
        check_company=True,
        domain="[('activity_id', '=', activity_id)]",
    )
    centre_id, company_id = structure.follows("activity_id")
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    hours = fields.Float(string="Hours given", required=True, default=1.0)
    task = fields.Char(help="What the volunteer did, e.g. welcoming the public.")

    @api.onchange("session_id")
    def _onchange_session_id(self):
        if self.session_id:
            self.date = self.session_id.date

    @api.constrains("hours")
    def _check_hours(self):
        for assignment in self:
            if assignment.hours <= 0:
                raise ValidationError(
                    self.env._(
                        "The hours a volunteer gave must be more than 0 (%(hours)s): "
                        "enter the time spent, e.g. 2.5 for two and a half hours.",
                        hours=assignment.hours,
                    )
                )

    @api.constrains("volunteer_id")
    def _check_volunteer(self):
        for assignment in self:
            if not assignment.volunteer_id.kentro_is_volunteer:
                raise ValidationError(
                    self.env._(
                        "%(contact)s is not a volunteer: tick «Volunteer» on the "
                        "contact's Volunteering tab first.",
                        contact=assignment.volunteer_id.display_name,
                    )
                )

    @api.constrains("activity_id", "session_id")
    def _check_session(self):
        for assignment in self:
            if (
                assignment.session_id
                and assignment.session_id.activity_id != assignment.activity_id
            ):
                raise ValidationError(
                    self.env._(
                        "The session of %(date)s belongs to another activity: choose a "
                        "session of %(activity)s or leave the session empty.",
                        date=assignment.session_id.date,
                        activity=assignment.activity_id.name,
                    )
                )

    def _compute_display_name(self):
        for assignment in self:
            assignment.display_name = (
                f"{assignment.volunteer_id.name} – {assignment.activity_id.name}"
            )
