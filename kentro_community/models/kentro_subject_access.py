import io
import zipfile

from odoo import fields, models

# The records of a file, by the field that links them to the person.
FILE_MODELS = [
    ("kentro.consent", "beneficiary_id"),
    ("kentro.service", "beneficiary_id"),
    ("kentro.application", "beneficiary_id"),
    ("kentro.referral", "beneficiary_id"),
    ("kentro.case.note", "beneficiary_id"),
    ("kentro.job.seeker", "beneficiary_id"),
    ("kentro.job.placement", "beneficiary_id"),
    ("kentro.goods.distribution", "beneficiary_id"),
    ("calendar.event", "kentro_beneficiary_id"),
    ("kentro.audit.log", "beneficiary_id"),
]


class KentroSubjectAccessMixin(models.AbstractModel):
    """Right of access (GDPR art. 15): everything held about a person in one
    ZIP — a PDF of the whole file and every document attached to it."""

    _name = "kentro.subject.access.mixin"
    _description = "Right of access"

    def _subject_records(self):
        """{model description: records} of everything held about the person."""
        self.ensure_one()
        env = self.env
        return {
            env[model]._description: env[model].sudo().search([(field, "=", self.id)])
            for model, field in FILE_MODELS
        }

    def _subject_attachments(self):
        self.ensure_one()
        documents = [("kentro.beneficiary", self.ids), ("res.partner", self.partner_id.ids)]
        documents += [(records._name, records.ids) for records in self._subject_records().values()]
        domain = ["|"] * (len(documents) - 1)
        for model, ids in documents:
            domain += ["&", ("res_model", "=", model), ("res_id", "in", ids or [0])]
        return self.env["ir.attachment"].sudo().search(domain)

    def action_subject_access(self):
        """Build the ZIP, keep it on the file's chatter, and download it."""
        self.ensure_one()
        self.check_access("read")
        self.env["kentro.audit.log"]._log("export", self)
        pdf = self.env["ir.actions.report"]._render_qweb_pdf(
            "kentro_community.kentro_subject_access_action", self.ids
        )[0]
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(f"{self.name}.pdf", pdf)
            for attachment in self._subject_attachments():
                archive.writestr(
                    f"documents/{attachment.id}-{attachment.name}", attachment.raw or b""
                )
        today = fields.Date.context_today(self)
        zip_attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": self.env._(
                        "Right of access - %(name)s - %(date)s.zip", name=self.name, date=today
                    ),
                    "raw": buffer.getvalue(),
                    "res_model": self._name,
                    "res_id": self.id,
                    "mimetype": "application/zip",
                }
            )
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{zip_attachment.id}?download=true&access_token="
            f"{zip_attachment.generate_access_token()[0]}",
            "target": "download",
        }
