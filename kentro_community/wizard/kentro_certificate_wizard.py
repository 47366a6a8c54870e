from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..models.kentro_protocol_entry import CERTIFICATE_KINDS


class KentroCertificateWizard(models.TransientModel):
    """Print a certificate (βεβαίωση) for a person: what it attests, over
    which period, to whom; printing registers it in the protocol register."""

    _name = "kentro.certificate.wizard"
    _description = "Print a certificate"

    beneficiary_id = fields.Many2one("kentro.beneficiary", required=True)
    certificate_kind = fields.Selection(
        CERTIFICATE_KINDS, string="The certificate attests", required=True, default="attendance"
    )
    period_from = fields.Date(string="From")
    period_to = fields.Date(string="To")
    certificate_note = fields.Text(string="Additional text")
    correspondent_id = fields.Many2one(
        "res.partner", string="Recipient", help="The agency or office the certificate is for."
    )
    correspondent = fields.Char(string="Recipient (text)")

    @api.constrains("certificate_kind", "period_from", "period_to")
    def _check_period(self):
        for wizard in self:
            if wizard.certificate_kind != "registration" and not wizard.period_from:
                raise ValidationError(
                    self.env._(
                        "A certificate of attendance or support names the period it covers: "
                        "enter its first day."
                    )
                )
            if wizard.period_to and wizard.period_from and wizard.period_to < wizard.period_from:
                raise ValidationError(
                    self.env._(
                        "The period of the certificate ends before it starts: "
                        "correct its first or last day."
                    )
                )

    def action_print(self):
        self.ensure_one()
        person = self.beneficiary_id
        return self.env["kentro.protocol.entry"]._kentro_print_for(
            person,
            "certificate",
            self.env._("Certificate: %(person)s", person=person.name),
            "kentro_community.kentro_certificate_action",
            self.env._("Only professionals print a certificate."),
            correspondent_id=self.correspondent_id.id,
            correspondent=self.correspondent,
            certificate_kind=self.certificate_kind,
            period_from=self.period_from,
            period_to=self.period_to,
            certificate_note=self.certificate_note,
        )
