import { registry } from "@web/core/registry";
import { openBeneficiaries } from "./kentro_tour_steps";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("kentro_three_axes_tour", {
    url: "/odoo",
    steps: () => [
        ...openBeneficiaries(),
        // Register the person, with their consent to share data with ΔΥΠΑ.
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: ".o_field_widget[name=last_name] input", run: "edit Ξυλουργάκη" },
        { trigger: ".o_field_widget[name=first_name] input", run: "edit Δέσποινα" },
        { trigger: ".o_notebook .nav-link[name=consents_page]", run: "click" },
        {
            trigger: ".o_field_widget[name=consent_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=consent_ids] .o_data_row .o_field_widget[name=agency_id] input",
            run: "edit ΔΥΠΑ",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('ΔΥΠΑ')",
            run: "click",
        },
        ...stepUtils.saveForm(),
        // Apply for the Guaranteed Minimum Income: the checklist comes from the programme.
        {
            trigger: "button[name=action_open_applications]",
            run: "click",
        },
        { trigger: ".o_list_button_add", run: "click" },
        // By the programme's code: the tour runs in any language.
        { trigger: ".o_field_widget[name=programme_id] input", run: "edit gmi" },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('(')",
            run: "click",
        },
        ...stepUtils.saveForm(),
        { trigger: "button[name=action_collect]", run: "click" },
        { trigger: ".o_field_widget[name=line_ids] .o_data_row:contains('IBAN')" },
        { trigger: "button[name=action_submit]", run: "click" },
        { trigger: ".modal-body:contains('IBAN')" },
        { trigger: ".modal-footer .btn-primary", run: "click" },
        // Refer the person to ΔΥΠΑ, send the referral and close it.
        { trigger: ".o_breadcrumb .breadcrumb-item:nth-child(2) a, .o_breadcrumb .breadcrumb-item a:contains('Ξυλουργάκη')", run: "click" },
        { trigger: "button[name=action_open_referrals]", run: "click" },
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: ".o_field_widget[name=agency_id] input", run: "edit ΔΥΠΑ" },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('ΔΥΠΑ')",
            run: "click",
        },
        { trigger: ".o_field_widget[name=reason] textarea", run: "edit Εγγραφή ως άνεργης και κάρτα ανεργίας." },
        ...stepUtils.saveForm(),
        { trigger: "button[name=action_send]", run: "click" },
        { trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=sent]" },
        { trigger: "button[name=action_complete]", run: "click" },
        { trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=completed]" },
    ],
});
