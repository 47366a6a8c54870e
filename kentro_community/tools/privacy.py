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
    return forbidden, lambda: refusal(records.env)


def refusal(env):
    """The error for a row of a Community Centre record the user may not
    read: it names nothing."""
    return AccessError(
        env._("This belongs to a Community Centre file or appointment you may not read.")
    )


def refuse_unreadable(records, result):
    """``_check_access``'s result for ``records`` (rows pointing at a record by
    ``res_model``/``res_id``), with the rows pointing at a Community Centre
    record the current user may not read refused as well."""
    if records.env.su or not records:
        return result
    # sudo: only the record each row points at is read, to check access to it.
    rows = [(row.id, row.res_model, row.res_id) for row in records.sudo().exists()]
    return add_forbidden(records, result, unreadable_ids(records.env, rows))


def search_without_unreadable(model, query, order):
    """``query``, a search on ``model`` (rows pointing at a record by
    ``res_model``/``res_id``), less the rows pointing at a Community Centre
    record the current user may not read."""
    if model.env.is_superuser():
        return query
    rows = model.env.execute_query(
        query.select(
            *[model._field_to_sql(model._table, name) for name in ("id", "res_model", "res_id")]
        )
    )
    hidden = unreadable_ids(model.env, rows)
    if not hidden:
        return query
    return model.browse(row[0] for row in rows if row[0] not in hidden)._as_query(order)
