from odoo.tests import tagged

from odoo.addons.kentro_community.tests.common import KentroCommunityCase, StructureTypeCases


@tagged("kentro", "kentro_structure")
class TestRomaAnnexType(StructureTypeCases, KentroCommunityCase):
    structure_type = "roma_annex"
    action_xmlid = "kentro_roma_annex.kentro_centre_action_roma_annex"
    greek_label = "Παράρτημα Ρομά"
