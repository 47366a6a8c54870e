from odoo import api, models

# Operators whose value, on a one2many or many2many, is a list of record ids.
IDS_OPERATORS = ("in", "not in", "=", "!=")


class Base(models.AbstractModel):
    """A search on a Kentro model is no oracle for records its user may not read.

    Odoo resolves ``(one2many_or_many2many, 'in', ids)`` by the relation alone,
    without the record rules of the related model: counting the settlements or
    households whose members include file 57 would tell a user who may not read
    file 57 where that person lives. On Kentro models, such ids are narrowed to
    those the user may read before the search. Other models, searches by name or
    by a path (``member_ids.name``, which Odoo resolves under the rules) and the
    superuser are left as Odoo has them."""

    _inherit = "base"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if domain and self._name.startswith("kentro.") and not self.env.su:
            domain = [self._kentro_readable_ids_leaf(leaf) for leaf in domain]
        return super()._search(domain, offset=offset, limit=limit, order=order)

    @api.model
    def _kentro_readable_ids_leaf(self, leaf):
        if not isinstance(leaf, (list, tuple)) or len(leaf) != 3 or not isinstance(leaf[0], str):
            return leaf
        name, operator, value = leaf
        field = self._fields.get(name)
        if (
            field is None
            or field.type not in ("one2many", "many2many")
            or operator not in IDS_OPERATORS
        ):
            return leaf
        ids = [value] if isinstance(value, int) and not isinstance(value, bool) else value
        if (
            not isinstance(ids, (list, tuple))
            or not ids
            or not all(
                isinstance(record_id, int) and not isinstance(record_id, bool) for record_id in ids
            )
        ):
            return leaf
        comodel = self.env[field.comodel_name].with_context(active_test=False)
        readable = comodel.search([("id", "in", list(ids))]).ids
        return (name, "in" if operator in ("in", "=") else "not in", readable)
