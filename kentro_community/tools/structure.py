"""The structure a record is kept by, for the models that do not choose it
themselves: a line of a distribution, a course, a settlement or a file."""

from odoo import fields


def follows(parent):
    """The structure (``centre_id``) and municipality (``company_id``) of the
    record in the Many2one field ``parent``, stored on the line so that the
    record rules and the reports read them without a join::

        centre_id, company_id = structure.follows("settlement_id")
    """
    return (
        fields.Many2one(related=f"{parent}.centre_id", store=True, index=True),
        fields.Many2one(related=f"{parent}.company_id", store=True, index=True),
    )
