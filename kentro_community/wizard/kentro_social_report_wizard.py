from odoo import fields, models


class KentroSocialReportWizard(models.TransientModel):
    """Print the social report (Κοινωνική Έκθεση) of a file: the professional
    writes the proposal and names the recipient and the request it answers;
    printing registers the report in the protocol register."""

    _name = "kentro.social.report.wizard"
    _description = "Print a social report"

    beneficiary_id = fields.Many2one("kentro.beneficiary", required=True)
    company_id = fields.Many2one(related="beneficiary_id.company_id")
    correspondent_id = fields.Many2one(
        "res.partner",
        string="Recipient",
        help="The school, court, prosecutor or agency the report is sent to.",
    )
    correspondent = fields.Char(string="Recipient (text)")
    request_id = fields.Many2one(
        "kentro.protocol.entry",
        string="In reply to",
        domain="[('direction', '=', 'incoming'), ('company_id', '=', company_id), "
        "'|', ('beneficiary_id', '=', False), ('beneficiary_id', '=', beneficiary_id)]",
        help="The incoming request of the register this report answers.",
    )
    proposal = fields.Text(
        required=True, help="The professional's assessment and proposal, printed at the end."
    )

    def action_print(self):
        self.ensure_one()
        person = self.beneficiary_id
        return self.env["kentro.protocol.entry"]._kentro_print_for(
            person,
            "social_report",
            self.env._("Social report: %(person)s", person=person.name),
            "kentro_community.kentro_social_report_action",
            self.env._("Only professionals print a social report."),
            correspondent_id=self.correspondent_id.id,
            correspondent=self.correspondent,
            request_id=self.request_id.id,
            proposal=self.proposal,
        )
