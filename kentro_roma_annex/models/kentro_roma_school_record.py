from odoo import fields, models

ATTENDANCE_CONCERNS = [
    ("none", "None"),
    ("irregular", "Irregular attendance"),
    ("dropped_out", "Dropped out"),
]
# Compulsory education in Greece: from pre-school at 4 to the end of gymnasio.
SCHOOL_AGE = (4, 15)


class KentroRomaSchoolRecord(models.Model):
    """School support for a child: school, class, enrolment, concerns and
    actions, dated."""

    _name = "kentro.roma.school.record"
    _description = "School support record"
    _inherit = ["kentro.casework.mixin"]
    _order = "date desc, id desc"

    beneficiary_id = fields.Many2one(string="Child", ondelete="cascade")
    date = fields.Date(required=True, default=fields.Date.context_today)
    school = fields.Char()
    grade = fields.Char(string="Class")
    enrolled = fields.Boolean(default=True)
    attendance_concern = fields.Selection(ATTENDANCE_CONCERNS, default="none", required=True)
    actions = fields.Text(string="Actions taken")
