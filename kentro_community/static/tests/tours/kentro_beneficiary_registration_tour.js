import { registry } from "@web/core/registry";
import { openBeneficiaries } from "./kentro_tour_steps";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("kentro_beneficiary_registration_tour", {
    url: "/odoo",
    steps: () => [
        ...openBeneficiaries(),
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=last_name] input",
            run: "edit Ξυλουργάκης",
        },
        {
            trigger: ".o_field_widget[name=first_name] input",
            run: "edit Ευάγγελος",
        },
        {
            trigger: ".o_field_widget[name=mobile] input",
            run: "edit 6944123456",
        },
        {
            trigger: ".o_field_widget[name=social_history] .odoo-editor-editable",
            run: "editor Ζητά ενημέρωση για το Επίδομα Στέγασης.",
        },
        ...stepUtils.saveForm(),
        {
            trigger: ".o_breadcrumb .o_back_button",
            run: "click",
        },
        {
            trigger: ".o_view_nocontent",
        },
        {
            trigger: ".o_searchview_input",
            run: "edit ξυλουργακης",
        },
        {
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            trigger: ".o_list_renderer:not(:has(.o_data_row:contains('Παπαδόπουλος')))",
        },
        {
            trigger: ".o_data_row:contains('Ξυλουργάκης Ευάγγελος'), .o_data_row:contains('Ξυλουργάκης'):contains('Ευάγγελος')",
        },
    ],
});
