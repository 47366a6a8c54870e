from odoo import api, models


class KentroReferralReport(models.AbstractModel):
    """The referral letter takes its protocol number when it is first printed,
    whichever way it is printed (the button, the print menu, /report/…), and
    keeps it on every reprint."""

    _name = "report.kentro_community.kentro_referral_report"
    _description = "Referral letter"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["kentro.referral"].browse(docids)
        docs._kentro_protocol_number("referral_letter")
        return {"doc_ids": docids, "doc_model": "kentro.referral", "docs": docs, "data": data}
