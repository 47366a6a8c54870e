from odoo import models

from odoo.addons.base_import.models.base_import import ImportValidationError


class BaseImport(models.TransientModel):
    _inherit = "base_import.import"

    def execute_import(self, fields, columns, options, dryrun=False):
        """Beneficiaries: the batches of one import share the households of the
        file. *Keep the valid rows*: the rows with an error are
        left out; on a real import they come back as ``kentro_skipped`` (line
        of the file and reason), so that the wizard goes on with the next batch
        and tells the user which lines were not imported."""
        if self.res_model != "kentro.beneficiary":
            return super().execute_import(fields, columns, options, dryrun=dryrun)
        # The batches of one import share its households.
        wizard = self.with_context(kentro_import_scope=f"import-{self.id}")
        if not options.get("kentro_keep_valid"):
            return super(BaseImport, wizard).execute_import(fields, columns, options, dryrun=dryrun)
        first_line = (options.get("skip") or 0) + (2 if options.get("has_headers") else 1)
        result = super(BaseImport, wizard.with_context(kentro_keep_valid=True)).execute_import(
            fields, columns, options, dryrun=dryrun
        )
        if dryrun or result.get("ids") is False:
            return result
        skipped = [m for m in result["messages"] if m["type"] == "warning" and "rows" in m]
        result["messages"] = [m for m in result["messages"] if m not in skipped]
        result["kentro_skipped"] = [
            {"line": first_line + message["rows"]["from"], "message": message["message"]}
            for message in skipped
        ]
        return result

    # Odoo internal: see docs/odoo-internals.md
    def _read_csv(self, options):
        # A line with more or fewer cells than the header (a missing cell, a
        # comma left unquoted) would shift its values into the wrong columns:
        # refuse the file and say which line, rather than fail on it or guess.
        length, rows = super()._read_csv(options)
        width = len(rows[0]) if rows else 0
        for number, row in enumerate(rows, start=1):
            if len(row) != width:
                raise ImportValidationError(
                    self.env._(
                        "Line %(line)s of the file has %(cells)s cells, but the first line has "
                        "%(width)s: check the separator and the cells of that line (a comma "
                        "inside a value needs quotes).",
                        line=number,
                        cells=len(row),
                        width=width,
                    ),
                    # False, not None: the answer also travels over XML-RPC.
                    field_type=False,
                )
        return length, rows

    # Odoo internal: see docs/odoo-internals.md
    def _parse_date_from_data(self, data, index, name, field_type, options):
        # Odoo's own message names neither the value nor the expected format,
        # and is not translated: say both, in the user's language.
        for number, line in enumerate(data, start=1):
            try:
                super()._parse_date_from_data([line], index, name, field_type, options)
            except ImportValidationError:
                model = self.env[self.res_model]
                field = model._fields.get(name)
                raise ImportValidationError(
                    self.env._(
                        "Line %(line)s, column %(column)s: «%(value)s» is not a date in the "
                        "format %(format)s.",
                        line=number,
                        column=field._description_string(self.env) if field else name,
                        value=line[index],
                        format=options.get("date_format") or "%Y-%m-%d",
                    ),
                    field=name,
                    field_type=field_type,
                ) from None
        return None
