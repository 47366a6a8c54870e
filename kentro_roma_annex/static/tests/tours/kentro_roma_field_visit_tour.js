import { registry } from "@web/core/registry";

// A Roma mediator records a field visit to a settlement where two people were
// met, then records it as done. Selectors avoid any wording.
registry.category("web_tour.tours").add("kentro_roma_field_visit_tour", {
    steps: () => [
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: ".o_field_widget[name=settlement_id] input", run: "edit Αγίας" },
        { trigger: ".o-autocomplete--dropdown-item a:contains('Αγίας')", run: "click" },
        { trigger: ".o_field_widget[name=purpose] textarea", run: "edit Ενημέρωση για εμβολιασμούς" },
        { trigger: ".o_field_widget[name=attendee_ids] input", run: "edit Μαρία" },
        { trigger: ".o-autocomplete--dropdown-item a:contains('Μαρία')", run: "click" },
        { trigger: ".o_field_widget[name=attendee_ids] .o_tag:contains('Μαρία')" },
        { trigger: ".o_field_widget[name=attendee_ids] input", run: "edit Γιάννης" },
        { trigger: ".o-autocomplete--dropdown-item a:contains('Γιάννης')", run: "click" },
        { trigger: ".o_field_widget[name=attendee_ids] .o_tag:contains('Γιάννης')" },
        { trigger: ".o_form_button_save", run: "click" },
        { trigger: ".o_form_saved button[name=action_done]", run: "click" },
        { trigger: ".o_form_view:not(:has(button[name=action_done])) .o_field_widget[name=settlement_id]" },
    ],
});
