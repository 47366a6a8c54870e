import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("kentro_community_structure_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("kentro_community.kentro_root_menu"),
        {
            trigger: '[data-menu-xmlid="kentro_community.kentro_centre_menu"]',
            run: "click",
        },
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit Παράρτημα Περιήγησης",
        },
        {
            trigger: ".o_field_widget[name=centre_type] select",
            run: 'select "annex"',
        },
        {
            trigger: ".o_field_widget[name=parent_id] input",
            run: "edit Δοκιμής",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Κέντρο Κοινότητας Δοκιμής')",
            run: "click",
        },
        ...stepUtils.saveForm(),
    ],
});
