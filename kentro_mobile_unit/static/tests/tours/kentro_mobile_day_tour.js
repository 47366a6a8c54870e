import { registry } from "@web/core/registry";
import { greekCheck } from "@kentro_community/../tests/tours/kentro_greek_check";

// A mobile unit's day on a phone (390×844): the unit's professional opens the
// visits, finds today's first, checks in, registers two people one after the
// other (a notice names each), then a third with a follow-up booked at the
// reference centre for the service given.
const CARD = ".o_kanban_view .o_kanban_record:not(.o_kanban_ghost)";
const COUNSELLING = ".modal .o_field_widget[name=service_type_ids] .form-check:contains(ενήλικας) input";

// Fills the registration form in; `previous` is the last name just registered:
// the form to fill is the fresh one, not the previous one being closed.
function registerPerson(lastName, firstName, gender, previous = null) {
    const lastNameInput = ".modal .o_field_widget[name=last_name] input";
    return [
        {
            trigger: previous ? `${lastNameInput}:not(:value(${previous}))` : lastNameInput,
            run: `edit ${lastName}`,
        },
        { trigger: ".modal .o_field_widget[name=first_name] input", run: `edit ${firstName}` },
        { trigger: `.modal .o_field_widget[name=gender] input[data-value=${gender}]`, run: "click" },
        { trigger: `.modal .o_field_widget[name=gender] input[data-value=${gender}]:checked` },
    ];
}

registry.category("web_tour.tours").add("kentro_mobile_day_tour", {
    steps: () => [
        // Upcoming visits, earliest first: today's leads, by its village's name.
        { trigger: `${CARD}:first:contains(Γλαύκη)` },
        greekCheck("the unit's visits"),
        { trigger: `${CARD}:first`, run: "click" },
        // The check-in is a button in sight, not in the gear menu.
        { trigger: ".o_form_view .o_kentro_mobile_check_in:visible" },
        greekCheck("today's visit"),
        { trigger: ".o_form_view .o_kentro_mobile_check_in", run: "click" },

        ...registerPerson("Χωριανός", "Μεχμέτ", "male"),
        greekCheck("the on-the-spot registration"),
        { trigger: ".modal button[name=action_register_next]:enabled", run: "click" },
        { trigger: ".o_notification:contains(Καταχωρίστηκε: Χωριανός Μεχμέτ)" },

        ...registerPerson("Χωριανή", "Αϊσέ", "female", "Χωριανός"),
        { trigger: ".modal button[name=action_register_next]:enabled", run: "click" },
        { trigger: ".o_notification:contains(Καταχωρίστηκε: Χωριανή Αϊσέ)" },

        ...registerPerson("Γείτονας", "Χασάν", "male", "Χωριανή"),
        { trigger: COUNSELLING, run: "click" },
        { trigger: `${COUNSELLING}:checked` },
        { trigger: ".modal button[name=action_register_and_book]:enabled", run: "click" },
        // The follow-up: at the reference centre, for the service given.
        { trigger: ".modal .o_field_widget[name=service_type_id] input:value(ενήλικας)" },
        { trigger: ".modal .o_field_widget[name=centre_id] input:value(Κέντρο Κοινότητας Δοκιμής)" },
        greekCheck("the follow-up's booking"),
        { trigger: ".modal button[name=action_search]:enabled", run: "click" },
        { trigger: ".modal .o_field_widget[name=slot_ids] .o_kanban_record button[name=action_book]" },
        greekCheck("the free slots"),
        {
            trigger: ".modal .o_field_widget[name=slot_ids] .o_kanban_record:first button[name=action_book]",
            run: "click",
        },
        { trigger: "body:not(:has(.modal)) .o_form_view button[name=action_kentro_print_card]" },
        // The appointment's own form (the booking's) is checked by its own tour.
    ],
});
