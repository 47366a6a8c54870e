import { registry } from "@web/core/registry";
import { openBeneficiaries } from "./kentro_tour_steps";
import { stepUtils } from "@web_tour/tour_service/tour_utils";
import { greekCheck } from "@kentro_community/../tests/tours/kentro_greek_check";

// The test users' names are the only Latin words of these screens.
const allow = ["Kentro", "Professional"];

// The professional's day: open a file, write a case note in its notes tab,
// refer the person under their consent and print the referral letter.
// test_ui.py creates the file, the consent and the Greek-speaking user.
registry.category("web_tour.tours").add("kentro_professional_day_tour", {
    url: "/odoo",
    steps: () => [
        ...openBeneficiaries(),
        { trigger: ".o_searchview_input", run: "edit Καραγιάννη" },
        { trigger: ".o_searchview_input", run: "press Enter" },
        { trigger: ".o_data_row:contains('Καραγιάννη') .o_data_cell", run: "click" },
        // The file opens on its case notes.
        { trigger: ".o_notebook .nav-link.active[name=case_notes]" },
        // The file's state, in Odoo's status bar (kentro_statusbar_field.js).
        {
            trigger:
                ".o_form_statusbar .o_field_statusbar button.o_arrow_button_current[data-value=active]",
        },
        { trigger: ".o-mail-Chatter .o-mail-Message" },
        greekCheck("the file", { allow }),
        { trigger: ".o_notebook button:contains('Νέο σημείωμα περίπτωσης')", run: "click" },
        { trigger: ".modal .modal-title:contains('Νέο σημείωμα περίπτωσης')" },
        {
            trigger: ".modal .o_field_widget[name=body] .odoo-editor-editable",
            run: "editor Συζητήσαμε το σχέδιο στέγασης.",
        },
        greekCheck("the note dialog", { allow }),
        { trigger: ".modal .o_form_button_save", run: "click" },
        {
            trigger:
                ".o_field_widget[name=case_note_ids] .o_data_row:contains('Συζητήσαμε το σχέδιο στέγασης')",
        },
        // The file's history: its tab lists the lines when it is opened.
        { trigger: ".o_notebook .nav-link[name=timeline]", run: "click" },
        { trigger: ".o_notebook .o_kentro_tab_list .o_list_view .o_data_row" },
        // The consent was recorded by the test's set-up, as Odoo's own user.
        greekCheck("the file's timeline", { allow: [...allow, "OdooBot"] }),
        // Refer the person from the file's referrals tab.
        { trigger: ".o_notebook .nav-link[name=referrals]", run: "click" },
        { trigger: ".o_notebook button:contains('Νέα παραπομπή')", run: "click" },
        { trigger: ".o_field_widget[name=beneficiary_id] input:value(Καραγιάννη)" },
        { trigger: ".o_field_widget[name=agency_id] input", run: "edit ΔΥΠΑ" },
        { trigger: ".o-autocomplete--dropdown-item a:contains('ΔΥΠΑ')", run: "click" },
        {
            trigger: ".o_field_widget[name=reason] textarea",
            run: "edit Εγγραφή στο μητρώο ανέργων.",
        },
        greekCheck("the new referral", { allow }),
        ...stepUtils.saveForm(),
        { trigger: "button[name=action_send]", run: "click" },
        { trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=sent]" },
        // The consent it was sent under is named, not «kentro.consent,N».
        { trigger: ".o_field_widget[name=consent_id]:contains('Συναίνεση: ΔΥΠΑ')" },
        { trigger: ".o_form_view:not(:has(.o_field_widget[name=consent_id]:contains('kentro.consent')))" },
        greekCheck("the sent referral", { allow }),
        { trigger: ".o_form_statusbar button[name=action_print_letter]:contains('Επιστολή παραπομπής')", run: "click" },
        // Printing leaves the referral on screen, without an error.
        { trigger: ".o_form_view .o_field_widget[name=consent_id]" },
        { trigger: "body:not(:has(.o_error_dialog))" },
    ],
});
