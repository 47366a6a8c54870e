from odoo import api, fields, models, tools
from odoo.tools import SQL

KINDS = [
    ("service", "Service"),
    ("application_submitted", "Application submitted"),
    ("application_approved", "Application approved"),
    ("application_rejected", "Application rejected"),
    ("referral_sent", "Referral sent"),
    ("referral_accepted", "Referral accepted"),
    ("referral_rejected", "Referral rejected"),
    ("referral_completed", "Referral completed"),
    ("referral_no_response", "Referral without response"),
    ("consent_given", "Consent given"),
    ("consent_refused", "Consent refused"),
    ("consent_withdrawn", "Consent withdrawn"),
    ("job_seeker", "Registered with the Job Bank"),
    ("placement_hired", "Hired"),
    ("placement_not_hired", "Not hired"),
    ("appointment_planned", "Appointment booked"),
    ("appointment_attended", "Appointment attended"),
    ("appointment_missed", "Appointment missed"),
    ("appointment_cancelled_beneficiary", "Appointment cancelled by the beneficiary"),
    ("appointment_cancelled_centre", "Appointment cancelled by the centre"),
]

# Every branch of the union yields at most one row per source record, so
# ``source id * 64 + branch number`` is a stable, unique id.
_BRANCHES = [
    (
        "kentro.service",
        """SELECT s.id AS res_id, s.date, 'service' AS kind, s.beneficiary_id, s.centre_id,
                  s.company_id, s.user_id, s.service_type_id, NULL::integer AS programme_id,
                  NULL::integer AS partner_id
             FROM kentro_service s""",
    ),
    (
        "kentro.application",
        """SELECT a.id, a.submission_date, 'application_submitted', a.beneficiary_id,
                  a.centre_id, a.company_id, a.user_id, NULL::integer, a.programme_id, NULL::integer
             FROM kentro_application a WHERE a.submission_date IS NOT NULL""",
    ),
    (
        "kentro.application",
        """SELECT a.id, a.decision_date,
                  CASE WHEN a.state = 'rejected' THEN 'application_rejected'
                       ELSE 'application_approved' END,
                  a.beneficiary_id, a.centre_id, a.company_id, a.user_id, NULL::integer,
                  a.programme_id, NULL::integer
             FROM kentro_application a
            WHERE a.decision_date IS NOT NULL
              AND a.state IN ('approved', 'rejected', 'renewal_due')""",
    ),
    (
        "kentro.referral",
        """SELECT r.id, r.sent_date, 'referral_sent', r.beneficiary_id, r.centre_id,
                  r.company_id, r.user_id, NULL::integer, r.programme_id, r.agency_id
             FROM kentro_referral r WHERE r.sent_date IS NOT NULL""",
    ),
    (
        "kentro.referral",
        """SELECT r.id, r.answer_date,
                  CASE WHEN r.state = 'rejected' THEN 'referral_rejected'
                       ELSE 'referral_accepted' END,
                  r.beneficiary_id, r.centre_id, r.company_id, r.user_id, NULL::integer,
                  r.programme_id, r.agency_id
             FROM kentro_referral r WHERE r.answer_date IS NOT NULL""",
    ),
    (
        "kentro.referral",
        """SELECT r.id, r.close_date, 'referral_' || r.state, r.beneficiary_id, r.centre_id,
                  r.company_id, r.user_id, NULL::integer, r.programme_id, r.agency_id
             FROM kentro_referral r
            WHERE r.close_date IS NOT NULL AND r.state IN ('completed', 'no_response')""",
    ),
    (
        "kentro.consent",
        """SELECT c.id, c.date, 'consent_' || c.state, c.beneficiary_id, c.centre_id,
                  c.company_id, c.create_uid, NULL::integer, NULL::integer, c.agency_id
             FROM kentro_consent c""",
    ),
    (
        "kentro.job.seeker",
        """SELECT j.id, j.registration_date, 'job_seeker', j.beneficiary_id, j.centre_id,
                  j.company_id, j.user_id, NULL::integer, NULL::integer, NULL::integer
             FROM kentro_job_seeker j""",
    ),
    (
        "kentro.job.placement",
        """SELECT p.id, p.outcome_date, 'placement_' || p.state, p.beneficiary_id,
                  p.centre_id, p.company_id, p.create_uid, NULL::integer, NULL::integer, p.employer_id
             FROM kentro_job_placement p
            WHERE p.outcome_date IS NOT NULL AND p.state IN ('hired', 'not_hired')""",
    ),
    (
        "calendar.event",
        """SELECT e.id, e.start::date, 'appointment_' || e.kentro_attendance,
                  e.kentro_beneficiary_id, e.kentro_centre_id, c.company_id, e.user_id,
                  e.kentro_service_type_id, NULL::integer, NULL::integer
             FROM calendar_event e JOIN kentro_centre c ON c.id = e.kentro_centre_id
            WHERE e.kentro_appointment AND e.active""",
    ),
]


# What every casework branch reads of its source record.
_CASEWORK = ["beneficiary_id", "centre_id", "company_id"]


class KentroBeneficiaryTimeline(models.Model):
    """Everything dated on a beneficiary's file, newest first: services (which
    include the work applications, referrals, group sessions, goods and job
    mediation wrote), and the milestones of applications, referrals, consents
    and the Job Bank. Read-only; each line opens the record it comes from."""

    _name = "kentro.beneficiary.timeline"
    _description = "Beneficiary timeline"
    _auto = False
    _order = "date desc, id desc"
    # What the view reads: Odoo flushes these before querying it.
    _depends = {
        "kentro.service": ["date", *_CASEWORK, "user_id", "service_type_id"],
        "kentro.application": [
            "submission_date",
            "decision_date",
            "state",
            *_CASEWORK,
            "user_id",
            "programme_id",
        ],
        "kentro.referral": [
            "sent_date",
            "answer_date",
            "close_date",
            "state",
            *_CASEWORK,
            "user_id",
            "programme_id",
            "agency_id",
        ],
        "kentro.consent": ["date", "state", *_CASEWORK, "agency_id"],
        "kentro.job.seeker": ["registration_date", *_CASEWORK, "user_id"],
        "calendar.event": [
            "start",
            "active",
            "kentro_appointment",
            "kentro_attendance",
            "kentro_beneficiary_id",
            "kentro_centre_id",
            "user_id",
            "kentro_service_type_id",
        ],
        "kentro.job.placement": ["outcome_date", "state", *_CASEWORK, "employer_id"],
    }

    date = fields.Date(readonly=True)
    kind = fields.Selection(KINDS, string="What", readonly=True)
    beneficiary_id = fields.Many2one("kentro.beneficiary", readonly=True)
    centre_id = fields.Many2one("kentro.centre", string="Structure", readonly=True)
    company_id = fields.Many2one("res.company", string="Municipality", readonly=True)
    user_id = fields.Many2one("res.users", string="By", readonly=True)
    service_type_id = fields.Many2one("kentro.service.type", string="Service", readonly=True)
    programme_id = fields.Many2one("kentro.programme", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Agency or employer", readonly=True)
    res_model = fields.Char(readonly=True)
    res_id = fields.Many2oneReference(model_field="res_model", readonly=True)
    summary = fields.Char(compute="_compute_summary")

    @api.model
    def _timeline_branches(self):
        """(model, query) pairs; the query selects res_id, date, kind,
        beneficiary_id, centre_id, company_id, user_id, service_type_id,
        programme_id, partner_id. Other addons append theirs."""
        return list(_BRANCHES)

    def init(self):
        result = super().init()
        tools.drop_view_if_exists(self.env.cr, self._table)
        parts = [
            SQL(
                "SELECT t.res_id * 64 + %s AS id, %s AS res_model, t.* FROM (%s)"
                " t(res_id, date, kind, beneficiary_id, centre_id, company_id, user_id,"
                " service_type_id, programme_id, partner_id)"
                " WHERE t.date IS NOT NULL",
                number,
                model,
                SQL(query),  # pylint: disable=sql-injection
            )
            for number, (model, query) in enumerate(self._timeline_branches())
        ]
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                SQL(" UNION ALL ").join(parts),
            )
        )
        self._create_id_indexes()
        return result

    def _create_id_indexes(self):
        """A line's id is computed (its record's id * 64 + its branch), and the
        form reads its lines by id: without an index on that expression in
        each source table, PostgreSQL reads every service and appointment of
        the database to find a file's twenty lines (160 ms at 100,000
        people). It pushes ``id IN (...)`` down into each branch, where these
        indexes answer it."""
        created = set()
        for number, (model, _query) in enumerate(self._timeline_branches()):
            table = self.env[model]._table
            name = f"kentro_timeline_{number}_{table}"[:63]
            if not tools.sql.index_exists(self.env.cr, name):
                tools.sql.create_index(self.env.cr, name, table, [f"(id * 64 + {int(number)})"])
                created.add(table)
        # The planner needs the statistics of a new expression to use it.
        for table in sorted(created):
            self.env.cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))

    @api.depends("kind", "service_type_id", "programme_id", "partner_id")
    def _compute_summary(self):
        for line in self:
            line.summary = " – ".join(
                name
                for name in (
                    line.service_type_id.name,
                    line.programme_id.name,
                    # sudo: only the name of the agency or employer the line
                    # points at, shown on a line the user may read.
                    line.partner_id.sudo().name,
                )
                if name
            )

    def action_open(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
