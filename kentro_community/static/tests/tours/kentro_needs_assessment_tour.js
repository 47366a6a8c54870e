import { registry } from "@web/core/registry";

const currentNeeds = ".o_field_widget[name=current_need_assessment_ids]";

// The professional assesses a need from the file's Needs tab, then reassesses
// it: the tab keeps showing one current assessment, the earlier one stays in
// its history. test_needs.py opens the file.
registry.category("web_tour.tours").add("kentro_needs_assessment_tour", {
    steps: () => [
        { trigger: ".o_notebook .nav-link[name=needs_page]", run: "click" },
        { trigger: ".o_notebook button:contains('Assess a need')", run: "click" },
        { trigger: ".modal .o_field_widget[name=need_id] input", run: "edit Housing" },
        { trigger: ".o-autocomplete--dropdown-item a:contains('Housing and homelessness')", run: "click" },
        { trigger: ".modal .o_field_widget[name=severity] input[data-value=high]", run: "click" },
        {
            trigger: ".modal .o_field_widget[name=notes] textarea",
            run: "edit Risk of eviction within the month.",
        },
        { trigger: ".modal .o_form_button_save", run: "click" },
        { trigger: `${currentNeeds} .o_data_row:contains('Housing and homelessness'):contains('High')` },
        { trigger: `${currentNeeds} .o_data_row button[name=action_reassess]`, run: "click" },
        { trigger: ".modal .o_field_widget[name=need_id] input:value(Housing and homelessness)" },
        { trigger: ".modal .o_field_widget[name=severity] input[data-value=low]", run: "click" },
        { trigger: ".modal .o_form_button_save", run: "click" },
        { trigger: `${currentNeeds} .o_data_row:contains('Low')` },
        { trigger: `${currentNeeds}:not(:has(.o_data_row:contains('High')))` },
        { trigger: `${currentNeeds} .o_data_row button[name=action_history]`, run: "click" },
        { trigger: ".o_list_view .o_data_row:contains('High')" },
        { trigger: ".o_list_view .o_data_row:contains('Low')" },
    ],
});
