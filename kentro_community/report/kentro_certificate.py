from odoo import api, models


class KentroCertificate(models.AbstractModel):
    """A certificate (βεβαίωση) as registered in the protocol register:
    printed only by professionals who may read the person's file; every print
    is in the file's access log."""

    _name = "report.kentro_community.kentro_certificate"
    _description = "Certificate"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["kentro.protocol.entry"].browse(docids)
        docs._kentro_check_print(
            "certificate", self.env._("Only professionals print a certificate.")
        )
        return {"doc_ids": docids, "doc_model": "kentro.protocol.entry", "docs": docs, "data": data}
