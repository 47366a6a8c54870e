"""Every term Odoo exports for our addons has its Greek translation, and the
database, loaded in el_GR, speaks Greek."""

import polib

from odoo.tools.translate import TranslationModuleReader

from .common import RepositoryCase
from .conftest import ADDONS, REPO_ROOT


class TestGreekTranslations(RepositoryCase):
    def test_every_exported_term_is_translated(self):
        for addon in ADDONS:
            po = polib.pofile(str(REPO_ROOT / addon / "i18n/el.po"))
            greek = {entry.msgid: entry.msgstr for entry in po if entry.msgstr}
            exported = {term[4] for term in TranslationModuleReader(self.cr, modules=[addon])}
            self.assertTrue(exported, f"Odoo exported no term for {addon}")
            missing = sorted(exported - set(greek))
            self.assertFalse(missing, f"{addon}/i18n/el.po lacks Greek for: {missing}")

    def test_menu_and_addon_names_read_in_greek(self):
        env = self.env(context={"lang": "el_GR"})
        self.assertTrue(env["res.lang"]._lang_get("el_GR").active)
        self.assertEqual(env.ref("kentro_community.kentro_root_menu").name, "Κέντρο Κοινότητας")
        module = env["ir.module.module"].search([("name", "=", "kentro_mobile_unit")])
        self.assertEqual(module.shortdesc, "Κέντρο Κοινότητας: Κινητές Μονάδες")
        self.assertEqual(module.state, "installed")
