from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    kentro_expiry_alert_days = fields.Integer(
        string="Alert before a permit expires (days)",
        default=60,
        help="How many days before a residence permit or asylum card expires the "
        "annex's staff get a to-do.",
    )

    _sql_constraints = [
        (
            "kentro_expiry_alert_days_positive",
            "CHECK(kentro_expiry_alert_days > 0)",
            "The alert comes at least one day before the expiry.",
        )
    ]
