from collections import defaultdict

from odoo import models
from odoo.exceptions import AccessError


class Base(models.AbstractModel):
    """Which records hold Community Centre data, and which of them the current
    user may not read: the followers, activities and attachments of those are
    hidden from that user as well (see mail_followers.py, mail_activity.py,
    ir_attachment.py). Records of other apps are never concerned."""

    _inherit = "base"

    def _kentro_private_records(self):
        """The records of ``self`` that hold Community Centre data: every record
        of a Kentro model. Odoo models holding such data extend this
        (appointments among calendar events, beneficiaries' contacts)."""
        return self if self._name.startswith("kentro.") else self.browse()

    def _kentro_unreadable_records(self):
        """The private records of ``self`` the current user may not read in
        full (deleted ones included: nothing of them is shown either)."""
        if self.env.su:
            return self.browse()
        private = self._kentro_private_records()
        if not private:
            return private
        return private - private.exists()._filtered_access("read")


def unreadable_ids(env, rows):
    """The keys of ``rows`` (key, res_model, res_id) pointing at a Community
    Centre record the current user may not read."""
    if env.su:
        return set()
    by_model = defaultdict(set)
    for _key, res_model, res_id in rows:
        if res_model and res_id and res_model in env:
            by_model[res_model].add(res_id)
    hidden = {
        res_model: set(env[res_model].browse(ids)._kentro_unreadable_records().ids)
        for res_model, ids in by_model.items()
    }
    return {key for key, res_model, res_id in rows if res_id in hidden.get(res_model, ())}


def add_forbidden(records, result, forbidden_ids):
    """``_check_access``'s result for ``records``, with ``forbidden_ids`` refused
    too, by an error that names nothing."""
    if not forbidden_ids:
        return result
    forbidden = records.browse(sorted(forbidden_ids))
    if result:
        return result[0] | forbidden, result[1]
    return forbidden, lambda: AccessError(
        records.env._("This belongs to a Community Centre file or appointment you may not read.")
    )
