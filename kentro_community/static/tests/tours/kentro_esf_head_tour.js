import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";
import { greekCheck } from "@kentro_community/../tests/tours/kentro_greek_check";

// The head prints the ESF+ indicators of the operation running today, then
// checks the participants file: the rows the participants system would refuse
// are listed, nothing leaves until they are left out, then the file is
// exported. The test that starts the tour checks what was exported.

const ALLOW = ["Kentro", "Head", "ISCED"];

function noErrorDialog(where) {
    return {
        content: `no error after ${where}`,
        trigger: ".modal button[name=action_print]:enabled",
        async run() {
            await new Promise((resolve) => setTimeout(resolve, 300));
            const error = document.querySelector(".o_error_dialog, .o_dialog .modal-body .o_error_detail");
            if (error) {
                throw new Error(`${where} failed: ${error.innerText}`);
            }
        },
    };
}

registry.category("web_tour.tours").add("kentro_esf_head_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("kentro_community.kentro_root_menu"),
        { trigger: '[data-menu-xmlid="kentro_community.kentro_reporting_menu"]', run: "click" },
        { trigger: '[data-menu-xmlid="kentro_community.kentro_esf_indicators_menu"]', run: "click" },
        {
            content: "the wizard proposes the operation running today, from its start",
            trigger: ".modal .o_field_widget[name=operation_id] input",
            run() {
                if (!this.anchor.value) {
                    throw new Error("no operation proposed");
                }
                const start = document.querySelector(".modal .o_field_widget[name=date_from] input");
                if (!start || !start.value) {
                    throw new Error("no period proposed");
                }
            },
        },
        greekCheck("ESF+ wizard", { allow: ALLOW }),
        { trigger: ".modal button[name=action_print]", run: "click" },
        noErrorDialog("printing the indicators"),
        { trigger: ".modal .o_field_widget[name=kind] input[data-value=participants]", run: "click" },
        { trigger: ".modal button[name=action_check]", run: "click" },
        {
            content: "the rows the participants system would refuse are listed",
            trigger: ".modal .alert-warning:visible",
        },
        { trigger: ".modal .o_field_widget[name=line_ids] .o_data_row" },
        greekCheck("ESF+ rows to correct", { allow: ALLOW }),
        {
            content: "nothing leaves while such rows remain",
            trigger: ".modal button[name=action_print]:contains(Εξαγωγή)",
            run: "click",
        },
        { trigger: ".modal .alert-warning:visible" },
        { trigger: ".modal .o_field_widget[name=skip_refused] input", run: "click" },
        { trigger: ".modal button[name=action_print]:contains(Εξαγωγή)", run: "click" },
        noErrorDialog("exporting the participants file"),
        { trigger: ".modal .modal-footer button.btn-secondary:contains(Ακύρωση)", run: "click" },
        { trigger: "body:not(:has(.modal))" },
    ],
});
