from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import groups

# A service entry is one day's work with a person at most.
MAX_DURATION = 24 * 60


class KentroService(models.Model):
    """One piece of work with a beneficiary: every contact is logged once, by
    the person who did it or by the record (application, referral) that did it."""

    _name = "kentro.service"
    _description = "Service"
    _inherit = ["kentro.casework.mixin"]
    _order = "date desc, id desc"
    _kentro_order_index = True

    beneficiary_id = fields.Many2one(ondelete="cascade")
    service_type_id = fields.Many2one(
        "kentro.service.type", string="Service", required=True, index=True
    )
    axis = fields.Selection(related="service_type_id.axis", store=True, precompute=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    user_id = fields.Many2one(
        "res.users", string="Professional", required=True, default=lambda self: self.env.user
    )
    duration = fields.Integer(
        string="Duration (minutes)",
        compute="_compute_duration",
        store=True,
        readonly=False,
        precompute=True,
    )
    notes = fields.Text(groups=groups.PROFESSIONAL)
    # What the work was about, for the counts per programme and per need.
    programme_id = fields.Many2one(
        "kentro.programme",
        string="About programme",
        compute="_compute_programme_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        help="The programme the person was informed about or helped to apply for.",
    )
    # A need names what is wrong in a person's life (violence, addiction):
    # professionals only, as the file's needs are.
    need_id = fields.Many2one(
        "kentro.need",
        string="Need answered",
        index=True,
        groups=groups.PROFESSIONAL,
        help="The need of the person this work answered.",
    )
    application_id = fields.Many2one("kentro.application", index=True, ondelete="set null")
    referral_id = fields.Many2one("kentro.referral", index=True, ondelete="set null")
    group_session_id = fields.Many2one("kentro.group.session", index=True, ondelete="set null")
    placement_id = fields.Many2one("kentro.job.placement", index=True, ondelete="set null")
    appointment_id = fields.Many2one("calendar.event", index=True, ondelete="set null")
    goods_distribution_id = fields.Many2one(
        "kentro.goods.distribution", index=True, ondelete="set null"
    )

    _sql_constraints = [
        ("duration_positive", "CHECK(duration >= 0)", "A duration cannot be negative."),
        (
            "application_uniq",
            "unique(application_id, service_type_id)",
            "This application already has its service entry.",
        ),
        (
            "group_session_uniq",
            "unique(group_session_id, beneficiary_id)",
            "This attendance already has its service entry.",
        ),
        (
            "referral_uniq",
            "unique(referral_id, service_type_id)",
            "This referral already has its service entry.",
        ),
        (
            "placement_uniq",
            "unique(placement_id, service_type_id)",
            "This job placement already has its service entry.",
        ),
        (
            "appointment_uniq",
            "unique(appointment_id)",
            "This appointment already has its service entry.",
        ),
        (
            "goods_distribution_uniq",
            "unique(goods_distribution_id, service_type_id)",
            "This goods distribution already has its service entry.",
        ),
    ]

    @api.depends("application_id", "referral_id")
    def _compute_programme_id(self):
        for service in self:
            if not service.programme_id:
                service.programme_id = (
                    service.application_id.programme_id or service.referral_id.programme_id
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_duration_value(vals.get("duration"))
            if "programme_id" not in vals:
                vals["programme_id"] = self._programme_of(vals)
        services = super().create(vals_list)
        # A person's first service within an ESF+ operation is their entry.
        self.env["kentro.esf.participant"]._kentro_enter(services)
        return services

    @api.model
    def _programme_of(self, vals):
        """What _compute_programme_id gives a new entry, from its values: Odoo
        would otherwise compute it on a temporary record per entry, a quarter
        of the cost of logging services in a batch."""
        # sudo: as the stored compute (compute_sudo) reads it, only the
        # programme of the application or referral the entry is linked to.
        env = self.sudo().env
        application = env["kentro.application"].browse(vals.get("application_id"))
        referral = env["kentro.referral"].browse(vals.get("referral_id"))
        return (application.programme_id or referral.programme_id).id

    def write(self, vals):
        self._check_duration_value(vals.get("duration"))
        return super().write(vals)

    @api.model
    def _check_duration_value(self, duration):
        """Before the database's CHECK refuses a negative duration (or its
        integer overflows), in words."""
        if isinstance(duration, int | float) and not 0 <= duration <= MAX_DURATION:
            raise ValidationError(
                self.env._(
                    "A service lasts from 0 to %(max)s minutes (24 hours), not %(duration)s "
                    "minutes: correct the duration.",
                    max=MAX_DURATION,
                    duration=duration,
                )
            )

    @api.model
    def _kentro_log_work(self, vals_list):
        """Write the service entries of work recorded on another record (an
        application submitted, a session held, an appointment attended, a
        field visit done): the one place where Kentro writes the service log
        for the step a user takes. Returns the entries in the caller's
        environment."""
        # sudo: the step writes the log, whatever the user's own rights on it
        # (its professional may be a colleague, its structure the record's).
        # Nothing is read: the values come from the record the user has just
        # changed, and the entries go back in the caller's environment, where
        # only what the user may read of them can be read.
        return self.sudo().create(vals_list).with_env(self.env)

    @api.depends("service_type_id")
    def _compute_duration(self):
        for service in self:
            if not service.duration:
                service.duration = service.service_type_id.default_duration

    def _compute_display_name(self):
        for service in self:
            service.display_name = f"{service.service_type_id.name} – {service.beneficiary_id.name}"
