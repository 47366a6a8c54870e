import { registry } from "@web/core/registry";

// Reception books an appointment from the file of a person who needs an Arabic
// interpreter: the slot finder takes the language from the file and offers only
// slots where an Arabic interpreter is free too. Selectors avoid any wording.
registry.category("web_tour.tours").add("kentro_interpreter_booking_tour", {
    steps: () => [
        { trigger: "button[name=action_book_appointment]", run: "click" },
        // The test names the health service "… 4711" in every language.
        { trigger: ".modal .o_field_widget[name=service_type_id] input", run: "edit 4711" },
        { trigger: ".o-autocomplete--dropdown-item a:contains('4711')", run: "click" },
        // The interpreting language comes from the file (the test checks which).
        { trigger: ".modal .o_field_widget[name=interpreter_language_id] input" },
        { trigger: ".modal button[name=action_search]", run: "click" },
        {
            trigger: ".modal .o_field_widget[name=slot_ids] .o_data_row:first-child button[name=action_book]",
            run: "click",
        },
        { trigger: ".o_form_view .o_field_widget[name=kentro_interpreter_id] .o_input" },
    ],
});
