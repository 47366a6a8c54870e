from contextvars import ContextVar

from odoo import api, models, tools
from odoo.osv import expression

from ..tools import groups

# How the protected data being read reaches the user: "open" while the web
# client's web_read runs (a form, a list, a file shown in another record's
# form), "read" otherwise (read and search_read, as over XML-RPC). A context
# variable, not the ORM context: a client cannot choose its own label.
_read_kind = ContextVar("kentro_audit_read_kind", default="read")


class KentroFileAuditMixin(models.AbstractModel):
    """The read audit of a beneficiary file: who read its protected data, how
    and when.

    Hooks, narrowest first: ``_read_format`` (read, search_read, web_read,
    web_search_read and the nested reads web_read makes on other models all
    format their values there), ``read_group`` (web_read_group and progress
    bars call it), ``_export_rows`` (every export, and the exports of other
    models' fields that go through a file)."""

    _name = "kentro.file.audit.mixin"
    _description = "Read audit of a beneficiary file"

    @api.model
    @tools.ormcache()
    def _kentro_protected_fields(self):
        """The file's protected data: the fields that only Community Centre
        groups above reception may read, from the fields' own ``groups=`` (a
        field an annex adds with ``groups=`` is covered without a list)."""
        return frozenset(
            name
            for name, field in self._fields.items()
            if field.groups
            and all(
                group.startswith(groups.PREFIX) and group != groups.RECEPTION
                for group in field.groups.split(",")
            )
        )

    def _kentro_audit(self, kind, file_ids=None, query=None):
        """The one place the hooks below log through (the bench's reference
        replaces it to measure the same reads without the audit)."""
        Log = self.env["kentro.audit.log"]
        if query is not None:
            Log._log_query(kind, query)
        else:
            Log._log(kind, file_ids)

    # Odoo internal: see docs/odoo-internals.md
    def _read_format(self, fnames, load="_classic_read"):
        # Odoo internal (BaseModel._read_format), the step that read,
        # search_read, web_read and web_search_read share: one INSERT for the
        # files returned. Guarded by test_audit.TestReadAudit.
        result = super()._read_format(fnames, load=load)
        if result and not self.env.su and not self._kentro_protected_fields().isdisjoint(fnames):
            self._kentro_audit(_read_kind.get(), [values["id"] for values in result])
        return result

    def web_read(self, specification):
        token = _read_kind.set("open")
        try:
            return super().web_read(specification)
        finally:
            _read_kind.reset(token)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        result = super().read_group(
            domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy
        )
        if not self.env.su and self._kentro_names_protected(domain, fields, groupby):
            # Counts and sums of protected data say something of each file
            # counted: every file the grouping covers is logged, in one query.
            self._kentro_audit("read_group", query=self._search(domain or []))
        return result

    @api.model
    def _kentro_names_protected(self, domain, fields, groupby):
        names = set()
        for spec in [*(fields or []), *([groupby] if isinstance(groupby, str) else groupby or [])]:
            # "disability", "disability:count", "total:sum(disability_percentage)"
            for part in spec.replace("(", ":").replace(")", "").split(":"):
                names.add(part.split(".")[0].strip())
        for leaf in expression.normalize_domain(domain or []):
            if isinstance(leaf, (list, tuple)) and isinstance(leaf[0], str):
                names.add(leaf[0].split(".")[0])
        return not self._kentro_protected_fields().isdisjoint(names)

    # Odoo internal: see docs/odoo-internals.md
    def _export_rows(self, fields, *, _is_toplevel_call=True):
        # Odoo internal (BaseModel._export_rows): every export of files passes
        # here, and so do the files reached from another model's export (a
        # service's person), record by record. Every export is logged, protected
        # data or not: it takes the files out of Odoo. Guarded by
        # test_audit.TestReadAudit.test_export_*.
        if not self.env.su:
            files = self
            exporting = self.env.cr.cache.get("export_properties_cache")
            if not _is_toplevel_call and exporting is not None:
                # Odoo calls this once per exported record of the other model,
                # with the others' files prefetched: log them all at the first
                # call, once for the whole export.
                logged = exporting.setdefault("kentro_audit_logged", set())
                prefetched = self.browse(self._prefetch_ids)
                files = prefetched.browse([id_ for id_ in prefetched.ids if id_ not in logged])
                logged.update(files.ids)
            if files:
                self._kentro_audit("export", files.ids)
        return super()._export_rows(fields, _is_toplevel_call=_is_toplevel_call)

    def action_open_access_log(self):
        """Who looked at the file: the heads' access log, for this file."""
        self.ensure_one()
        self.env["kentro.audit.log"].check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kentro_community.kentro_audit_log_action"
        )
        action.update(
            name=self.env._("Who looked at the file"),
            domain=[("file_id", "=", self.id)],
            context={"create": False},
        )
        return action
