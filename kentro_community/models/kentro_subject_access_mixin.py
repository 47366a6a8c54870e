import io
import zipfile

from odoo import fields, models
from odoo.exceptions import AccessError

from ..tools import groups


class KentroSubjectAccessMixin(models.AbstractModel):
    """Right of access (GDPR art. 15): everything held about a person in one
    ZIP, a report of every declared model (``_kentro_personal_data``) and the
    documents of the person's records. Run by a head; the ZIP is built when it
    is downloaded and kept nowhere, so no URL serves it without a session."""

    _name = "kentro.subject.access.mixin"
    _inherit = ["kentro.personal.data.mixin"]
    _description = "Right of access"

    def _check_subject_access(self):
        """A head of centre, of a structure whose files they read."""
        if not self.env.su and not self.env.user.has_group(groups.HEAD):
            raise AccessError(
                self.env._("Only the head of centre may export everything held about a person.")
            )
        self.check_access("read")

    def action_subject_access(self):
        """Download the ZIP: refused here at once if the user may not."""
        self.ensure_one()
        self._check_subject_access()
        return {
            "type": "ir.actions.act_url",
            "url": f"/kentro/subject_access/{self.id}",
            "target": "download",
        }

    def _subject_access_zip(self):
        """(file name, ZIP content). The report it prints writes the audit row."""
        self.ensure_one()
        self._check_subject_access()
        pdf = self.env["ir.actions.report"]._render_qweb_pdf(
            "kentro_community.kentro_subject_access_action", self.ids
        )[0]
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(f"{self.name}.pdf", pdf)
            for attachment in self._kentro_personal_attachments():
                archive.writestr(
                    f"documents/{attachment.id}-{attachment.name}", attachment.raw or b""
                )
        name = self.env._(
            "Right of access - %(name)s - %(date)s.zip",
            name=self.name,
            date=fields.Date.context_today(self),
        )
        return name, buffer.getvalue()
