from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.kentro_beneficiary import AGE_BANDS, EDUCATION_BANDS, EMPLOYMENT_STATUSES, GENDERS


class KentroBeneficiaryReport(models.Model):
    """Beneficiary statistics without names or identifiers: what the municipal
    Social Service reads instead of the individual files."""

    _name = "kentro.beneficiary.report"
    _description = "Beneficiary statistics"
    _auto = False
    _rec_name = "centre_id"
    _order = "registration_date desc"

    centre_id = fields.Many2one("kentro.centre", string="Structure", readonly=True)
    company_id = fields.Many2one("res.company", string="Municipality", readonly=True)
    registration_date = fields.Date(readonly=True)
    gender = fields.Selection(GENDERS, readonly=True)
    age_band = fields.Selection(AGE_BANDS, readonly=True)
    education_band = fields.Selection(EDUCATION_BANDS, readonly=True)
    employment_status = fields.Selection(EMPLOYMENT_STATUSES, readonly=True)
    long_term_unemployed = fields.Boolean(readonly=True)
    state = fields.Selection(
        [("active", "Active"), ("inactive", "Inactive"), ("closed", "Closed")], readonly=True
    )
    beneficiary_count = fields.Integer(string="Beneficiaries", readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                SELECT b.id,
                       b.centre_id,
                       b.company_id,
                       b.registration_date,
                       b.gender,
                       b.age_band,
                       b.education_band,
                       b.employment_status,
                       b.long_term_unemployed,
                       b.state,
                       1 AS beneficiary_count
                  FROM kentro_beneficiary b
            )
            """,
                SQL.identifier(self._table),
            )
        )
