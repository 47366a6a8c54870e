import { registry } from "@web/core/registry";

// Reception books a counselling appointment from the beneficiary's file in the
// first free slot, then marks it attended. Selectors avoid any wording: the
// tour runs whatever the user's language.
registry.category("web_tour.tours").add("kentro_appointment_tour", {
    steps: () => [
        { trigger: "button[name=action_book_appointment]", run: "click" },
        { trigger: ".modal .o_field_widget[name=service_type_id] input", run: "edit counselling_adult" },
        {
            // The narrowed list starts with adult counselling; the full one with
            // "information", which has no parenthesis in any language.
            trigger: ".o-autocomplete--dropdown-item:first-child a:contains('(')",
            run: "click",
        },
        // Only the structure's psychologist provides adult counselling.
        { trigger: ".modal .o_field_widget[name=user_ids]:not(:has(.o_tag:nth-child(2))) .o_tag" },
        { trigger: ".modal button[name=action_search]", run: "click" },
        {
            trigger: ".modal .o_field_widget[name=slot_ids] .o_data_row:first-child button[name=action_book]",
            run: "click",
        },
        { trigger: "button[name=action_kentro_attended]", run: "click" },
        { trigger: ".o_form_view:not(:has(button[name=action_kentro_attended])) button[name=action_kentro_print_card]" },
    ],
});
