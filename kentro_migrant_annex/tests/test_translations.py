"""The ΚΕΜ annex's Greek: every term Odoo exports for it is translated."""

from odoo.tests import TransactionCase, tagged

from odoo.addons.kentro_community.tests.common import GreekTranslationCases


@tagged("post_install", "-at_install", "kentro")
class TestGreekTranslations(GreekTranslationCases, TransactionCase):
    pass
