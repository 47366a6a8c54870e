import { registry } from "@web/core/registry";
import { uploadToImportWizard } from "./import_wizard_steps";

// Reception imports a file of people through Odoo's import wizard, asks to
// keep the valid rows, and reads which line was left out. The file is built
// here and handed to the wizard's file input, as a chosen file would be.
const FILE = [
    "Επώνυμο,Όνομα,Ημερομηνία γέννησης,ΑΜΚΑ,Νοικοκυριό στο αρχείο",
    "Περιήγηση,Άννα,1981-02-03,03028100018,Κ1",
    "Περιήγηση,Βασίλης,1979-05-06,06057900026,Κ1",
    "Περιήγηση,Λάθος,1990-01-01,12345678901,",
].join("\n");

registry.category("web_tour.tours").add("kentro_import_keep_valid_tour", {
    steps: () => [
        ...uploadToImportWizard(() => FILE),
        { trigger: ".o_import_data_sidepanel .o_kentro_keep_valid input", run: "click" },
        { trigger: ".o_import_data_sidepanel .o_kentro_keep_valid input:checked" },
        { trigger: ".o_control_panel button.btn-primary:not(.o_import_file)", run: "click" },
        { trigger: ".o_notification:contains('4: ')" },
        { trigger: ".o_list_view, .o_kanban_view" },
    ],
});
