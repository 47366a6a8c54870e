from odoo import api, fields, models
from odoo.exceptions import ValidationError

FUNDS = [("esf", "ESF (2014-2020)"), ("esf_plus", "ESF+ (2021-2027)"), ("other", "Other")]


class KentroEsfOperation(models.Model):
    """A co-funded operation (πράξη) a Community Centre runs: its code in the
    Integrated Information System (ΟΠΣ/MIS), programme, priority, specific
    objective, fund, dates and budget. The centre and its annexes may share
    one; a structure runs consecutive operations (the 2016 one, its extension,
    the 2021-2027 one), never two at once. Its participants are counted from
    their entry and exit records (``kentro.esf.participant``)."""

    _name = "kentro.esf.operation"
    _description = "ESF+ operation"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, tracking=True)
    code = fields.Char(
        string="Operation code (ΟΠΣ/MIS)",
        required=True,
        tracking=True,
        index=True,
        help="The operation's code in the Integrated Information System (ΟΠΣ), its MIS code.",
    )
    programme = fields.Char(tracking=True, help="The programme that co-funds the operation.")
    priority = fields.Char(tracking=True)
    specific_objective = fields.Char(tracking=True)
    fund = fields.Selection(FUNDS, required=True, default="esf_plus", tracking=True)
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        string="Municipality",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    budget = fields.Monetary(tracking=True)
    centre_ids = fields.Many2many(
        "kentro.centre",
        string="Structures",
        required=True,
        check_company=True,
        domain="[('company_id', '=', company_id)]",
        help="The centre and the annexes or mobile units whose participants the operation counts.",
    )
    entry_deadline_days = fields.Integer(
        string="Entry data due within (days)",
        default=20,
        help="Days after a participant's entry within which the data the indicators need must "
        "be complete.",
    )
    inactivity_months = fields.Integer(
        string="Exit after (months without a service)",
        default=6,
        help="A participant who has received no service for this long leaves the operation.",
    )
    active = fields.Boolean(default=True)
    participant_ids = fields.One2many("kentro.esf.participant", "operation_id")
    participant_count = fields.Integer(compute="_compute_participant_count")

    _sql_constraints = [
        (
            "code_company_uniq",
            "UNIQUE(code, company_id)",
            "An operation with this code already exists in the municipality.",
        ),
        (
            "dates_check",
            "CHECK(date_end >= date_start)",
            "An operation ends on or after the day it starts.",
        ),
        (
            "entry_deadline_check",
            "CHECK(entry_deadline_days > 0)",
            "The days to complete a participant's data must be more than zero.",
        ),
        (
            "inactivity_check",
            "CHECK(inactivity_months > 0)",
            "The months without a service after which a participant leaves must be more than zero.",
        ),
    ]

    def _compute_participant_count(self):
        counts = dict(
            self.env["kentro.esf.participant"]._read_group(
                [("operation_id", "in", self.ids)], ["operation_id"], ["__count"]
            )
        )
        for operation in self:
            operation.participant_count = counts.get(operation, 0)

    @api.constrains("centre_ids", "date_start", "date_end", "active")
    def _check_one_operation_at_a_time(self):
        """A service belongs to one operation: a structure runs one at a time."""
        for operation in self.filtered("active"):
            # sudo: whether another operation of the municipality overlaps is a
            # fact the constraint needs whoever may read it; the message names
            # only its code and dates, which the head sees on the structure.
            other = self.sudo().search(
                [
                    ("id", "!=", operation.id),
                    ("centre_ids", "in", operation.centre_ids.ids),
                    ("date_start", "<=", operation.date_end),
                    ("date_end", ">=", operation.date_start),
                ],
                limit=1,
            )
            if other:
                raise ValidationError(
                    self.env._(
                        "A structure runs one operation at a time: %(structures)s already "
                        "belong to operation %(code)s, from %(start)s to %(end)s. Change the "
                        "dates so that the operations follow one another.",
                        structures=", ".join(
                            (operation.centre_ids & other.centre_ids).mapped("name")
                        ),
                        code=other.code,
                        start=other.date_start.strftime("%d/%m/%Y"),
                        end=other.date_end.strftime("%d/%m/%Y"),
                    )
                )

    def action_participants(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Participants of %(code)s", code=self.code),
            "res_model": "kentro.esf.participant",
            "view_mode": "list,form",
            "domain": [("operation_id", "=", self.id)],
            "context": {"default_operation_id": self.id},
        }

    def action_esf_report(self):
        """The indicators and the participants file of this operation."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("ESF+ indicators and participants file"),
            "res_model": "kentro.esf.report",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_operation_id": self.id},
        }
