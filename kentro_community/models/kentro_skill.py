from odoo import fields, models


class KentroSkill(models.Model):
    """A skill that job seekers offer, job offers ask for and volunteers bring."""

    _name = "kentro.skill"
    _description = "Skill"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
