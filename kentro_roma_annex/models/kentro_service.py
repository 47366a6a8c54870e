from odoo import fields, models


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
