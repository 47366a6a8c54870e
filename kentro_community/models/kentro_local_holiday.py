import calendar

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class KentroLocalHoliday(models.Model):
    """A feast of the municipality only (its patron saint's day), on the same
    day every year: added once, it closes the municipality's structures every
    year, beside the national public holidays."""

    _name = "kentro.local.holiday"
    _description = "Local feast"
    _order = "month, day, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=False)
    company_id = fields.Many2one(
        "res.company",
        string="Municipality",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    day = fields.Integer(required=True, default=1)
    month = fields.Integer(required=True, default=1)

    @api.constrains("day", "month")
    def _check_day(self):
        for holiday in self:
            # A leap year's calendar: 29 February is a day, observed when it exists.
            if not 1 <= holiday.month <= 12 or not (
                1 <= holiday.day <= calendar.monthrange(2024, holiday.month)[1]
            ):
                raise ValidationError(
                    self.env._(
                        "%(day)s/%(month)s is not a day of the year: give a day of the month "
                        "and a month between 1 and 12.",
                        day=holiday.day,
                        month=holiday.month,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        holidays = super().create(vals_list)
        self.env["kentro.centre"].search(
            [("company_id", "in", holidays.company_id.ids)]
        )._kentro_plan_holidays()
        return holidays

    def write(self, vals):
        result = super().write(vals)
        self.env["kentro.centre"].search(
            [("company_id", "in", self.company_id.ids)]
        )._kentro_plan_holidays()
        return result
