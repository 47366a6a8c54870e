from odoo import models
from odoo.exceptions import AccessError


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _kentro_report(self, report):
        """A report of a Kentro addon: the others keep Odoo's behaviour."""
        return report.report_name.split(".")[0].startswith("kentro_")

    # Overrides an Odoo internal (non-public) method: every QWeb rendering,
    # HTML, PDF or text, for the /report routes as for the buttons, builds its
    # values here. Guarded by TestReportRoutes and the annexes' report tests.
    # Odoo internal: see docs/odoo-internals.md
    def _get_rendering_context(self, report, docids, data):
        if self._kentro_report(report) and not self.env.su:
            self._kentro_check_report_access(report, docids)
        return super()._get_rendering_context(report, docids, data)

    def _kentro_check_report_access(self, report, docids):
        """Print only for the report's groups and only records the user may
        read; a wizard's report only for the user who filled the wizard in."""
        user = self.env.user
        refused = AccessError(self.env._("You may not print this document."))
        if report.groups_id and not report.groups_id & user.groups_id:
            raise refused
        records = self.env[report.model].browse(docids or [])
        # Readable is not enough: an appointment of another structure is
        # readable as busy time, and its card would print the person.
        if not records.has_access("read") or records._kentro_unreadable_records():
            raise refused
        # sudo: only who created the wizard is read, to compare with the user.
        if records._transient and records.sudo().create_uid != user:
            raise refused
