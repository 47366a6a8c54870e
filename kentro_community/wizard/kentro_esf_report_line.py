from odoo import fields, models


class KentroEsfReportLine(models.TransientModel):
    """A row of the participants file the managing authority's system would
    refuse, and why."""

    _name = "kentro.esf.report.line"
    _description = "ESF+ participants file: a row to correct"

    report_id = fields.Many2one("kentro.esf.report", required=True, ondelete="cascade")
    participant_id = fields.Many2one("kentro.esf.participant", readonly=True)
    problem = fields.Char(readonly=True)
