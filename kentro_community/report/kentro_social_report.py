from odoo import api, models
from odoo.exceptions import AccessError

from ..tools import groups


class KentroSocialReport(models.AbstractModel):
    """The social report (Κοινωνική Έκθεση) of a file, as registered in the
    protocol register: printed only by professionals who may read the file,
    and every print, the first and each reprint, is in the file's access log."""

    _name = "report.kentro_community.kentro_social_report"
    _description = "Social report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["kentro.protocol.entry"].browse(docids)
        if not self.env.su and (
            not self.env.user.has_group(groups.PROFESSIONAL)
            or any(entry.document_kind != "social_report" for entry in docs)
        ):
            raise AccessError(self.env._("Only professionals print a social report."))
        people = docs.beneficiary_id
        people.check_access("read")
        self.env["kentro.audit.log"]._log("print_document", people)
        return {
            "doc_ids": docids,
            "doc_model": "kentro.protocol.entry",
            "docs": docs,
            "data": data,
            "assessments": {person.id: self._current_assessments(person) for person in people},
            "plans": {person.id: self._plan(person) for person in people},
        }

    @api.model
    def _current_assessments(self, person):
        """The latest assessment of each of the person's needs: a reassessment
        replaces the earlier ones in the report (they stay in the file)."""
        assessments = self.env["kentro.need.assessment"].search(
            [("beneficiary_id", "=", person.id)], order="date desc, id desc"
        )
        current = self.env["kentro.need.assessment"]
        seen = set()
        for assessment in assessments:
            if assessment.need_id.id not in seen:
                seen.add(assessment.need_id.id)
                current |= assessment
        return current

    @api.model
    def _plan(self, person):
        """The file's open support plan, or its latest one."""
        Plan = self.env["kentro.support.plan"]
        domain = [("beneficiary_id", "=", person.id)]
        return Plan.search(domain + [("state", "in", ("draft", "active"))], limit=1) or Plan.search(
            domain, limit=1
        )
