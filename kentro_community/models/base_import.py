from odoo import models


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
