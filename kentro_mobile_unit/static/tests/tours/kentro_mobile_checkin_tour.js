import { registry } from "@web/core/registry";

// The crew arrives in the village: check in to the visit, then register a
// person met there with the preselected service. Selectors avoid any wording.
registry.category("web_tour.tours").add("kentro_mobile_checkin_tour", {
    steps: () => [
        { trigger: "button[name=action_check_in]", run: "click" },
        { trigger: ".modal .o_field_widget[name=last_name] input", run: "edit Χωριανός" },
        { trigger: ".modal .o_field_widget[name=first_name] input", run: "edit Μεχμέτ" },
        { trigger: ".modal button[name=action_register_next]", run: "click" },
        // A clean form for the next person.
        { trigger: ".modal .o_field_widget[name=last_name] input:not(:value(Χωριανός))" },
        { trigger: ".modal .btn-close, .modal button[special=cancel]", run: "click" },
        { trigger: "body:not(:has(.modal))" },
    ],
});
