import polib

from odoo.tests import HttpCase, tagged
from odoo.tools.misc import file_path

# The Greek Kentro ships for terms of Odoo's own modules (i18n_extra/el.po).
EXTRA_PO = file_path("kentro_community/i18n_extra/el.po")


def _odoo_module(entry):
    return next(
        line.split(":", 1)[1].strip()
        for line in entry.comment.splitlines()
        if line.startswith("module:")
    )


@tagged("post_install", "-at_install", "kentro")
class TestOdooGreek(HttpCase):
    """Greek for the Odoo terms our users meet every day that Odoo's own el.po
    leaves untranslated, shipped in kentro_community/i18n_extra/el.po."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("el_GR")
        cls.shipped = polib.pofile(EXTRA_PO)

    def _web_client_terms(self):
        response = self.url_open("/web/webclient/translations/kentro?lang=el_GR")
        self.assertEqual(response.status_code, 200)
        terms = {}
        for module in response.json()["modules"].values():
            terms.update({message["id"]: message["string"] for message in module["messages"]})
        return terms

    def test_web_client_receives_the_greek_of_dialog_titles_and_chatter(self):
        terms = self._web_client_terms()
        self.assertEqual(terms["Invalid Operation"], "Μη επιτρεπτή ενέργεια")
        self.assertEqual(terms["Planned Activities"], "Προγραμματισμένες δραστηριότητες")
        self.assertEqual(terms["+ Add %s"], "+ Προσθήκη: %s")

    def test_every_shipped_javascript_term_reaches_the_web_client(self):
        terms = self._web_client_terms()
        for entry in self.shipped:
            if "odoo-javascript" in entry.comment:
                self.assertEqual(terms.get(entry.msgid), entry.msgstr, entry.msgid)

    def test_odoo_greek_of_the_same_terms_is_kept(self):
        # Odoo's own Greek wins wherever it exists: "Add" keeps web's word.
        self.assertEqual(self._web_client_terms()["Add"], "Προσθήκη")

    def test_reminders_read_in_greek(self):
        alarm = self.env.ref("calendar.alarm_notif_3").with_context(lang="el_GR")
        self.assertEqual(alarm.name, "Ειδοποίηση - 1 ώρα πριν")
        # Odoo's Greek for the e-mail reminders is not replaced.
        self.assertEqual(
            self.env.ref("calendar.alarm_mail_1").with_context(lang="el_GR").name,
            "Email - 3 Ώρες",
        )

    def test_shipped_terms_are_untranslated_in_odoo_and_still_used(self):
        """A term of Odoo's records or code enters i18n_extra only while Odoo's
        el.po leaves it empty (so Kentro never overrides Odoo's Greek) and Odoo
        still has it (so an Odoo update that drops or translates it shows
        here). The options Kentro's models inherit from Odoo's mixins take
        Odoo's own Greek for the same option."""
        odoo_po = {}
        for addon in ("kentro_community", "kentro_migrant_annex", "kentro_roma_annex"):
            for entry in polib.pofile(file_path(f"{addon}/i18n_extra/el.po")):
                module = _odoo_module(entry)
                self.assertIn(module, ("web", "mail", "calendar", "sms"), entry.msgid)
                if module not in odoo_po:
                    odoo_po[module] = {
                        odoo.msgid: odoo.msgstr
                        for odoo in polib.pofile(file_path(f"{module}/i18n/el.po"))
                    }
                self.assertIn(entry.msgid, odoo_po[module], f"{module} no longer has the term")
                self.assertTrue(entry.msgstr, entry.msgid)
                on_kentro_models = all("kentro_" in name for name, _line in entry.occurrences)
                expected = entry.msgstr if on_kentro_models else ""
                self.assertEqual(odoo_po[module][entry.msgid], expected, entry.msgid)
