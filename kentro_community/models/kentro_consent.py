from odoo import api, fields, models


class KentroConsent(models.Model):
    """A beneficiary's recorded consent to share their data with an agency (or
    every agency of a category). Referrals are sent only under one."""

    _name = "kentro.consent"
    _description = "Consent to share data"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    beneficiary_id = fields.Many2one(
        "kentro.beneficiary", required=True, index=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one(related="beneficiary_id.company_id", store=True, index=True)
    centre_id = fields.Many2one(related="beneficiary_id.centre_id", store=True, index=True)
    agency_id = fields.Many2one(
        "res.partner", domain="[('kentro_is_agency', '=', True)]", tracking=True
    )
    agency_category_id = fields.Many2one(
        "kentro.agency.category",
        string="Every agency of category",
        tracking=True,
        help="Leave the agency empty to cover every agency of this category.",
    )
    date = fields.Date(
        string="Date given", required=True, default=fields.Date.context_today, tracking=True
    )
    state = fields.Selection(
        [("given", "Given"), ("refused", "Refused"), ("withdrawn", "Withdrawn")],
        required=True,
        default="given",
        tracking=True,
    )
    attachment_id = fields.Many2one("ir.attachment", string="Signed form")

    _sql_constraints = [
        (
            "scope_required",
            "CHECK(agency_id IS NOT NULL OR agency_category_id IS NOT NULL)",
            "A consent names the agency, or the category of agencies, it covers.",
        ),
    ]

    @api.model
    def _covering(self, beneficiary, agency):
        """The active consents of ``beneficiary`` that cover ``agency``."""
        return self.sudo().search(
            [
                ("beneficiary_id", "=", beneficiary.id),
                ("state", "=", "given"),
                "|",
                ("agency_id", "=", agency.id),
                "&",
                ("agency_id", "=", False),
                ("agency_category_id", "=", agency.kentro_agency_category_id.id),
            ]
        )
