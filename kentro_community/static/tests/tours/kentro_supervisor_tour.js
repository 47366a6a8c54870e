import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";
import { greekCheck } from "@kentro_community/../tests/tours/kentro_greek_check";

// The Social Service opens the app: it lands on its statistics, with the
// Community Centre's menus; a cell of the pivot opens no list of people.

const ALLOW = ["Kentro", "Supervisor"];

function wait(milliseconds) {
    return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

registry.category("web_tour.tours").add("kentro_supervisor_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("kentro_community.kentro_root_menu"),
        {
            content: "the app opens on the statistics, not on a dialog",
            trigger: ".o_action_manager .o_pivot_view .o_pivot table",
            run() {
                if (document.querySelector(".modal")) {
                    throw new Error("the app opened a dialog");
                }
            },
        },
        { trigger: '.o_main_navbar [data-menu-xmlid="kentro_community.kentro_reporting_menu"]' },
        greekCheck("beneficiary statistics", { allow: ALLOW }),
        {
            content: "no list view to switch to",
            trigger: ".o_pivot_view",
            run() {
                if (document.querySelector(".o_switch_view.o_list, .o_switch_view.o_form")) {
                    throw new Error("the statistics offer a list of rows");
                }
            },
        },
        {
            content: "drill into a figure",
            trigger: ".o_pivot table tbody td.o_pivot_cell_value",
            run: "click",
        },
        {
            content: "no row per person opened",
            trigger: ".o_pivot_view",
            async run() {
                await wait(500);
                if (document.querySelector(".o_list_view, .o_form_view, .o_kanban_view")) {
                    throw new Error("a cell of the statistics opened individual rows");
                }
            },
        },
        // The report wizard proposes a structure and hides small numbers.
        {
            trigger: '[data-menu-xmlid="kentro_community.kentro_reporting_menu"]',
            run: "click",
        },
        {
            trigger: '[data-menu-xmlid="kentro_community.kentro_activity_report_menu"]',
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=centre_id] input",
            run() {
                if (!this.anchor.value) {
                    throw new Error("no structure proposed to the supervisor");
                }
            },
        },
        { trigger: ".modal .o_field_widget[name=suppress_small] input:checked" },
        greekCheck("report wizard of the Social Service", { allow: ALLOW }),
        { trigger: ".modal .modal-footer button.btn-secondary", run: "click" },
        {
            content: "after cancelling, the statistics and the menus are still there",
            trigger:
                'body:not(:has(.modal)) .o_main_navbar [data-menu-xmlid="kentro_community.kentro_reporting_menu"]',
        },
        { trigger: ".o_pivot_view" },
    ],
});
