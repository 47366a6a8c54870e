import { registry } from "@web/core/registry";
import { uploadToImportWizard } from "./import_wizard_steps";

// Reception imports a file of 10,000 people through Odoo's import wizard: the
// wizard imports it batch by batch and shows its progress bar. The file is
// built here (valid ΑΜΚΑ, names in letters) and handed to the wizard's input.
const LETTERS = "αβγδεζηθικ";

function amka(birthdate, serial) {
    const two = (n) => String(n).padStart(2, "0");
    const body =
        two(birthdate.getUTCDate()) +
        two(birthdate.getUTCMonth() + 1) +
        two(birthdate.getUTCFullYear() % 100) +
        String(serial).padStart(4, "0");
    let total = 0;
    [...body].reverse().forEach((char, position) => {
        let digit = Number(char);
        if (position % 2 === 0) {
            digit *= 2;
            digit -= digit > 9 ? 9 : 0;
        }
        total += digit;
    });
    return body + String((10 - (total % 10)) % 10);
}

function tenThousandPeople() {
    const lines = ["Επώνυμο,Όνομα,Ημερομηνία γέννησης,ΑΜΚΑ"];
    const first = Date.UTC(1930, 0, 1);
    for (let index = 0; index < 10000; index++) {
        const birthdate = new Date(first + index * 86400000);
        const name = [...String(index)].map((digit) => LETTERS[Number(digit)]).join("");
        lines.push(
            `Μαζική,Πρόσωπο ${name},${birthdate.toISOString().slice(0, 10)},${amka(birthdate, 5000)}`
        );
    }
    return lines.join("\n");
}

registry.category("web_tour.tours").add("kentro_import_ten_thousand_tour", {
    steps: () => [
        ...uploadToImportWizard(tenThousandPeople),
        // More rows than one batch: the wizard says it imports by batches.
        { trigger: ".o_import_data_sidepanel .o_import_batch_limit" },
        {
            trigger: ".o_control_panel button.btn-primary:not(.o_import_file)",
            run(helpers) {
                // While it imports, the wizard blocks the screen (no tour step
                // runs then): watch for its progress bar meanwhile.
                window.kentroProgressSeen = false;
                const observer = new MutationObserver(() => {
                    if (document.querySelector(".o_import_data_progress .progress-bar")) {
                        window.kentroProgressSeen = true;
                        observer.disconnect();
                    }
                });
                observer.observe(document.body, { childList: true, subtree: true });
                helpers.click();
            },
        },
        // Five batches of 2,000 rows, then the wizard returns to the list.
        {
            trigger: ".o_list_view, .o_kanban_view",
            timeout: 60000,
            run() {
                if (!window.kentroProgressSeen) {
                    throw new Error("The import wizard showed no progress bar.");
                }
            },
        },
    ],
});
