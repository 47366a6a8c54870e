from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # Retention of closed files (see kentro_retention_mixin.py).
    kentro_retention_years = fields.Integer(
        string="Closed files kept for (years)",
        default=5,
        help="A closed beneficiary file is anonymised this many years after it was closed.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        # Odoo leaves a new company without a document layout and stops an
        # administrator's first print at its layout wizard; a municipality
        # prints its documents from the first day.
        layout = self._kentro_default_layout()
        if layout:
            vals_list = [{"external_report_layout_id": layout.id, **vals} for vals in vals_list]
        return super().create(vals_list)

    def _kentro_default_layout(self):
        return self.env.ref("web.external_layout_standard", raise_if_not_found=False)

    @api.model
    def _kentro_set_default_layout(self):
        """Give the companies without a document layout Odoo's standard one."""
        layout = self._kentro_default_layout()
        if layout:
            companies = self.with_context(active_test=False).search(
                [("external_report_layout_id", "=", False)]
            )
            companies.write({"external_report_layout_id": layout.id})

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
