from odoo import api, fields, models
from odoo.exceptions import ValidationError

SETTLEMENT_TYPES = [
    ("organised", "Organised"),
    ("semi_organised", "Semi-organised"),
    ("informal", "Informal (camp)"),
]
HOUSING = [
    ("houses", "Houses"),
    ("prefabricated", "Prefabricated units"),
    ("shacks", "Shacks and tents"),
    ("mixed", "Mixed"),
]
SERVICE_LEVELS = [("yes", "Yes"), ("partial", "Partly"), ("no", "No")]


class KentroRomaSettlement(models.Model):
    """A Roma settlement (οικισμός / καταυλισμός) served by a Roma annex, with
    its living conditions and their dated assessments."""

    _name = "kentro.roma.settlement"
    _description = "Roma settlement"
    _inherit = ["kentro.structure.mixin", "mail.thread"]
    _order = "name"

    name = fields.Char(required=True, tracking=True)
    area = fields.Char(help="Municipal unit, town or village.")
    latitude = fields.Float(digits=(10, 6))
    longitude = fields.Float(digits=(10, 6))
    settlement_type = fields.Selection(
        SETTLEMENT_TYPES, string="Type", required=True, tracking=True
    )
    population = fields.Integer(string="Population (estimate)", tracking=True)
    housing = fields.Selection(HOUSING)
    water = fields.Selection(SERVICE_LEVELS, string="Running water")
    electricity = fields.Selection(SERVICE_LEVELS)
    sewerage = fields.Selection(SERVICE_LEVELS)
    road_access = fields.Selection(SERVICE_LEVELS, string="Road access")
    school_distance = fields.Float(string="Distance to school (km)")
    health_distance = fields.Float(string="Distance to health centre (km)")
    risks = fields.Text(help="Flooding, fire, unsafe structures, conflicts…")
    assessment_ids = fields.One2many(
        "kentro.roma.settlement.assessment", "settlement_id", string="Condition assessments"
    )
    household_ids = fields.One2many("kentro.household", "roma_settlement_id", string="Households")
    beneficiary_ids = fields.One2many(
        "kentro.beneficiary", "roma_settlement_id", string="Beneficiaries"
    )
    household_count = fields.Integer(compute="_compute_counts", string="Number of households")
    beneficiary_count = fields.Integer(compute="_compute_counts", string="Number of people")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("population_positive", "CHECK(population >= 0)", "A population cannot be negative."),
        (
            "distances_positive",
            "CHECK(school_distance >= 0 AND health_distance >= 0)",
            "A distance cannot be negative.",
        ),
    ]

    @api.constrains("latitude", "longitude")
    def _check_coordinates(self):
        for settlement in self:
            if not (-90 <= settlement.latitude <= 90 and -180 <= settlement.longitude <= 180):
                raise ValidationError(
                    self.env._(
                        "Coordinates are a latitude between -90 and 90 and a longitude between -180 and 180."
                    )
                )

    @api.depends("household_ids", "beneficiary_ids")
    def _compute_counts(self):
        for model, field, target in (
            ("kentro.household", "roma_settlement_id", "household_count"),
            ("kentro.beneficiary", "roma_settlement_id", "beneficiary_count"),
        ):
            counts = dict(
                self.env[model]._read_group([(field, "in", self.ids)], [field], ["__count"])
            )
            for settlement in self:
                settlement[target] = counts.get(settlement, 0)
