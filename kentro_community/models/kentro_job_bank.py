from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import greek

PROFESSIONAL = "kentro_community.group_kentro_professional"


class KentroSkill(models.Model):
    """A skill that job seekers offer, job offers ask for and volunteers bring."""

    _name = "kentro.skill"
    _description = "Skill"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)


class KentroJobOffer(models.Model):
    """A vacancy an employer (a contact) gives to the Job Bank (Τράπεζα Εργασίας)."""

    _name = "kentro.job.offer"
    _description = "Job offer"
    _inherit = ["kentro.structure.mixin", "mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(string="Position", required=True, tracking=True)
    employer_id = fields.Many2one("res.partner", required=True, tracking=True)
    skill_ids = fields.Many2many("kentro.skill", string="Skills asked")
    area = fields.Char(help="Where the work is (town, village, municipal unit).")
    area_key = fields.Char(compute="_compute_area_key", store=True, index=True)
    positions = fields.Integer(default=1, required=True)
    date = fields.Date(string="Posted on", required=True, default=fields.Date.context_today)
    deadline = fields.Date()
    description = fields.Text()
    state = fields.Selection(
        [("open", "Open"), ("filled", "Filled"), ("closed", "Closed")],
        default="open",
        required=True,
        tracking=True,
    )
    placement_ids = fields.One2many("kentro.job.placement", "offer_id", string="Placements")
    hired_count = fields.Integer(compute="_compute_hired_count", string="Hired")
    candidate_ids = fields.Many2many(
        "kentro.job.seeker",
        compute="_compute_candidate_ids",
        string="Matching job seekers",
        help="Active job seekers of the same municipality with at least one of the skills "
        "asked, in the offer's area when it has one, best matches first.",
    )

    _sql_constraints = [
        ("positions_positive", "CHECK(positions > 0)", "An offer has at least one position."),
    ]

    @api.depends("area")
    def _compute_area_key(self):
        for offer in self:
            offer.area_key = greek.normalize(offer.area) if offer.area else False

    @api.depends("placement_ids.state")
    def _compute_hired_count(self):
        for offer in self:
            offer.hired_count = len(offer.placement_ids.filtered(lambda p: p.state == "hired"))

    @api.depends("skill_ids", "area_key", "state", "placement_ids.seeker_id")
    def _compute_candidate_ids(self):
        Seeker = self.env["kentro.job.seeker"]
        for offer in self:
            if offer.state != "open" or not offer.skill_ids:
                offer.candidate_ids = Seeker
                continue
            domain = [
                ("state", "=", "active"),
                ("skill_ids", "in", offer.skill_ids.ids),
                ("company_id", "=", offer.company_id.id),
                ("id", "not in", offer.placement_ids.seeker_id.ids),
            ]
            if offer.area_key:
                domain.append(("area_key", "=", offer.area_key))
            seekers = Seeker.search(domain)
            offer.candidate_ids = seekers.sorted(
                lambda seeker, asked=offer.skill_ids: (-len(seeker.skill_ids & asked), seeker.id)
            )

    def action_close(self):
        self.write({"state": "closed"})

    def action_reopen(self):
        self.write({"state": "open"})


class KentroJobSeeker(models.Model):
    """A beneficiary registered with the Job Bank, with skills and CV."""

    _name = "kentro.job.seeker"
    _description = "Job seeker"
    _inherit = ["kentro.casework.mixin", "mail.thread"]
    _order = "registration_date desc, id desc"
    _rec_names_search = ["beneficiary_id"]

    beneficiary_id = fields.Many2one(ondelete="cascade", tracking=True)
    user_id = fields.Many2one(
        "res.users", string="Employment counsellor", default=lambda self: self.env.user
    )
    skill_ids = fields.Many2many("kentro.skill", string="Skills")
    area = fields.Char(help="Where the person can work (town, village, municipal unit).")
    area_key = fields.Char(compute="_compute_area_key", store=True, index=True)
    registration_date = fields.Date(
        string="Registered on", required=True, default=fields.Date.context_today
    )
    education = fields.Selection(
        [
            ("none", "No formal education"),
            ("primary", "Primary school"),
            ("lower_secondary", "Lower secondary (Gymnasio)"),
            ("upper_secondary", "Upper secondary (Lykeio)"),
            ("vocational", "Vocational training"),
            ("tertiary", "University or college"),
        ]
    )
    cv = fields.Binary(string="CV", attachment=True, groups=PROFESSIONAL)
    cv_filename = fields.Char(groups=PROFESSIONAL)
    notes = fields.Text(groups=PROFESSIONAL)
    state = fields.Selection(
        [("active", "Looking for work"), ("placed", "Placed"), ("withdrawn", "Withdrawn")],
        default="active",
        required=True,
        tracking=True,
    )
    placement_ids = fields.One2many("kentro.job.placement", "seeker_id", string="Placements")

    _sql_constraints = [
        (
            "beneficiary_uniq",
            "unique(beneficiary_id)",
            "This beneficiary is already registered as a job seeker.",
        ),
    ]

    @api.depends("area")
    def _compute_area_key(self):
        for seeker in self:
            seeker.area_key = greek.normalize(seeker.area) if seeker.area else False

    def _compute_display_name(self):
        for seeker in self:
            seeker.display_name = seeker.beneficiary_id.name or ""

    def action_withdraw(self):
        self.write({"state": "withdrawn"})

    def action_reactivate(self):
        self.write({"state": "active"})


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
    outcome = fields.Text(groups=PROFESSIONAL)

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
