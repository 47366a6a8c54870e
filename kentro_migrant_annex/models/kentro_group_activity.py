from odoo import api, fields, models


class KentroGroupActivity(models.Model):
    _inherit = "kentro.group.activity"

    greek_course = fields.Boolean(
        string="Greek-language course",
        compute="_compute_greek_course",
        help="A course of Greek for migrants: each learner's level is recorded.",
    )
    greek_result_ids = fields.One2many(
        "kentro.greek.course.result", "activity_id", string="Levels of the learners"
    )

    @api.depends("service_type_id")
    def _compute_greek_course(self):
        course = self.env.ref("kentro_migrant_annex.kentro_service_type_greek_course")
        for activity in self:
            activity.greek_course = activity.service_type_id == course
