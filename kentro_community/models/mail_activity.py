from collections import defaultdict

from odoo import api, models
from odoo.exceptions import ValidationError

from ..tools.privacy import refuse_unreadable, search_without_unreadable


class MailActivity(models.Model):
    """An activity on a file, on casework or on an appointment is read only by
    who may read that record, even when assigned to them (Odoo lets the
    assignee read it regardless), and is assigned only to such a user: its
    title and its notification name the person."""

    _inherit = "mail.activity"

    # Odoo internal: see docs/odoo-internals.md
    def _check_access(self, operation):
        # Overrides an internal ORM method that mail.activity itself overrides
        # (guarded by test_side_doors.TestMessagesAndActivities).
        return refuse_unreadable(self, super()._check_access(operation))

    # Odoo internal: see docs/odoo-internals.md
    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        # Overrides an internal ORM method that mail.activity itself overrides
        # (guarded by test_side_doors.TestMessagesAndActivities).
        query = super()._search(domain, offset, limit, order)
        return search_without_unreadable(self, query, order)

    @api.constrains("user_id", "res_model", "res_id")
    def _check_kentro_assignee(self):
        # Scheduled jobs (superuser) assign the record's own case worker and
        # must not stop on one who has since left the structure.
        if self.env.su:
            return
        assigned = defaultdict(set)  # (assignee, model): record ids
        # sudo: only whom each activity is assigned to and on what is read.
        for activity in self.sudo():
            if activity.user_id and activity.res_model in self.env and activity.res_id:
                assigned[activity.user_id, activity.res_model].add(activity.res_id)
        # One check per assignee and model, not per activity.
        for (user, res_model), res_ids in assigned.items():
            records = self.env[res_model].with_user(user).browse(res_ids)
            if records._kentro_unreadable_records():
                raise ValidationError(
                    self.env._(
                        "The activity cannot be assigned to this user: they may not read "
                        "the record. Assign it to a member of the structure's staff."
                    )
                )
