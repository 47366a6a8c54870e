from odoo.tests import tagged

from odoo.addons.kentro_community.tests.common import KentroCommunityCase, StructureTypeCases


@tagged("kentro", "kentro_structure")
class TestMobileUnitType(StructureTypeCases, KentroCommunityCase):
    structure_type = "mobile_unit"
    action_xmlid = "kentro_mobile_unit.kentro_centre_action_mobile_unit"
    greek_label = "Κινητή Μονάδα"
