import { registry } from "@web/core/registry";

const currentNeeds = ".o_field_widget[name=current_need_assessment_ids]";

// The professional assesses a need from the file's Needs tab, then reassesses
// it: the tab keeps showing one current assessment, the earlier one stays in
// its history. test_needs.py opens the file, for a user reading Greek.
registry.category("web_tour.tours").add("kentro_needs_assessment_tour", {
    steps: () => [
        { trigger: ".o_notebook .nav-link[name=needs_page]", run: "click" },
        { trigger: ".o_notebook button:contains('Αξιολόγηση ανάγκης')", run: "click" },
        { trigger: ".modal .o_field_widget[name=need_id] input", run: "edit Στέγαση" },
        { trigger: ".o-autocomplete--dropdown-item a:contains('Στέγαση και αστεγία')", run: "click" },
        { trigger: ".modal .o_field_widget[name=severity] input[data-value=high]", run: "click" },
        {
            trigger: ".modal .o_field_widget[name=notes] textarea",
            run: "edit Κίνδυνος έξωσης μέσα στον μήνα.",
        },
        { trigger: ".modal .o_form_button_save", run: "click" },
        { trigger: `${currentNeeds} .o_data_row:contains('Στέγαση και αστεγία'):contains('Υψηλή')` },
        { trigger: `${currentNeeds} .o_data_row button[name=action_reassess]`, run: "click" },
        { trigger: ".modal .o_field_widget[name=need_id] input:value(Στέγαση και αστεγία)" },
        { trigger: ".modal .o_field_widget[name=severity] input[data-value=low]", run: "click" },
        { trigger: ".modal .o_form_button_save", run: "click" },
        { trigger: `${currentNeeds} .o_data_row:contains('Χαμηλή')` },
        { trigger: `${currentNeeds}:not(:has(.o_data_row:contains('Υψηλή')))` },
        { trigger: `${currentNeeds} .o_data_row button[name=action_history]`, run: "click" },
        { trigger: ".o_list_view .o_data_row:contains('Υψηλή')" },
        { trigger: ".o_list_view .o_data_row:contains('Χαμηλή')" },
    ],
});
