import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";
import { greekCheck } from "@kentro_community/../tests/tours/kentro_greek_check";

// The head prints every report the Reporting menu offers them, as PDF and as
// XLSX. The test that starts the tour checks the printed files (kept on the
// structure's chatter) and lists the offered menus, so that a new report menu
// is added here.

const ALLOW = ["Kentro", "Head"];

function wait(milliseconds) {
    return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

function noErrorDialog(where) {
    return {
        content: `no error after printing ${where}`,
        trigger: ".modal button[name=action_print]:enabled",
        async run() {
            await wait(300);
            const error = document.querySelector(".o_error_dialog, .o_dialog .modal-body .o_error_detail");
            if (error) {
                throw new Error(`Printing ${where} failed: ${error.innerText}`);
            }
        },
    };
}

function printReport(menu, outputs) {
    const steps = [
        {
            content: `open the Reporting menu for ${menu}`,
            trigger: '[data-menu-xmlid="kentro_community.kentro_reporting_menu"]',
            run: "click",
        },
        { trigger: `[data-menu-xmlid="kentro_community.${menu}"]`, run: "click" },
        {
            content: "the wizard proposes the head's structure",
            trigger: ".modal .o_field_widget[name=centre_id] input",
            run() {
                if (!this.anchor.value) {
                    throw new Error(`${menu}: no structure proposed`);
                }
            },
        },
        greekCheck(`report wizard ${menu}`, { allow: ALLOW }),
    ];
    for (const output of outputs) {
        if (output) {
            steps.push({
                trigger: `.modal .o_field_widget[name=output] input[data-value=${output}]`,
                run: "click",
            });
        }
        steps.push(
            { trigger: ".modal button[name=action_print]", run: "click" },
            noErrorDialog(`${menu} ${output || ""}`)
        );
    }
    steps.push({ trigger: ".modal .modal-footer button.btn-secondary", run: "click" });
    steps.push({ trigger: "body:not(:has(.modal))" });
    return steps;
}

registry.category("web_tour.tours").add("kentro_head_reports_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("kentro_community.kentro_root_menu"),
        ...printReport("kentro_activity_report_menu", ["pdf", "xlsx"]),
        ...printReport("kentro_annual_report_menu", ["pdf", "xlsx"]),
        // The ESF+ indicators are a spreadsheet only: no choice of output.
        ...printReport("kentro_esf_report_menu", [null]),
    ],
});
