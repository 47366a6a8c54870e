import { registry } from "@web/core/registry";
import { openBeneficiaries } from "./kentro_tour_steps";

// The file's chatter is Odoo's, drawn once the file's fields are on screen
// (kentro_file_form.js): it shows the file's own messages, follows the pager
// to the next file, and a note logged there is the next file's.
// test_ui.py creates the two files and their first notes.
registry.category("web_tour.tours").add("kentro_file_chatter_tour", {
    url: "/odoo",
    steps: () => [
        ...openBeneficiaries(),
        { trigger: ".o_searchview_input", run: "edit Χατζηπέτρου" },
        { trigger: ".o_searchview_input", run: "press Enter" },
        { trigger: ".o_data_row:contains('Άλκηστη') .o_data_cell", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name=first_name] input:value(Άλκηστη)" },
        { trigger: ".o-mail-Chatter .o-mail-Message:contains('Πρώτη επίσκεψη της Άλκηστης')" },
        { trigger: ".o_pager_next", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name=first_name] input:value(Βασιλική)" },
        { trigger: ".o-mail-Chatter .o-mail-Message:contains('Πρώτη επίσκεψη της Βασιλικής')" },
        {
            trigger: ".o-mail-Chatter:not(:has(.o-mail-Message:contains('Πρώτη επίσκεψη της Άλκηστης')))",
        },
        { trigger: ".o-mail-Chatter-topbar button:contains('Σημείωμα')", run: "click" },
        { trigger: ".o-mail-Composer-input", run: "edit Τηλεφώνησε για το επίδομα." },
        { trigger: ".o-mail-Composer-send:enabled", run: "click" },
        { trigger: ".o-mail-Chatter .o-mail-Message:contains('Τηλεφώνησε για το επίδομα.')" },
    ],
});
