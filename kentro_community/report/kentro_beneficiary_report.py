import re

from odoo import api, fields, models, tools
from odoo.exceptions import AccessError
from odoo.osv import expression
from odoo.tools import SQL

from ..models.kentro_beneficiary import AGE_BANDS, EDUCATION_BANDS, EMPLOYMENT_STATUSES, GENDERS
from ..tools import groups

# Counts from 1 to SMALL_COUNT - 1 are hidden from readers outside the Centre.
SMALL_COUNT = 5

# A read_group field: "name", "name:aggregate" or "alias:aggregate(name)".
FIELD_SPEC = re.compile(r"(\w+)(?::(\w+)(?:\((\w+)\))?)?")


class KentroBeneficiaryReport(models.Model):
    """Beneficiary statistics: how many people registered, by structure, month
    of registration and the ESF+ dimensions. Each row is a group of people
    alike in every dimension, with their number; no row is a file and no id is
    a file's. The municipal Social Service reads these figures only as totals
    (pivot, graph, ``read_group``), with counts below ``SMALL_COUNT`` hidden."""

    _name = "kentro.beneficiary.report"
    _description = "Beneficiary statistics"
    _auto = False
    _rec_name = "centre_id"
    _order = "registration_month desc"

    centre_id = fields.Many2one("kentro.centre", string="Structure", readonly=True)
    company_id = fields.Many2one("res.company", string="Municipality", readonly=True)
    registration_month = fields.Date(string="Month of registration", readonly=True)
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
        # The id numbers the groups; it is no file's id.
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                SELECT row_number() OVER (
                           ORDER BY g.company_id, g.centre_id, g.registration_month, g.gender,
                                    g.age_band, g.education_band, g.employment_status,
                                    g.long_term_unemployed, g.state
                       ) AS id,
                       g.*
                  FROM (
                    SELECT b.centre_id,
                           b.company_id,
                           date_trunc('month', b.registration_date)::date AS registration_month,
                           b.gender,
                           b.age_band,
                           b.education_band,
                           b.employment_status,
                           b.long_term_unemployed,
                           b.state,
                           count(*) AS beneficiary_count
                      FROM kentro_beneficiary b
                  GROUP BY b.company_id, b.centre_id, registration_month, b.gender, b.age_band,
                           b.education_band, b.employment_status, b.long_term_unemployed,
                           b.state
                  ) g
            )
            """,
                SQL.identifier(self._table),
            )
        )

    # ------------------------------------------- readers outside the Centre
    @api.model
    def _hides_small_counts(self):
        """Whether the current user reads these figures from outside the
        Community Centre (the Social Service): heads and administrators read
        the files of their structures, and so their exact counts."""
        return not self.env.su and not self.env.user.has_group(groups.HEAD)

    def _refuse_rows(self):
        raise AccessError(
            self.env._(
                "The Social Service reads beneficiary statistics as totals (pivot and graph), "
                "not row by row nor by the number of people of a row."
            )
        )

    # Odoo internal: see docs/odoo-internals.md
    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        # A search on the count itself («rows of one person») would tell what
        # the hidden counts hide.
        if self._hides_small_counts() and any(
            expression.is_leaf(leaf) and str(leaf[0]).split(".")[0] == "beneficiary_count"
            for leaf in expression.normalize_domain(domain or [])
        ):
            self._refuse_rows()
        return super()._search(domain, offset=offset, limit=limit, order=order)

    # Odoo internal: see docs/odoo-internals.md
    def _fetch_query(self, query, fields):
        # Overrides an internal ORM method: the one way by which read,
        # search_read, web_read, web_search_read and export_data get rows
        # (fetch and search_fetch both end here), while read_group does not.
        # Guarded by TestStatisticsAreStatistics.test_supervisor_reads_no_row.
        # A search for ids alone (no field) tells nothing: the ids number groups.
        if fields and self._hides_small_counts():
            self._refuse_rows()
        return super()._fetch_query(query, fields)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        """Outside the Centre, a group of 1 to ``SMALL_COUNT - 1`` people shows
        no number; the group's record count is its number of people (hidden
        alike), not its number of rows."""
        if not self._hides_small_counts():
            return super().read_group(domain, fields, groupby, offset, limit, orderby, lazy)
        if orderby and "beneficiary_count" in orderby:
            self._refuse_rows()
        # Only the count's sum, under its own name, is hidden below: another
        # aggregate (min, max, avg, array_agg) or an alias would show, cell by
        # cell, the small counts the sum hides.
        for spec in fields:
            match = FIELD_SPEC.fullmatch(spec.strip())
            if not match:
                continue  # refused by read_group itself
            name, aggregate, source = match.groups()
            if "beneficiary_count" in (name, source) and (
                source not in (None, name) or aggregate not in (None, "sum")
            ):
                self._refuse_rows()
        fields = [*fields, "beneficiary_count:sum"]
        groups = super().read_group(domain, fields, groupby, offset, limit, orderby, lazy)
        for group in groups:
            people = group.get("beneficiary_count") or 0
            shown = people if people >= SMALL_COUNT else False
            for key in group:
                if key.endswith("_count"):
                    group[key] = shown
        return groups
