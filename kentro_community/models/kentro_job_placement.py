from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import groups


class KentroJobPlacement(models.Model):
    """A job seeker proposed to an employer for an offer, and what came of it."""

    _name = "kentro.job.placement"
    _description = "Job placement"
    _inherit = ["kentro.casework.mixin", "mail.thread"]
    _order = "proposal_date desc, id desc"

    offer_id = fields.Many2one(
        "kentro.job.offer", required=True, ondelete="cascade", index=True, check_company=True
    )
    seeker_id = fields.Many2one(
        "kentro.job.seeker",
        string="Job seeker",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    beneficiary_id = fields.Many2one(
        compute="_compute_beneficiary_id", store=True, precompute=True, readonly=True
    )
    employer_id = fields.Many2one(related="offer_id.employer_id", store=True)
    state = fields.Selection(
        [
            ("proposed", "Proposed to the employer"),
            ("interview", "Interview"),
            ("hired", "Hired"),
            ("not_hired", "Not hired"),
        ],
        default="proposed",
        required=True,
        tracking=True,
    )
    proposal_date = fields.Date(required=True, default=fields.Date.context_today)
    interview_date = fields.Date(tracking=True)
    outcome_date = fields.Date(readonly=True, tracking=True)
    outcome = fields.Text(groups=groups.PROFESSIONAL)

    _sql_constraints = [
        (
            "offer_seeker_uniq",
            "unique(offer_id, seeker_id)",
            "This job seeker is already proposed for this offer.",
        ),
    ]

    @api.depends("seeker_id")
    def _compute_beneficiary_id(self):
        for placement in self:
            placement.beneficiary_id = placement.seeker_id.beneficiary_id

    def _compute_display_name(self):
        for placement in self:
            placement.display_name = (
                f"{placement.seeker_id.display_name or ''} → {placement.offer_id.name or ''}"
            )

    @api.model_create_multi
    def create(self, vals_list):
        placements = super().create(vals_list)
        closed = placements.offer_id.filtered(lambda offer: offer.state != "open")
        if closed:
            raise UserError(
                self.env._("The offer %(offers)s is no longer open.", offers=closed[0].name)
            )
        placements._log_service_once(
            "kentro_community.kentro_service_type_job_mediation", "placement_id"
        )
        return placements

    def action_interview(self):
        self._check_state("proposed")
        self.write({"state": "interview"})

    def action_hired(self):
        self._check_state("proposed", "interview")
        self.write({"state": "hired", "outcome_date": fields.Date.context_today(self)})
        self.seeker_id.write({"state": "placed"})
        for offer in self.offer_id:
            if offer.state == "open" and offer.hired_count >= offer.positions:
                offer.state = "filled"

    def action_not_hired(self):
        self._check_state("proposed", "interview")
        self.write({"state": "not_hired", "outcome_date": fields.Date.context_today(self)})
