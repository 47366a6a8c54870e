from odoo import api, models


class MailMessage(models.Model):
    _inherit = "mail.message"

    # Odoo internal: see docs/odoo-internals.md
    @api.model
    def _find_allowed_model_wise(self, doc_model, doc_dict):
        # Anyone may see an appointment as busy time, but not its chatter.
        if doc_model == "calendar.event" and not self.env.su:
            hidden = self.env["calendar.event"].browse(list(doc_dict))._kentro_hidden()
            doc_dict = {doc_id: ids for doc_id, ids in doc_dict.items() if doc_id not in hidden.ids}
        return super()._find_allowed_model_wise(doc_model, doc_dict)
