from collections import defaultdict

from odoo import api, models
from odoo.exceptions import AccessError, MissingError
from odoo.fields import Command

# Odoo's own bookkeeping of who created and changed a record.
MAGIC_FIELDS = frozenset(("create_uid", "write_uid"))


class Base(models.AbstractModel):
    """A Kentro record links only what its user may read.

    Odoo does not check that the record a many2one or many2many points at is
    one the user may read: a receptionist could write another municipality's
    contact into a file and read the person's address through the file. Every
    relational value given to a Kentro model (and to a Kentro field of an Odoo
    model) by a user is checked here, once per target model and batch, before
    anything is written or any constraint formats a message from it. Code that
    Kentro runs as superuser is trusted and not checked. Other models and
    fields are left exactly as Odoo has them."""

    _inherit = "base"

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
