"""Importing beneficiaries from a spreadsheet through Odoo's import wizard.

What Odoo's ``load`` does not know about files of people, and what is added here:
- households: a column *Household in the file* groups the rows of one
  household; each group becomes one household (named after its head);
- the same ΑΜΚΑ twice in the file is reported on the later rows, before
  anything is written (the database's own duplicates are refused by the model);
- *keep the valid rows* (context ``kentro_keep_valid``): the rows with an error
  are left out and reported, the others are imported; without it, one error
  imports nothing, as Odoo always does.
A batch is written in one transaction: it is imported whole or not at all."""

from odoo import api, fields, models

HOUSEHOLD_KEY = "household_key"


class KentroBeneficiaryImportMixin(models.AbstractModel):
    """What a beneficiary file adds to Odoo's import (see the module's
    docstring); the households it creates carry ``import_key``."""

    _name = "kentro.beneficiary.import.mixin"
    _description = "Import of beneficiaries from a spreadsheet"

    household_key = fields.Char(
        string="Household in the file",
        compute="_compute_household_key",
        inverse="_inverse_household_key",
        help="Import only: the rows that share this value (any label, e.g. 'Family 1') "
        "are one household; a new household is created for them.",
    )

    def _compute_household_key(self):
        self.household_key = False

    def _inverse_household_key(self):
        households = dict(self.env.context.get("kentro_import_households", ()))
        if not households:
            # Created outside an import: the key groups the records of this call.
            households = self._households_for_keys(self.mapped("household_key"), self.centre_id)
        for person in self.filtered("household_key"):
            person.household_id = households[person.household_key.strip()]

    @api.model
    def _households_for_keys(self, keys, centre):
        """The household of each distinct key, at ``centre``: created, or the
        one an earlier batch of the same import created."""
        keys = sorted({key.strip() for key in keys if key and key.strip()})
        scope = self.env.context.get("kentro_import_scope")
        Household = self.env["kentro.household"]
        found = {}
        if scope and keys:
            earlier = Household.search([("import_key", "in", [f"{scope}/{key}" for key in keys])])
            found = {household.import_key.split("/", 1)[1]: household.id for household in earlier}
        new_keys = [key for key in keys if key not in found]
        created = Household.create(
            [
                {
                    "name": key,
                    "centre_id": centre[:1].id,
                    "import_key": scope and f"{scope}/{key}",
                }
                for key in new_keys
            ]
        )
        return {**found, **dict(zip(new_keys, created.ids, strict=True))}

    @api.model
    def get_import_templates(self):
        # One entry: the wizard keys its list of templates by the entry itself.
        # The same template as CSV is /kentro_community/static/xls/kentro_beneficiaries.csv.
        return [
            {
                "label": self.env._("Import template for beneficiaries"),
                "template": "/kentro_community/static/xls/kentro_beneficiaries.xlsx",
            }
        ]

    # Odoo internal: see docs/odoo-internals.md
    @api.model
    def load(self, fields, data):
        limit = self.env.context.get("_import_limit")
        nextrow = 0
        if limit and limit < len(data):
            # One batch of the file; the following rows come in the next call.
            data, nextrow = data[:limit], limit
        model = self.with_context(_import_limit=None)
        duplicates = model._import_duplicate_messages(fields, data)
        failed = {message["rows"]["from"] for message in duplicates}
        with self.env.cr.savepoint() as savepoint:
            rows = [index for index in range(len(data)) if index not in failed]
            result = model._load_rows(fields, data, rows)
            errors = sorted(
                duplicates + [m for m in result["messages"] if m["type"] == "error"],
                key=lambda message: message.get("rows", {}).get("from", -1),
            )
            if errors and self.env.context.get("kentro_keep_valid"):
                # Again, without the rows that failed (and whatever the first
                # attempt wrote).
                savepoint.rollback()
                failed |= {m["rows"]["from"] for m in errors if "rows" in m}
                rows = [index for index in range(len(data)) if index not in failed]
                result = model._load_rows(fields, data, rows)
                if not any(m["type"] == "error" for m in result["messages"]):
                    skipped = [{**message, "type": "warning"} for message in errors]
                    return {**result, "messages": skipped + result["messages"], "nextrow": nextrow}
                errors = [m for m in result["messages"] if m["type"] == "error"]
            if errors:
                savepoint.rollback()
                self.env.registry.reset_changes()
                return {"ids": False, "messages": errors, "nextrow": 0}
        return {**result, "nextrow": nextrow}

    @api.model
    def _load_rows(self, fields, data, rows):
        """Odoo's ``load`` of ``data[rows]``, households created first; the
        messages point at the rows of ``data``."""
        rows = list(rows)
        chosen = [data[index] for index in rows]
        model = self
        if HOUSEHOLD_KEY in fields:
            column = fields.index(HOUSEHOLD_KEY)
            centre = self.env["kentro.centre"].browse(
                self.default_get(["centre_id"]).get("centre_id")
            )
            households = self._households_for_keys([row[column] for row in chosen], centre)
            model = self.with_context(kentro_import_households=tuple(households.items()))
        result = super(KentroBeneficiaryImportMixin, model).load(fields, chosen)
        if HOUSEHOLD_KEY in fields and result["ids"]:
            empty = self.env["kentro.household"].browse(households.values())
            empty.filtered(lambda household: not household.member_ids).unlink()
        messages = result["messages"]
        if len(messages) > 1 and messages[0]["message"] in [m["message"] for m in messages[1:]]:
            # Odoo repeats the error of the whole batch on its first row, before
            # the errors of each row (that include it, at its own row).
            result["messages"] = messages = messages[1:]
        for message in messages:
            if "rows" in message:
                message["rows"] = {
                    "from": rows[message["rows"]["from"]],
                    "to": rows[min(message["rows"]["to"], len(rows) - 1)],
                }
            if "record" in message:
                message["record"] = message["rows"]["from"] if "rows" in message else 0
        return result

    @api.model
    def _import_duplicate_messages(self, fields, data):
        """An error on every row whose ΑΜΚΑ an earlier row of ``data`` has."""
        if "amka" not in fields:
            return []
        column = fields.index("amka")
        first_row = {}
        messages = []
        for index, row in enumerate(data):
            amka = "".join((row[column] or "").split())
            if not amka:
                continue
            if amka in first_row:
                messages.append(
                    {
                        "type": "error",
                        "rows": {"from": index, "to": index},
                        "record": index,
                        "field": "amka",
                        "message": self.env._(
                            "ΑΜΚΑ %(amka)s appears twice in the file: this row and "
                            "the row of %(name)s.",
                            amka=amka,
                            name=self._import_row_name(fields, data[first_row[amka]]),
                        ),
                    }
                )
            else:
                first_row[amka] = index
        return messages

    @api.model
    def _import_row_name(self, fields, row):
        parts = [row[fields.index(name)] for name in ("last_name", "first_name") if name in fields]
        return " ".join(part for part in parts if part) or "?"
