from contextlib import contextmanager

from psycopg2 import errors

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

ACTIONS = [
    ("open", "Opened the file"),
    ("read", "Read through the API"),
    ("read_group", "Grouped by protected data"),
    ("print", "Printed the sheet"),
    ("export", "Exported"),
    ("print_document", "Printed a document"),
]


class KentroAuditLog(models.Model):
    """Who read, printed or exported which beneficiary file, and when.
    Append-only: written by the code that does the reading, never changed or
    deleted through the ORM, not even by an administrator.

    A row keeps the file's id and structure as plain values: deleting the file
    does not blank the rows that say who looked at it."""

    _name = "kentro.audit.log"
    _description = "Beneficiary file access log"
    _order = "date desc, id desc"
    _kentro_order_index = True
    _rec_name = "date"

    date = fields.Datetime(required=True, readonly=True, index=True)
    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True)
    action = fields.Selection(ACTIONS, required=True, readonly=True)
    # No foreign key: the row outlives the file, and a row written through
    # its own connection never waits on, nor misses, the request's records.
    file_id = fields.Integer(string="File number", readonly=True, index=True, aggregator=None)
    beneficiary_id = fields.Many2one(
        "kentro.beneficiary",
        compute="_compute_beneficiary_id",
        search="_search_beneficiary_id",
        help="The file, while it exists and the user may read it.",
    )
    centre_id = fields.Many2one("kentro.centre", string="Structure", readonly=True, index=True)
    company_id = fields.Many2one("res.company", readonly=True, index=True)

    def init(self):
        result = super().init()
        # Rows written when the file was a foreign key keep their file number.
        self.env.cr.execute(
            SQL(
                """SELECT 1 FROM information_schema.columns
                    WHERE table_name = %s AND column_name = 'beneficiary_id'""",
                self._table,
            )
        )
        if self.env.cr.fetchone():
            self.env.cr.execute(
                SQL(
                    """UPDATE %(table)s SET file_id = beneficiary_id
                        WHERE file_id IS NULL AND beneficiary_id IS NOT NULL;
                       ALTER TABLE %(table)s DROP COLUMN beneficiary_id""",
                    table=SQL.identifier(self._table),
                )
            )
        return result

    @api.depends("file_id")
    def _compute_beneficiary_id(self):
        files = self.env["kentro.beneficiary"].browse({log.file_id for log in self} - {0})
        readable = set(files.exists()._filtered_access("read").ids)
        for log in self:
            log.beneficiary_id = log.file_id if log.file_id in readable else False

    def _search_beneficiary_id(self, operator, value):
        if operator in ("=", "!=", "in", "not in") and not isinstance(value, str):
            if isinstance(value, models.BaseModel):
                value = value.ids
            return [("file_id", operator, value or False)]
        files = self.env["kentro.beneficiary"]._search([("display_name", operator, value)])
        return [("file_id", "in", files)]

    # ------------------------------------------------------------------ writing
    @contextmanager
    def _audit_cursor(self):
        """The cursor the rows are written with.

        A cursor that can write is the request's own: the rows are committed
        with its transaction, which Odoo commits before the answer leaves, a
        file created in it is already there, and no second connection waits
        on its locks. That is every request of a server without a replica:
        Odoo 18 runs its read-only requests (``web_read``, ``search_read``…)
        on a read/write cursor when no ``db_replica_host`` is set. A read-only
        cursor (a replica's, when ``db_replica_host`` is set) stays read-only:
        the rows go through a short transaction of their own on the primary,
        committed at once. In test mode Odoo's registry hands out a TestCursor
        on the test's transaction, so the rows are visible to the test; a
        read-only TestCursor cannot open a read/write one (HttpCase's read-only
        requests), so the audit asks Odoo to retry such a request read/write,
        as Odoo does for any write in a read-only request."""
        cr = self.env.cr
        if not cr.readonly:
            yield cr
            return
        if self.env.registry.test_cr is not None:
            # Raised here rather than by PostgreSQL, which would log the
            # refused INSERT as an error before Odoo retries.
            raise errors.ReadOnlySqlTransaction("the read audit writes in a read-only test cursor")
        with self.env.registry.cursor(readonly=False) as audit_cr:
            yield audit_cr

    def _insert(self, action, files_sql):
        now = fields.Datetime.now()
        with self._audit_cursor() as cr:
            cr.execute(
                SQL(
                    """INSERT INTO kentro_audit_log
                           (date, user_id, action, file_id, centre_id, company_id,
                            create_uid, create_date, write_uid, write_date)
                       SELECT %(now)s, %(uid)s, %(action)s, person.id, person.centre_id,
                              person.company_id, %(uid)s, %(now)s, %(uid)s, %(now)s
                         FROM kentro_beneficiary person
                        WHERE %(files)s
                        ORDER BY person.id""",
                    now=now,
                    uid=self.env.uid,
                    action=action,
                    files=files_sql,
                )
            )

    @api.model
    def _log(self, action, beneficiaries):
        """Record ``action`` by the current user on ``beneficiaries`` (a
        recordset or ids): one row per file, in one INSERT."""
        ids = getattr(beneficiaries, "ids", beneficiaries)
        # New records (an onchange's) have no file yet.
        ids = sorted({id_ for id_ in ids if isinstance(id_, int) and id_})
        if not ids:
            return
        Beneficiary = self.env["kentro.beneficiary"]
        if not self.env.cr.readonly:
            # A file changed in this transaction is logged with its new structure.
            Beneficiary.flush_model(["centre_id", "company_id"])
        self._insert(action, SQL("person.id = ANY(%s)", ids))

    @api.model
    def _log_query(self, action, query):
        """Record ``action`` on the files a search ``query`` selects (a
        ``read_group``'s domain), without loading them: one INSERT … SELECT."""
        self._insert(action, SQL("person.id IN %s", query.subselect()))

    @api.model_create_multi
    def create(self, vals_list):  # pylint: disable=method-required-super
        # Rows are inserted by _log only; no context lets a client forge one.
        raise AccessError(self.env._("The access log is written by Odoo itself."))

    def write(self, vals):  # pylint: disable=method-required-super
        raise AccessError(self.env._("The access log cannot be changed."))

    def unlink(self):  # pylint: disable=method-required-super
        raise AccessError(self.env._("The access log cannot be deleted."))
