from odoo import api, fields, models

from ..tools import groups


class KentroHousehold(models.Model):
    """A household (νοικοκυριό): the beneficiaries who live together."""

    _name = "kentro.household"
    _description = "Household"
    _inherit = ["mail.thread"]
    _order = "name, id"
    _kentro_order_index = True
    _check_company_auto = True

    name = fields.Char(
        compute="_compute_name", store=True, readonly=False, required=True, index="trigram"
    )
    centre_id = fields.Many2one(
        "kentro.centre",
        string="Registering structure",
        required=True,
        index=True,
        check_company=True,
        default=lambda self: self.env.user.kentro_centre_ids[:1],
    )
    company_id = fields.Many2one(related="centre_id.company_id", store=True, index=True)
    member_ids = fields.One2many("kentro.beneficiary", "household_id", string="Members")
    head_id = fields.Many2one(
        "kentro.beneficiary",
        string="Head of household",
        compute="_compute_head_id",
        store=True,
        readonly=False,
        domain="[('household_id', '=', id)]",
        tracking=True,
        help="By default the member whose relationship is 'Head of household'.",
    )
    size = fields.Integer(compute="_compute_size", store=True, aggregator="avg")
    single_parent = fields.Boolean(string="Single-parent household", tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    annual_income = fields.Monetary(
        string="Declared annual income", groups=groups.PROFESSIONAL, tracking=True
    )
    # Set by the import of beneficiaries (kentro.beneficiary.import.mixin).
    import_key = fields.Char(
        index="btree_not_null",
        copy=False,
        readonly=True,
        help="Which import created the household, and from which value of the file.",
    )

    @api.depends("head_id.name")
    def _compute_name(self):
        for household in self:
            # Named after the head of household, as on a family's social file.
            if household.head_id:
                household.name = household.head_id.name

    @api.depends("member_ids.household_relationship")
    def _compute_head_id(self):
        for household in self:
            heads = household.member_ids.filtered(lambda m: m.household_relationship == "head")
            household.head_id = heads[:1] or household.head_id

    @api.depends("member_ids")
    def _compute_size(self):
        for household in self:
            household.size = len(household.member_ids)
