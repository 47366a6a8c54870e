from odoo import api, models


class KentroSocialReport(models.AbstractModel):
    """The social report (Κοινωνική Έκθεση) of a file, as registered in the
    protocol register: printed only by professionals who may read the file,
    and every print, the first and each reprint, is in the file's access log."""

    _name = "report.kentro_community.kentro_social_report"
    _description = "Social report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["kentro.protocol.entry"].browse(docids)
        people = docs._kentro_check_print(
            "social_report", self.env._("Only professionals print a social report.")
        )
        return {
            "doc_ids": docids,
            "doc_model": "kentro.protocol.entry",
            "docs": docs,
            "data": data,
            # The latest assessment of each need: a reassessment replaces the
            # earlier ones in the report (they stay in the file).
            "assessments": {person.id: person.current_need_assessment_ids for person in people},
            "plans": {person.id: self._plan(person) for person in people},
        }

    @api.model
    def _plan(self, person):
        """The file's open support plan, or its latest one."""
        Plan = self.env["kentro.support.plan"]
        domain = [("beneficiary_id", "=", person.id)]
        return Plan.search(domain + [("state", "in", ("draft", "active"))], limit=1) or Plan.search(
            domain, limit=1
        )
