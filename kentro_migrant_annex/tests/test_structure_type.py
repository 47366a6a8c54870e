from odoo.tests import tagged

from odoo.addons.kentro_community.tests.common import KentroCommunityCase, StructureTypeCases


@tagged("kentro", "kentro_structure")
class TestMigrantAnnexType(StructureTypeCases, KentroCommunityCase):
    structure_type = "migrant_annex"
    action_xmlid = "kentro_migrant_annex.kentro_centre_action_migrant_annex"
    greek_label = "Παράρτημα ΚΕΜ"
