"""Helpers of the side-door checks on followers, activities and attachments:
which rows point at a Community Centre record the user may not read (see
``base._kentro_unreadable_records``), and how to refuse them."""

from collections import defaultdict

from odoo.exceptions import AccessError


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
