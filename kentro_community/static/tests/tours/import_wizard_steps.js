// Steps shared by the import tours: from the beneficiaries' list, open Odoo's
// import wizard and hand its (hidden) file input a CSV built by the tour, as a
// chosen file would be.
export function uploadToImportWizard(csvText) {
    return [
        { trigger: ".o_list_view, .o_kanban_view" },
        { trigger: ".o_cp_action_menus .dropdown-toggle", run: "click" },
        { trigger: ".o_import_menu", run: "click" },
        {
            trigger: "button.o_import_file",
            run() {
                const input = document.querySelector(".o_file_input .o_input_file");
                const transfer = new DataTransfer();
                transfer.items.add(new File([csvText()], "people.csv", { type: "text/csv" }));
                input.files = transfer.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
    ];
}
