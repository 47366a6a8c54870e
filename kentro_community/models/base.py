from collections import defaultdict

from odoo import api, models, tools
from odoo.exceptions import AccessError, MissingError
from odoo.fields import Command
from odoo.tools import config, sql
from odoo.tools.query import Query

# Operators whose value, on a one2many or many2many, is a list of record ids.
IDS_OPERATORS = ("in", "not in", "=", "!=")
# Odoo's own bookkeeping of who created and changed a record.
MAGIC_FIELDS = frozenset(("create_uid", "write_uid"))


class Base(models.AbstractModel):
    """What every model learns from Kentro, acting only on Community Centre
    records; other models and fields are left exactly as Odoo has them.

    1. A Kentro record links only what its user may read.

    Odoo does not check that the record a many2one or many2many points at is
    one the user may read: a receptionist could write another municipality's
    contact into a file and read the person's address through the file. Every
    relational value given to a Kentro model (and to a Kentro field of an Odoo
    model) by a user is checked here, once per target model and batch, before
    anything is written or any constraint formats a message from it. Code that
    Kentro runs as superuser is trusted and not checked.

    2. Which records hold Community Centre data, and which of them the current
    user may not read: the followers, activities and attachments of those are
    hidden from that user as well (see mail_followers.py, mail_activity.py,
    ir_attachment.py). Records of other apps are never concerned.

    3. A search on a Kentro model is no oracle for records its user may not
    read. Odoo resolves ``(one2many_or_many2many, 'in', ids)`` by the relation
    alone, without the record rules of the related model: counting the
    settlements or households whose members include file 57 would tell a user
    who may not read file 57 where that person lives. On Kentro models, such
    ids are narrowed to those the user may read before the search. Searches by
    name or by a path (``member_ids.name``, which Odoo resolves under the
    rules) and the superuser are left as Odoo has them."""

    _inherit = "base"

    # 4. A Kentro model that sets this gets an index in its ``_order``, on
    # install and update: its list's first page is read from the index
    # instead of sorting every row of the municipality (see ``init``).
    _kentro_order_index = False

    def init(self):
        result = super().init()
        if self._kentro_order_index:
            self._kentro_create_order_index()
        return result

    def _kentro_create_order_index(self):
        """``<table>_kentro_order`` on the columns of ``_order``, in their
        directions. A term that is not a plain column of the table (a related
        or translated field) leaves the model without one."""
        columns = []
        for term in self._order.split(","):
            name, *direction = term.split()
            field = self._fields.get(name)
            if not (field and field.store and field.column_type and not field.translate):
                return
            descending = bool(direction) and direction[0].lower() == "desc"
            columns.append(f'"{name}" DESC' if descending else f'"{name}"')
        sql.create_index(self.env.cr, f"{self._table}_kentro_order"[:63], self._table, columns)

    @api.model_create_multi
    def create(self, vals_list):
        self._kentro_check_links(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._kentro_check_links([vals])
        return super().write(vals)

    @api.model
    def _kentro_check_links(self, vals_list):
        """Refuse, naming only the field, a value of a guarded field that the
        user may not read or that belongs to a municipality not theirs."""
        if self.env.su:
            return
        wanted = defaultdict(set)  # comodel: ids
        field_of = {}  # comodel: a field naming it, for the message

        def add(name, value):
            if self._kentro_guards(name) and (ids := _linked_ids(value)):
                comodel = self._fields[name].comodel_name
                wanted[comodel].update(ids)
                field_of.setdefault(comodel, name)

        for vals in vals_list:
            for name, value in vals.items():
                add(name, value)
        # Values Odoo takes from the context (``default_<field>``) when not given.
        for key, value in self.env.context.items():
            if key.startswith("default_") and any(key[8:] not in vals for vals in vals_list):
                add(key[8:], value)
        for comodel, ids in wanted.items():
            if not self._kentro_may_link(self.env[comodel].browse(ids)):
                field = self._fields[field_of[comodel]]
                raise AccessError(
                    self.env._(
                        "The record chosen for «%(field)s» does not exist or you have no "
                        "access to it. Choose one of those the field offers.",
                        field=field._description_string(self.env),
                    )
                )

    @api.model
    def _kentro_guards(self, name):
        """Whether values given to field ``name`` are checked: the relations
        of Kentro's models, and the Kentro fields added to Odoo's."""
        field = self._fields.get(name)
        return (
            field is not None
            and field.type in ("many2one", "many2many")
            and name not in MAGIC_FIELDS
            and (self._name.startswith("kentro.") or name.startswith("kentro_"))
        )

    @api.model
    def _kentro_may_link(self, targets):
        """Whether the user may read every record of ``targets`` and each
        belongs to no municipality or to one of the user's current ones."""
        try:
            if targets._filtered_access("read") != targets:
                return False
            companies = self.env.companies
            if "company_id" in targets._fields or targets._name == "res.users":
                domain = targets._check_company_domain(companies)
                # Read as superuser only to compare with the user's companies:
                # nothing read here reaches the user.
                in_companies = targets.sudo().with_context(active_test=False)
                if domain and in_companies.filtered_domain(domain) != in_companies:
                    return False
        except MissingError:
            return False
        return True

    # Private records --------------------------------------------------

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

    # Searches ---------------------------------------------------------

    @api.model
    def _kentro_listed_domain(self):
        """Which readable records of this model may be listed among another
        record's related records (all of them; appointments narrow it)."""
        return []

    # Odoo internal: see docs/odoo-internals.md
    @api.model
    def _apply_ir_rules(self, query, mode="read"):
        # Odoo turns the user's rule domain into SQL on every search; on the
        # Community Centre's models the SQL is kept with the domain it comes
        # from (see _kentro_rules_where).
        if self.env.su or not self._name.startswith("kentro."):
            return super()._apply_ir_rules(query, mode)
        where = self._kentro_rules_where(mode)
        if where is None:
            return super()._apply_ir_rules(query, mode)
        if where:
            query.add_where(where)
        return None

    @api.model
    @tools.conditional(
        "xml" not in config["dev_mode"],
        tools.ormcache(
            "self.env.uid",
            "mode",
            "self.env.lang",
            "tuple(self.env['ir.rule']._compute_domain_context_values())",
        ),
    )
    def _kentro_rules_where(self, mode):
        """The SQL condition the current user's record rules put on a search
        of this model, as Odoo's ``_apply_ir_rules`` writes it; ``None`` when
        the rules need more than a condition on the model's own table (a join),
        which Odoo then writes anew on each search.

        It is cached beside Odoo's own cache of the rules' domains, under the
        same keys (user, mode, allowed companies) plus the language, and
        cleared with it: when a rule, a group or a user's rights change (Odoo),
        and when a user's structures or the structures' tree change (Kentro:
        res_users.py, kentro_centre.py), which the domains' ``child_of`` reads."""
        # Odoo's own method writes the condition, on a query of its own.
        fresh = Query(self.env, self._table, self._table_sql)
        super()._apply_ir_rules(fresh, mode)
        if fresh._joins:
            return None
        return fresh.where_clause

    # Odoo internal: see docs/odoo-internals.md
    @api.model
    def check_field_access_rights(self, operation, field_names):
        # Odoo asks the user's groups once per field named, through two of its
        # caches each time; a file's form names some twenty protected fields
        # that all carry the same groups. On Kentro's models each groups
        # string is asked once per call; Odoo's own check runs (and refuses,
        # with its message) as soon as one field is not accessible, or when
        # no field is named (every readable field is wanted then).
        if self.env.su or not field_names or not self._name.startswith("kentro."):
            return super().check_field_access_rights(operation, field_names)
        accessible = {}
        for name in field_names:
            field = self._fields.get(name)
            if field is None or not field.groups:
                continue
            if field.groups not in accessible:
                accessible[field.groups] = field.is_accessible(self.env)
            if not accessible[field.groups]:
                return super().check_field_access_rights(operation, field_names)
        return field_names

    # Odoo internal: see docs/odoo-internals.md
    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if domain and self._name.startswith("kentro.") and not self.env.su:
            self._kentro_check_x2many_access(domain)
            domain = [self._kentro_readable_ids_leaf(leaf) for leaf in domain]
        return super()._search(domain, offset=offset, limit=limit, order=order)

    @api.model
    def _kentro_check_x2many_access(self, domain):
        """Odoo refuses a search by a field the user may not read, except by a
        one2many or many2many: searching files by their coded reasons for
        coming would tell reception who came for violence or addiction."""
        names = {
            leaf[0].split(".")[0]
            for leaf in domain
            if isinstance(leaf, (list, tuple)) and len(leaf) == 3 and isinstance(leaf[0], str)
        }
        x2many = [
            name
            for name in names
            if name in self._fields and self._fields[name].type in ("one2many", "many2many")
        ]
        if x2many:
            self.check_field_access_rights("read", x2many)

    # Odoo internal: see docs/odoo-internals.md
    def _read_group_groupby(self, groupby_spec, query):
        # Odoo checks the user's access to the field it groups by, except for a
        # many2many: grouped by their coded reasons for coming, the files would
        # be counted per reason for reception.
        name = groupby_spec.split(":")[0].split(".")[0]
        field = self._fields.get(name)
        if (
            field is not None
            and field.type == "many2many"
            and self._name.startswith("kentro.")
            and not self.env.su
        ):
            self.check_field_access_rights("read", [name])
        return super()._read_group_groupby(groupby_spec, query)

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
        readable = comodel.search([("id", "in", list(ids)), *comodel._kentro_listed_domain()]).ids
        return (name, "in" if operator in ("in", "=") else "not in", readable)


def _linked_ids(value):
    """The ids a many2one or many2many value links (records created by the
    value itself are checked by their own model)."""
    if not value:
        return set()
    if isinstance(value, models.BaseModel):
        return set(value.ids)
    if isinstance(value, int):
        return {value}
    ids = set()
    for command in value:
        if isinstance(command, int):
            ids.add(command)
        elif isinstance(command, models.BaseModel):
            ids.update(command.ids)
        elif isinstance(command, (list, tuple)) and command:
            if command[0] in (Command.UPDATE, Command.LINK) and command[1]:
                ids.add(command[1])
            elif command[0] == Command.SET:
                ids.update(command[2] or ())
    return ids
