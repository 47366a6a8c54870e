from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import structure
from .kentro_beneficiary import AGE_BANDS, GENDERS


class KentroGroupSessionHeadcount(models.Model):
    """The anonymous participants of a group session (members of the public
    who came without a file), counted by gender and age band: no person is
    named, so the figures stay out of every file."""

    _name = "kentro.group.session.headcount"
    _description = "Anonymous participants of a group session"
    _order = "session_id, gender, age_band"
    _check_company_auto = True

    session_id = fields.Many2one(
        "kentro.group.session",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    centre_id, company_id = structure.follows("session_id")
    gender = fields.Selection(GENDERS, required=True)
    age_band = fields.Selection(AGE_BANDS, string="Age band", required=True)
    count = fields.Integer(string="Participants", required=True, default=1)

    _sql_constraints = [
        (
            "session_gender_band_uniq",
            "unique(session_id, gender, age_band)",
            "A session counts each gender and age band once: "
            "change the number on the existing line instead of adding another.",
        ),
    ]

    @api.constrains("count")
    def _check_count(self):
        for line in self:
            if line.count < 0:
                raise ValidationError(
                    self.env._(
                        "The number of anonymous participants cannot be negative "
                        "(%(count)s): enter 0 or more.",
                        count=line.count,
                    )
                )
