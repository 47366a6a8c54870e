from odoo import fields, models


class KentroApplicationDocument(models.Model):
    _name = "kentro.application.document"
    _description = "Application checklist line"
    _order = "application_id, document_type_id, member_id"

    application_id = fields.Many2one(
        "kentro.application", required=True, ondelete="cascade", index=True
    )
    document_type_id = fields.Many2one("kentro.document.type", string="Document", required=True)
    member_id = fields.Many2one("kentro.beneficiary", string="Household member")
    state = fields.Selection(
        [("missing", "Missing"), ("received", "Received"), ("not_needed", "Not needed")],
        default="missing",
        required=True,
    )
    attachment_id = fields.Many2one("ir.attachment", string="Document file")
    expiry_date = fields.Date()
    expiry_reminded = fields.Boolean(copy=False)

    def _compute_display_name(self):
        for line in self:
            scope = line.document_type_id.scope
            line.display_name = (
                f"{line.document_type_id.name} ({line.member_id.name})"
                if scope != "once" and line.member_id
                else line.document_type_id.name or ""
            )
