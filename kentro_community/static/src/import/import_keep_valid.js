/** @odoo-module **/
// "Keep the valid rows" in Odoo's import wizard, for beneficiaries: the rows
// with an error are left out and listed once the import is over.

import { _t } from "@web/core/l10n/translation";
import { patch } from "@web/core/utils/patch";
import { BaseImportModel } from "@base_import/import_model";

const MODEL = "kentro.beneficiary";

patch(BaseImportModel.prototype, {
    get importOptions() {
        const options = super.importOptions;
        if (this.resModel === MODEL) {
            options.kentro_keep_valid = Boolean(this.kentroKeepValid);
        }
        return options;
    },

    async setOption(optionName, value, fieldName) {
        if (optionName === "kentro_keep_valid" && !fieldName) {
            this.kentroKeepValid = value;
            return;
        }
        return super.setOption(...arguments);
    },

    async executeImport(isTest) {
        this.kentroSkipped = [];
        const result = await super.executeImport(...arguments);
        if (!isTest && this.kentroSkipped.length) {
            const lines = this.kentroSkipped.map((row) => `${row.line}: ${row.message}`);
            this.notificationService.add(lines.join("\n"), {
                title: _t("%s line(s) of the file were not imported", this.kentroSkipped.length),
                type: "warning",
                sticky: true,
            });
        }
        return result;
    },

    async _callImport() {
        const result = await super._callImport(...arguments);
        if (result && result.kentro_skipped) {
            this.kentroSkipped.push(...result.kentro_skipped);
        }
        return result;
    },
});
