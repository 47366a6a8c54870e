from odoo import api, models


class KentroSubjectAccessReport(models.AbstractModel):
    """Everything held about the person: printed for a head only (the
    report's group, checked on every rendering) and written in the access
    log as an export, whether it is reached by the ZIP or by its URL."""

    _name = "report.kentro_community.kentro_subject_access"
    _description = "Everything held about the person"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["kentro.beneficiary"].browse(docids)
        docs._check_subject_access()
        self.env["kentro.audit.log"]._log("export", docs)
        return {"doc_ids": docids, "doc_model": "kentro.beneficiary", "docs": docs, "data": data}
