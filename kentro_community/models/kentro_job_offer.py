from odoo import api, fields, models

from ..tools import greek


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
