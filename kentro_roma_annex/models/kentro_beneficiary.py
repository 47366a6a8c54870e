from odoo import api, fields, models

from .kentro_roma_school_record import SCHOOL_AGE


class KentroBeneficiary(models.Model):
    _inherit = "kentro.beneficiary"

    roma_settlement_id = fields.Many2one(
        "kentro.roma.settlement",
        string="Roma settlement",
        compute="_compute_roma_settlement_id",
        store=True,
        precompute=True,
        readonly=False,
        index=True,
        ondelete="set null",
    )

    @api.depends("household_id.roma_settlement_id")
    def _compute_roma_settlement_id(self):
        for person in self:
            # A household's settlement is its members'; a person without one
            # keeps the settlement given on the file.
            person.roma_settlement_id = (
                person.household_id.roma_settlement_id or person.roma_settlement_id
            )

    roma_school_record_ids = fields.One2many(
        "kentro.roma.school.record", "beneficiary_id", string="School support"
    )
    roma_school_enrolled = fields.Boolean(
        string="Enrolled at school",
        compute="_compute_roma_school_enrolled",
        store=True,
        precompute=True,
        help="From the latest school support record.",
    )

    @api.depends("roma_school_record_ids.enrolled", "roma_school_record_ids.date")
    def _compute_roma_school_enrolled(self):
        for person in self:
            latest = person.roma_school_record_ids.sorted(lambda r: (r.date, r.id))[-1:]
            person.roma_school_enrolled = latest.enrolled

    # Odoo internal: see docs/odoo-internals.md
    def _add_precomputed_values(self, vals_list):
        # As in the core: a new person's settlement is their household's (or
        # the one given); without school records given, not enrolled.
        households = (
            self.env["kentro.household"]
            # sudo: only the settlement of the households given is read, and
            # only into the new files' values (what the compute would store).
            .sudo()
            .browse({vals["household_id"] for vals in vals_list if vals.get("household_id")})
        )
        settlement_of = {household.id: household.roma_settlement_id.id for household in households}
        for vals in vals_list:
            if "roma_settlement_id" not in vals:
                vals["roma_settlement_id"] = settlement_of.get(vals.get("household_id"), False)
            if not vals.get("roma_school_record_ids"):
                vals.setdefault("roma_school_enrolled", False)
        return super()._add_precomputed_values(vals_list)

    @api.model
    def _kentro_personal_data(self):
        """The annex's personal data, for the right of access and erasure:
        settlement and schooling on the file, escorts, school records, field
        visits. A settlement and a field visit are shared with everyone met
        there: they stay, pointing at the anonymised file."""
        data = super()._kentro_personal_data()
        data["kentro.beneficiary"]["export"] += ["roma_settlement_id", "roma_school_enrolled"]
        data["kentro.service"]["export"] += ["roma_field_visit_id", "roma_escort_id"]
        data["kentro.roma.settlement"] = {
            "link": ["beneficiary_ids", "household_ids.member_ids"],
            "export": ["name", "area"],
            "erase": "keep",
        }
        data["kentro.roma.escort"] = {
            "link": ["beneficiary_id"],
            "export": [
                "date",
                "destination",
                "destination_partner_id",
                "user_id",
                "state",
                "purpose",
                "outcome",
            ],
            "erase": "blank",
            "blank": ["purpose", "outcome"],
        }
        data["kentro.roma.school.record"] = {
            "link": ["beneficiary_id"],
            "export": ["date", "school", "grade", "enrolled", "attendance_concern", "actions"],
            "erase": "blank",
            "blank": ["school", "grade", "actions"],
        }
        data["kentro.roma.field.visit"] = {
            "link": ["attendee_ids"],
            "export": ["date", "settlement_id", "state"],
            "erase": "keep",
        }
        return data

    @api.model
    def _roma_not_enrolled_domain(self):
        """School-age children of a settlement not enrolled (or without record)."""
        return [
            ("roma_settlement_id", "!=", False),
            ("age", ">=", SCHOOL_AGE[0]),
            ("age", "<=", SCHOOL_AGE[1]),
            ("birthdate", "!=", False),
            ("roma_school_enrolled", "=", False),
        ]

    @api.model
    def action_roma_not_enrolled(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kentro_community.kentro_beneficiary_action"
        )
        action.update(
            {
                "name": self.env._("School-age children not enrolled"),
                "domain": self._roma_not_enrolled_domain(),
                "context": {},
            }
        )
        return action
