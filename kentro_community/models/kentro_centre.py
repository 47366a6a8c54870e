from odoo import api, fields, models
from odoo.exceptions import ValidationError


class KentroCentre(models.Model):
    """A structure of a municipality's Community Centre: the centre itself, or an
    annex or mobile unit attached to a reference centre."""

    _name = "kentro.centre"
    _description = "Community Centre structure"
    _inherit = ["mail.thread"]
    _order = "complete_name"
    _parent_store = True
    _rec_names_search = ["name", "code"]
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True, index="trigram")
    code = fields.Char(tracking=True, index=True)
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=True)
    centre_type = fields.Selection(
        [("centre", "Community Centre"), ("annex", "Annex")],
        string="Type",
        required=True,
        default="centre",
        tracking=True,
    )
    parent_id = fields.Many2one(
        "kentro.centre",
        string="Reference centre",
        index=True,
        ondelete="restrict",
        check_company=True,
        domain="[('centre_type', '=', 'centre')]",
        tracking=True,
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("kentro.centre", "parent_id", string="Attached structures")
    company_id = fields.Many2one(
        "res.company",
        string="Municipality",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    active = fields.Boolean(default=True, tracking=True)

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The code of a structure must be unique within its municipality.",
        ),
    ]

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for centre in self:
            if centre.parent_id:
                centre.complete_name = f"{centre.parent_id.complete_name} / {centre.name}"
            else:
                centre.complete_name = centre.name

    @api.constrains("centre_type", "parent_id")
    def _check_reference_centre(self):
        for centre in self:
            if centre.centre_type == "centre" and centre.parent_id:
                raise ValidationError(
                    self.env._(
                        "%(name)s is a Community Centre: only annexes and mobile units "
                        "are attached to a reference centre. Clear the reference centre "
                        "or change the type.",
                        name=centre.name,
                    )
                )
            if centre.centre_type != "centre" and not centre.parent_id:
                raise ValidationError(
                    self.env._(
                        "%(name)s is not a Community Centre: choose the reference centre "
                        "it is attached to.",
                        name=centre.name,
                    )
                )
