from odoo import api, fields, models

from ..tools import groups, phones


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Only Community Centre staff know that a contact is a beneficiary: the field
    # is invisible to others, and record rules hide the contact itself from them.
    kentro_beneficiary_ids = fields.One2many(
        "kentro.beneficiary",
        "partner_id",
        string="Beneficiary files",
        groups=groups.RECEPTION,
    )

    # The structure of the person whose contact this is, kept on the contact
    # so that the record rules hiding beneficiaries' contacts compare a column
    # of the contact: through the one2many, every search of contacts by an
    # internal user made PostgreSQL hash the contacts of every beneficiary of
    # the database (10 ms at 20,000 people, per search).
    kentro_beneficiary_centre_id = fields.Many2one(
        "kentro.centre",
        string="Beneficiary of the structure",
        compute="_compute_kentro_beneficiary_centre_id",
        store=True,
        index=True,
        compute_sudo=True,
        groups=groups.RECEPTION,
    )

    # A professional attends the appointments they give, in every structure:
    # their contact, which every user reads, lists only the meetings the user
    # sees in full, not the appointments of other structures (busy time in the
    # calendar, where the organiser is shown, but no list to enumerate).
    meeting_ids = fields.Many2many(domain=[("kentro_shown_in_full", "=", True)])

    # Odoo internal: see docs/odoo-internals.md
    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        # Overrides an internal ORM method (guarded by test_side_doors.
        # TestCalendarOracles): Odoo finds contacts by meeting ids in the
        # relation table, without the field's domain, which would tell who
        # attends an appointment the user sees only as busy time.
        if domain and not self.env.su:
            domain = [
                self._kentro_readable_ids_leaf(leaf)
                if isinstance(leaf, (list, tuple)) and leaf and leaf[0] == "meeting_ids"
                else leaf
                for leaf in domain
            ]
        return super()._search(domain, offset=offset, limit=limit, order=order)

    # Odoo internal: see docs/odoo-internals.md
    @api.model
    def _read_group(
        self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None
    ):
        # Grouped by meetings, Odoo joins the relation table without the
        # field's domain: the groups of appointments the user sees only as
        # busy time are left out, as they are from the contact's meetings.
        rows = super()._read_group(domain, groupby, aggregates, having, offset, limit, order)
        positions = [
            index
            for index, spec in enumerate(groupby)
            if spec.split(":")[0].split(".")[0] == "meeting_ids"
        ]
        if not positions or self.env.su:
            return rows
        events = self.env["calendar.event"].union(
            *(row[index] for row in rows for index in positions)
        )
        hidden = events._kentro_hidden()
        return [row for row in rows if not any(row[index] & hidden for index in positions)]

    # Agencies Registry (Μητρώο Φορέων): agencies are ordinary company contacts.
    kentro_is_agency = fields.Boolean(
        string="In the Agencies Registry",
        index=True,
        help="An agency the Community Centre refers people to.",
    )
    kentro_agency_category_id = fields.Many2one("kentro.agency.category", string="Agency category")
    kentro_agency_services = fields.Text(string="Services offered")
    kentro_agency_contact_id = fields.Many2one(
        "res.partner", string="Contact person", domain="[('parent_id', '=', id)]"
    )
    kentro_referral_count = fields.Integer(
        string="Referrals received",
        compute="_compute_kentro_referral_count",
        groups=groups.RECEPTION,
    )

    # Volunteers are contacts too.
    kentro_is_volunteer = fields.Boolean(string="Volunteer", index=True)
    kentro_volunteer_centre_id = fields.Many2one("kentro.centre", string="Volunteers at")
    kentro_skill_ids = fields.Many2many(
        "kentro.skill",
        "kentro_skill_res_partner_rel",
        "partner_id",
        "skill_id",
        string="Volunteer skills",
    )
    kentro_availability_ids = fields.One2many(
        "kentro.volunteer.availability", "partner_id", string="Availability"
    )
    kentro_volunteer_since = fields.Date(string="Volunteer since")
    kentro_volunteer_hours = fields.Float(
        string="Hours given",
        compute="_compute_kentro_volunteer_hours",
        groups=groups.PROFESSIONAL,
        help="The hours the volunteer gave at the group activities of the structures you work at.",
    )

    @api.depends("kentro_beneficiary_ids.centre_id")
    def _compute_kentro_beneficiary_centre_id(self):
        # A contact is the file of one person at most (kentro.beneficiary's
        # partner_unique).
        for partner in self:
            partner.kentro_beneficiary_centre_id = partner.kentro_beneficiary_ids[:1].centre_id

    def _kentro_private_records(self):
        # A beneficiary's contact holds the person's name and address.
        # sudo: only whether a file points at each contact is read.
        return self.browse(
            self.sudo()
            .with_context(active_test=False)
            ._search([("id", "in", self.ids), ("kentro_beneficiary_centre_id", "!=", False)])
        )

    @api.constrains("phone", "mobile")
    def _check_kentro_beneficiary_phones(self):
        # A person's numbers are checked on the file (kentro.beneficiary); the
        # same when the person's contact is edited by itself.
        for partner in self._kentro_private_records():
            phones.check(partner, partner.phone)
            phones.check(partner, partner.mobile)

    @api.depends("kentro_is_agency")
    def _compute_kentro_referral_count(self):
        counts = dict(
            self.env["kentro.referral"]._read_group(
                [("agency_id", "in", self.ids)], ["agency_id"], ["__count"]
            )
        )
        for partner in self:
            partner.kentro_referral_count = counts.get(partner, 0)

    # Each user totals the hours of the structures they may read.
    @api.depends_context("uid")
    def _compute_kentro_volunteer_hours(self):
        hours = dict(
            self.env["kentro.volunteer.assignment"]._read_group(
                [("volunteer_id", "in", self.ids)], ["volunteer_id"], ["hours:sum"]
            )
        )
        for partner in self:
            partner.kentro_volunteer_hours = hours.get(partner, 0.0)

    def action_kentro_volunteer_assignments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kentro_community.kentro_volunteer_assignment_action"
        )
        action["domain"] = [("volunteer_id", "=", self.id)]
        action["context"] = {"default_volunteer_id": self.id}
        return action

    def action_kentro_referrals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kentro_community.kentro_referral_action"
        )
        action["domain"] = [("agency_id", "=", self.id)]
        action["context"] = {"default_agency_id": self.id}
        return action
