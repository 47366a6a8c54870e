import { registry } from "@web/core/registry";
import { openBeneficiaries } from "./kentro_tour_steps";
import { stepUtils } from "@web_tour/tour_service/tour_utils";
import { greekCheck } from "@kentro_community/../tests/tours/kentro_greek_check";

// The test users' names are the only Latin words of these screens.
const allow = ["Kentro", "Professional"];
const goals = ".o_field_widget[name=goal_ids]";
const actions = ".o_field_widget[name=action_ids]";
const reviews = ".o_field_widget[name=review_ids]";

// The casework method, end to end: the professional records how the person
// came and why, assesses a need, agrees a support plan with a goal on that
// need and a referral to ΔΥΠΑ, creates the referral from the plan's action,
// records the first review and closes the plan with the goal's outcome.
// test_casework_tour.py creates the file, its consent and the Greek-speaking user.
registry.category("web_tour.tours").add("kentro_casework_method_tour", {
    url: "/odoo",
    steps: () => [
        ...openBeneficiaries(),
        { trigger: ".o_searchview_input", run: "edit Μαυρίδου" },
        { trigger: ".o_searchview_input", run: "press Enter" },
        { trigger: ".o_data_row:contains('Μαυρίδου') .o_data_cell", run: "click" },
        greekCheck("the file", { allow }),
        // Intake: referred by ΟΠΕΚΑ, came for work.
        { trigger: ".o_notebook .nav-link[name=social_history_page]", run: "click" },
        { trigger: ".o_field_widget[name=intake_channel] select", run: 'select "agency"' },
        { trigger: ".o_field_widget[name=referring_agency_id] input", run: "edit ΟΠΕΚΑ" },
        { trigger: ".o-autocomplete--dropdown-item a:contains('ΟΠΕΚΑ')", run: "click" },
        { trigger: ".o_field_widget[name=intake_need_ids] input", run: "edit Απασχ" },
        { trigger: ".o-autocomplete--dropdown-item a:contains('Απασχόληση')", run: "click" },
        { trigger: ".o_field_widget[name=intake_need_ids] .o_tag:contains('Απασχόληση')" },
        greekCheck("the intake", { allow }),
        ...stepUtils.saveForm(),
        // Needs assessment: employment, high.
        { trigger: ".o_notebook .nav-link[name=needs_page]", run: "click" },
        { trigger: ".o_notebook button:contains('Αξιολόγηση ανάγκης')", run: "click" },
        { trigger: ".modal .o_field_widget[name=need_id] input", run: "edit Απασχ" },
        { trigger: ".o-autocomplete--dropdown-item a:contains('Απασχόληση')", run: "click" },
        { trigger: ".modal .o_field_widget[name=severity] input[data-value=high]", run: "click" },
        {
            trigger: ".modal .o_field_widget[name=notes] textarea",
            run: "edit Άνεργη δύο χρόνια, χωρίς κάρτα ανεργίας.",
        },
        greekCheck("the needs assessment", { allow }),
        { trigger: ".modal .o_form_button_save", run: "click" },
        {
            trigger:
                ".o_field_widget[name=current_need_assessment_ids] .o_data_row:contains('Απασχόληση')",
        },
        greekCheck("the file's needs", { allow }),
        // The support plan: a goal on that need.
        { trigger: ".o_notebook .nav-link[name=support_plan]", run: "click" },
        greekCheck("the file's support plan tab", { allow }),
        { trigger: "button[name=action_open_support_plan]", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name=beneficiary_id] input:value(Μαυρίδου)" },
        greekCheck("the new support plan", { allow }),
        { trigger: `${goals} .o_field_x2many_list_row_add a`, run: "click" },
        { trigger: `${goals} .o_data_row .o_field_widget[name=name] input`, run: "edit Εργασία" },
        { trigger: `${goals} .o_data_row .o_field_widget[name=need_id] input`, run: "edit Απασχ" },
        { trigger: ".o-autocomplete--dropdown-item a:contains('Απασχόληση')", run: "click" },
        greekCheck("the plan's goals", { allow }),
        // Saved (a new goal's row asks for it), then an action of the kind
        // «referral to an agency», to ΔΥΠΑ, from the goal's row: it names the goal.
        ...stepUtils.saveForm(),
        { trigger: `${goals} .o_data_row button[name=action_new_action]`, run: "click" },
        { trigger: ".modal .o_field_widget[name=goal_id] input:value(Εργασία)" },
        {
            trigger: ".modal .o_field_widget[name=name] input",
            run: "edit Εγγραφή στο μητρώο ανέργων",
        },
        { trigger: ".modal .o_field_widget[name=kind] select", run: 'select "agency"' },
        { trigger: ".modal .o_field_widget[name=agency_id] input", run: "edit ΔΥΠΑ" },
        { trigger: ".o-autocomplete--dropdown-item a:contains('ΔΥΠΑ')", run: "click" },
        greekCheck("the new action", { allow }),
        { trigger: ".modal .o_form_button_save", run: "click" },
        { trigger: "body:not(:has(.modal))" },
        { trigger: ".o_notebook .nav-link[name=actions]", run: "click" },
        { trigger: `${actions} .o_data_row:contains('Εγγραφή στο μητρώο ανέργων')` },
        // Agreed with the person: the plan is activated, its first review planned.
        { trigger: ".o_form_statusbar button[name=action_activate]", run: "click" },
        { trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=active]" },
        greekCheck("the active plan", { allow }),
        // The referral is created from the action, then back to the plan.
        { trigger: ".o_notebook .nav-link[name=actions]", run: "click" },
        {
            trigger: `${actions} .o_data_row:contains('Εγγραφή στο μητρώο ανέργων') .o_data_cell`,
            run: "click",
        },
        { trigger: ".modal .o_field_widget[name=agency_id] input:value(ΔΥΠΑ)" },
        greekCheck("the plan's action", { allow }),
        { trigger: ".modal button[name=action_create_referral]", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name=agency_id] input:value(ΔΥΠΑ)" },
        { trigger: ".o_form_view .o_field_widget[name=beneficiary_id] input:value(Μαυρίδου)" },
        { trigger: "body:not(:has(.modal))" },
        greekCheck("the referral created from the action", { allow }),
        { trigger: ".o_breadcrumb .o_back_button", run: "click" },
        { trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=active]" },
        // The first review: good progress on the goal.
        { trigger: ".o_notebook .nav-link[name=reviews]", run: "click" },
        { trigger: `${reviews} .o_data_row .o_data_cell`, run: "click" },
        { trigger: ".modal .o_field_widget[name=line_ids] .o_data_row:contains('Εργασία')" },
        greekCheck("the planned review", { allow }),
        {
            trigger: ".modal .o_field_widget[name=line_ids] .o_data_row .o_data_cell[name=progress]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=line_ids] .o_field_widget[name=progress] select",
            run: 'select "good"',
        },
        {
            trigger: ".modal .o_field_widget[name=summary] textarea",
            run: "edit Γράφτηκε στη ΔΥΠΑ, ψάχνει εργασία.",
        },
        { trigger: ".modal button[name=action_done]", run: "click" },
        { trigger: ".modal .o_statusbar_status button.o_arrow_button_current[data-value=done]" },
        greekCheck("the recorded review", { allow }),
        { trigger: ".modal .o_form_button_save", run: "click" },
        { trigger: "body:not(:has(.modal))" },
        { trigger: `${reviews} .o_data_row .badge.text-bg-success` },
        // Closure: the goal achieved, and why.
        { trigger: ".o_form_statusbar button[name=action_open_close_wizard]", run: "click" },
        { trigger: ".modal .o_field_widget[name=line_ids] .o_data_row:contains('Εργασία')" },
        {
            trigger: ".modal .o_field_widget[name=line_ids] .o_data_row .o_data_cell[name=outcome]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=line_ids] .o_field_widget[name=outcome] select",
            run: 'select "achieved"',
        },
        {
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit Βρήκε εργασία μέσω της ΔΥΠΑ.",
        },
        greekCheck("the closing of the plan", { allow }),
        { trigger: ".modal button[name=action_confirm]", run: "click" },
        { trigger: "body:not(:has(.modal))" },
        { trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=closed]" },
        greekCheck("the closed plan", { allow }),
        // The goal shows its outcome, the closing tab the reason.
        { trigger: ".o_notebook .nav-link[name=goals]", run: "click" },
        { trigger: `${goals} .o_data_row:contains('Εργασία'):contains('Επιτεύχθηκε')` },
        { trigger: ".o_notebook .nav-link[name=closing]", run: "click" },
        { trigger: ".o_field_widget[name=close_reason]:contains('Βρήκε εργασία μέσω της ΔΥΠΑ.')" },
        greekCheck("the closing of the closed plan", { allow }),
    ],
});
