from odoo import models


class IrUiMenu(models.Model):
    _inherit = "ir.ui.menu"

    def _load_menus_blacklist(self):
        # Odoo's hook for menus hidden per user (see hr): a report menu is
        # offered only to users who read a structure the report is about.
        # The menus are cached per user; structures' changes clear the cache.
        menus = super()._load_menus_blacklist()
        return menus + self.env["kentro.activity.report"]._unavailable_report_menus().ids
