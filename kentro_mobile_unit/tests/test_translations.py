"""The mobile unit's Greek: every term Odoo exports for it is translated, and
the addon's name reads in Greek."""

from odoo.tests import TransactionCase, tagged

from odoo.addons.kentro_community.tests.common import GreekTranslationCases


@tagged("post_install", "-at_install", "kentro")
class TestGreekTranslations(GreekTranslationCases, TransactionCase):
    def test_the_addon_name_reads_in_greek(self):
        env = self.env(context={"lang": "el_GR"})
        module = env["ir.module.module"].search([("name", "=", "kentro_mobile_unit")])
        self.assertEqual(module.shortdesc, "Κέντρο Κοινότητας: Κινητές Μονάδες")
        self.assertEqual(module.state, "installed")
