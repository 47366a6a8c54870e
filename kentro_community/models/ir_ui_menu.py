from odoo import models


class IrUiMenu(models.Model):
    _inherit = "ir.ui.menu"

    # Odoo internal: see docs/odoo-internals.md
    def _load_menus_blacklist(self):
        # Odoo's hook for menus hidden per user (see hr): a report menu is
        # offered only to users who read a structure the report is about, and
        # a menu of one type of structure only to those who read one.
        # The menus are cached per user; structures' changes clear the cache.
        menus = super()._load_menus_blacklist()
        Report = self.env["kentro.activity.report"]
        return (
            menus
            + Report._unavailable_report_menus().ids
            + Report._unavailable_structure_menus().ids
        )
