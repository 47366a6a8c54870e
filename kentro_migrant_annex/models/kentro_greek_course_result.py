from odoo import api, fields, models

from odoo.addons.kentro_community.tools import structure

from .kentro_language import LEVELS

GREEK_LEVELS = [("none", "No Greek"), *LEVELS]
LEVEL_ORDER = [key for key, _label in GREEK_LEVELS]


class KentroGreekCourseResult(models.Model):
    """A learner's level of Greek at the start and end of a course; the level
    reached raises the level kept in the person's file."""

    _name = "kentro.greek.course.result"
    _description = "Greek course result"
    _order = "activity_id, id"

    activity_id = fields.Many2one(
        "kentro.group.activity", required=True, ondelete="cascade", index=True
    )
    centre_id, company_id = structure.follows("activity_id")
    beneficiary_id = fields.Many2one("kentro.beneficiary", string="Learner", required=True)
    level_start = fields.Selection(GREEK_LEVELS, string="Level at the start")
    level_reached = fields.Selection(GREEK_LEVELS, string="Level reached")
    sessions_attended = fields.Integer(compute="_compute_sessions_attended")

    _sql_constraints = [
        (
            "learner_uniq",
            "unique(activity_id, beneficiary_id)",
            "This learner already has a line in the course.",
        )
    ]

    @api.depends("activity_id.session_ids.attendee_ids")
    def _compute_sessions_attended(self):
        for result in self:
            result.sessions_attended = len(
                result.activity_id.session_ids.filtered(
                    lambda session, person=result.beneficiary_id: (
                        session.state == "held" and person in session.attendee_ids
                    )
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        results = super().create(vals_list)
        results._raise_file_level()
        return results

    def write(self, vals):
        result = super().write(vals)
        if "level_reached" in vals:
            self._raise_file_level()
        return result

    def _raise_file_level(self):
        # sudo: the level of Greek on the file is a professional's field; the
        # teacher who records the course raises it only to the level they
        # recorded, and nothing of the file is returned to them.
        for result in self.sudo().filtered("level_reached"):
            person = result.beneficiary_id
            if person.greek_level == "native":
                continue
            current = person.greek_level if person.greek_level in LEVEL_ORDER else "none"
            if LEVEL_ORDER.index(result.level_reached) > LEVEL_ORDER.index(current):
                person.greek_level = result.level_reached
