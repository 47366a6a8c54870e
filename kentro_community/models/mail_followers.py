from odoo import api, models

from ..tools.privacy import refuse_unreadable, search_without_unreadable


class MailFollowers(models.Model):
    """The followers of a file, of casework or of an appointment are seen only
    by who may read it: a follower's name and e-mail would name the person."""

    _inherit = "mail.followers"

    # Odoo internal: see docs/odoo-internals.md
    def _check_access(self, operation):
        # Overrides an internal ORM method (guarded by test_side_doors.TestFollowers).
        return refuse_unreadable(self, super()._check_access(operation))

    # Odoo internal: see docs/odoo-internals.md
    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        # Overrides an internal ORM method, as mail.activity does (guarded by
        # test_side_doors.TestFollowers).
        query = super()._search(domain, offset, limit, order)
        return search_without_unreadable(self, query, order)
