from odoo import api, models


class KentroBeneficiarySheetReport(models.AbstractModel):
    """The beneficiary sheet prints only for users allowed to read the file."""

    _name = "report.kentro_community.kentro_beneficiary_sheet"
    _description = "Beneficiary sheet"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["kentro.beneficiary"].browse(docids)
        docs.check_access("read")
        self.env["kentro.audit.log"]._log("print", docs)
        return {"doc_ids": docids, "doc_model": "kentro.beneficiary", "docs": docs, "data": data}
