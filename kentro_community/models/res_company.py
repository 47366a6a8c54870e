from odoo import models


class ResCompany(models.Model):
    _inherit = "res.company"

    def _kentro_lang(self):
        """The language of the people who read the titles and texts Kentro
        writes into this municipality's records (appointment titles, visit
        names, chatter lines): the municipality's own, Greek by default,
        whatever the language of the process that writes them (a cron, an
        RPC client, an import)."""
        installed = dict(self.env["res.lang"].get_installed())
        for lang in (self[:1].partner_id.lang, "el_GR"):
            if lang in installed:
                return lang
        return "en_US"
