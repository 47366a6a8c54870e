"""The core's Greek: every term Odoo exports for it is translated, and the
database, loaded in el_GR, names the app in Greek."""

from odoo.tests import TransactionCase, tagged

from .common import GreekTranslationCases


@tagged("post_install", "-at_install", "kentro")
class TestGreekTranslations(GreekTranslationCases, TransactionCase):
    def test_the_app_menu_reads_in_greek(self):
        env = self.env(context={"lang": "el_GR"})
        self.assertTrue(env["res.lang"]._lang_get("el_GR").active)
        self.assertEqual(env.ref("kentro_community.kentro_root_menu").name, "Κέντρο Κοινότητας")
