from odoo import api, models

from ..tools.privacy import refusal, refuse_unreadable, search_without_unreadable, unreadable_ids


class IrAttachment(models.Model):
    """A document attached to a file, to casework or to an appointment is
    read, listed and served (``/web/content``, ``/web/image``) only to who may
    read that record. Appointments are readable by everyone as busy time, so
    Odoo's own check (read access to the record) would serve their documents
    to any employee."""

    _inherit = "ir.attachment"

    def _kentro_rows(self):
        # sudo: only the record each attachment belongs to is read, to check access to it.
        return [
            (attachment.id, attachment.res_model, attachment.res_id)
            for attachment in self.sudo().exists()
        ]

    # Odoo internal: see docs/odoo-internals.md
    def _check_access(self, operation):
        # Overrides an internal ORM method; read, fetch and the download routes
        # go through it (guarded by test_side_doors.TestAttachments and
        # TestAttachmentsOverHttp).
        return refuse_unreadable(self, super()._check_access(operation))

    # Odoo internal: see docs/odoo-internals.md
    @api.model
    def check(self, mode, values=None):
        super().check(mode, values=values)
        if self.env.is_superuser():
            return
        rows = self._kentro_rows() if self else []
        if values and values.get("res_model") and values.get("res_id"):
            rows.append((0, values["res_model"], values["res_id"]))
        if unreadable_ids(self.env, rows):
            raise refusal(self.env)

    # Odoo internal: see docs/odoo-internals.md
    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        # Overrides an internal ORM method that ir.attachment itself overrides
        # (guarded by test_side_doors.TestAttachments).
        query = super()._search(domain, offset, limit, order)
        return search_without_unreadable(self, query, order)
