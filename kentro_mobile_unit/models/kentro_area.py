from odoo import api, fields, models
from odoo.exceptions import ValidationError

AREA_KINDS = [
    ("municipality", "Municipality"),
    ("municipal_unit", "Municipal unit"),
    ("community", "Community"),
]
# Eurostat's degree of urbanisation (DEGURBA), which the ESF+ indicator
# «participants from rural areas» follows.
URBANISATION = [("city", "City"), ("town", "Town or suburb"), ("rural", "Rural area")]
# Kallikratis: a municipality holds municipal units, which hold communities.
PARENT_KIND = {"municipal_unit": "municipality", "community": "municipal_unit"}


class KentroArea(models.Model):
    """The administrative map a mobile unit covers: municipality → municipal
    unit (δημοτική ενότητα) → community (κοινότητα), as in the Kallikratis
    reform."""

    _name = "kentro.area"
    _description = "Area (municipality, municipal unit, community)"
    _parent_store = True
    _order = "complete_name"
    _rec_name = "complete_name"

    name = fields.Char(required=True)
    kind = fields.Selection(AREA_KINDS, required=True)
    parent_id = fields.Many2one("kentro.area", index=True, ondelete="restrict")
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("kentro.area", "parent_id")
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=True)
    active = fields.Boolean(default=True)
    urbanisation = fields.Selection(
        URBANISATION,
        string="Degree of urbanisation",
        help="Eurostat's degree of urbanisation; an area without one takes that of the area it "
        "belongs to. People living in a rural area count as from a rural area in the ESF+ "
        "indicators.",
    )

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for area in self:
            area.complete_name = (
                f"{area.parent_id.complete_name} / {area.name}" if area.parent_id else area.name
            )

    @api.depends("complete_name")
    @api.depends_context("kentro_area_short_name")
    def _compute_display_name(self):
        # A visit's or registration's village, among the few the unit covers,
        # reads by its own name: the full path does not fit a phone.
        if not self.env.context.get("kentro_area_short_name"):
            return super()._compute_display_name()
        for area in self:
            area.display_name = area.name

    @api.constrains("kind", "parent_id")
    def _check_hierarchy(self):
        for area in self:
            expected = PARENT_KIND.get(area.kind)
            if (area.parent_id.kind or False) != (expected or False):
                raise ValidationError(
                    self.env._(
                        "%(area)s: a municipality has no parent, a municipal unit belongs to a "
                        "municipality and a community to a municipal unit.",
                        area=area.name,
                    )
                )

    def _kentro_urbanisation(self):
        """The area's degree of urbanisation, or that of the nearest area it
        belongs to which has one."""
        self.ensure_one()
        area = self
        while area and not area.urbanisation:
            area = area.parent_id
        return area.urbanisation or False
