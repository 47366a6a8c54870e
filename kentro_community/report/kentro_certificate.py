from odoo import api, models
from odoo.exceptions import AccessError

from ..tools import groups


class KentroCertificate(models.AbstractModel):
    """A certificate (βεβαίωση) as registered in the protocol register:
    printed only by professionals who may read the person's file; every print
    is in the file's access log."""

    _name = "report.kentro_community.kentro_certificate"
    _description = "Certificate"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["kentro.protocol.entry"].browse(docids)
        if not self.env.su and (
            not self.env.user.has_group(groups.PROFESSIONAL)
            or any(entry.document_kind != "certificate" for entry in docs)
        ):
            raise AccessError(self.env._("Only professionals print a certificate."))
        docs.beneficiary_id.check_access("read")
        self.env["kentro.audit.log"]._log("print_document", docs.beneficiary_id)
        return {"doc_ids": docids, "doc_model": "kentro.protocol.entry", "docs": docs, "data": data}
