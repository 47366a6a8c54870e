from odoo import api, fields, models
from odoo.exceptions import UserError

DESTINATIONS = [
    ("hospital", "Hospital"),
    ("health_centre", "Health centre"),
    ("kep", "Citizens' service centre (ΚΕΠ)"),
    ("school", "School"),
    ("dypa", "ΔΥΠΑ (employment service)"),
    ("court", "Court"),
    ("police", "Police"),
    ("other", "Other service"),
]
ATTENDANCE_CONCERNS = [
    ("none", "None"),
    ("irregular", "Irregular attendance"),
    ("dropped_out", "Dropped out"),
]
# Compulsory education in Greece: from pre-school at 4 to the end of gymnasio.
SCHOOL_AGE = (4, 15)


class KentroService(models.Model):
    _inherit = "kentro.service"

    roma_field_visit_id = fields.Many2one(
        "kentro.roma.field.visit", index=True, ondelete="set null"
    )
    roma_escort_id = fields.Many2one("kentro.roma.escort", index=True, ondelete="set null")
    # Not stored: the settlement report groups services by the person's settlement.
    roma_settlement_id = fields.Many2one(related="beneficiary_id.roma_settlement_id")

    _sql_constraints = [
        (
            "roma_field_visit_uniq",
            "unique(roma_field_visit_id, beneficiary_id)",
            "This person met during the visit already has a service entry.",
        ),
        (
            "roma_escort_uniq",
            "unique(roma_escort_id, service_type_id)",
            "This escort already has its service entry.",
        ),
    ]


class KentroRomaFieldVisit(models.Model):
    """A visit of the annex's staff to a settlement: each person met gets a
    service entry when the visit is recorded as done."""

    _name = "kentro.roma.field.visit"
    _description = "Field visit to a settlement"
    _inherit = ["kentro.structure.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    settlement_id = fields.Many2one(
        "kentro.roma.settlement", required=True, index=True, check_company=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    user_ids = fields.Many2many(
        "res.users", string="Staff", default=lambda self: self.env.user, required=True
    )
    purpose = fields.Text(required=True)
    attendee_ids = fields.Many2many("kentro.beneficiary", string="People met", check_company=True)
    follow_up = fields.Text()
    follow_up_date = fields.Date()
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done")], default="planned", required=True, tracking=True
    )

    @api.model_create_multi
    def create(self, vals_list):
        # A visit belongs to the structure that serves the settlement.
        for vals in vals_list:
            if vals.get("settlement_id"):
                settlement = self.env["kentro.roma.settlement"].browse(vals["settlement_id"])
                vals["centre_id"] = settlement.centre_id.id
        return super().create(vals_list)

    def _compute_display_name(self):
        for visit in self:
            visit.display_name = f"{visit.settlement_id.name or ''} – {visit.date or ''}"

    def action_done(self):
        if any(visit.state != "planned" for visit in self):
            raise UserError(self.env._("This visit is already recorded as done."))
        service_type = self.env.ref("kentro_roma_annex.kentro_service_type_field_visit")
        self.env["kentro.service"].sudo().create(
            [
                {
                    "beneficiary_id": person.id,
                    "service_type_id": service_type.id,
                    "centre_id": visit.centre_id.id,
                    "user_id": visit.user_ids[:1].id or self.env.user.id,
                    "date": visit.date,
                    "roma_field_visit_id": visit.id,
                }
                for visit in self
                for person in visit.attendee_ids
            ]
        )
        self.write({"state": "done"})
        for visit in self.filtered("follow_up_date"):
            # Read by the annex's staff: in their municipality's language.
            readers = visit.with_context(lang=visit.company_id._kentro_lang())
            visit.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=visit.follow_up_date,
                summary=readers.env._(
                    "Follow up the visit to %(settlement)s", settlement=visit.settlement_id.name
                ),
                user_id=visit.user_ids[:1].id or self.env.user.id,
            )


class KentroRomaEscort(models.Model):
    """Escorting a beneficiary to a service (Συνοδεία σε υπηρεσίες)."""

    _name = "kentro.roma.escort"
    _description = "Escort to a service"
    _inherit = ["kentro.casework.mixin", "mail.thread"]
    _order = "date desc, id desc"

    beneficiary_id = fields.Many2one(tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    user_id = fields.Many2one("res.users", string="Escorted by", default=lambda self: self.env.user)
    destination = fields.Selection(DESTINATIONS, required=True)
    destination_partner_id = fields.Many2one("res.partner", string="Service or agency")
    purpose = fields.Text(required=True)
    outcome = fields.Text()
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done")], default="planned", required=True, tracking=True
    )

    def _service_values(self):
        return {**super()._service_values(), "date": self.date}

    def action_done(self):
        self._check_state("planned")
        self.write({"state": "done"})
        self._log_service_once("kentro_community.kentro_service_type_escort", "roma_escort_id")


class KentroRomaSchoolRecord(models.Model):
    """School support for a child: school, class, enrolment, concerns and
    actions, dated."""

    _name = "kentro.roma.school.record"
    _description = "School support record"
    _inherit = ["kentro.casework.mixin"]
    _order = "date desc, id desc"

    beneficiary_id = fields.Many2one(string="Child", ondelete="cascade")
    date = fields.Date(required=True, default=fields.Date.context_today)
    school = fields.Char()
    grade = fields.Char(string="Class")
    enrolled = fields.Boolean(default=True)
    attendance_concern = fields.Selection(ATTENDANCE_CONCERNS, default="none", required=True)
    actions = fields.Text(string="Actions taken")
