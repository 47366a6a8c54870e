from odoo import api, models

from .privacy import add_forbidden, unreadable_ids


class MailFollowers(models.Model):
    """The followers of a file, of casework or of an appointment are seen only
    by who may read it: a follower's name and e-mail would name the person."""

    _inherit = "mail.followers"

    def _check_access(self, operation):
        # Overrides an internal ORM method (guarded by test_side_doors.TestFollowers).
        result = super()._check_access(operation)
        if self.env.su or not self:
            return result
        # sudo: only the followed record is read, to check access to it.
        rows = [(follower.id, follower.res_model, follower.res_id) for follower in self.sudo()]
        return add_forbidden(self, result, unreadable_ids(self.env, rows))

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        # Overrides an internal ORM method, as mail.activity does (guarded by
        # test_side_doors.TestFollowers).
        query = super()._search(domain, offset, limit, order)
        if self.env.su:
            return query
        rows = self.env.execute_query(
            query.select(
                *[self._field_to_sql(self._table, name) for name in ("id", "res_model", "res_id")]
            )
        )
        hidden = unreadable_ids(self.env, rows)
        if not hidden:
            return query
        return self.browse(row[0] for row in rows if row[0] not in hidden)._as_query(order)
