import { registry } from "@web/core/registry";
import { openBeneficiaries } from "./kentro_tour_steps";
import { stepUtils } from "@web_tour/tour_service/tour_utils";
import { greekCheck } from "@kentro_community/../tests/tours/kentro_greek_check";

// The test users' names are the only Latin words of these screens, with the
// chatter's day separator "Today" (Odoo's mail term, untranslated in Odoo's Greek)
// and FullCalendar's "Week 49", which Odoo draws transparent beside its Greek
// «Εβδομάδα 49» (no user sees it; the Greek check reads all text).
const allow = ["Kentro", "Professional", "Reception", "Today", "Week"];
const TITLE = "Ραντεβού: Ψυχοκοινωνική συμβουλευτική (ενήλικας)";
// «Δευτέρα 14/12/2026 09:00–09:45»: a day, a date, the 24-hour clock.
const SLOT = /^\S+ \d\d\/\d\d\/\d{4} \d\d:\d\d–\d\d:\d\d$/;

function appointmentShown() {
    return [...document.querySelectorAll(".o_calendar_view .fc-event")].some((event) =>
        event.innerText.includes(TITLE)
    );
}

// The first free slot may fall in this week or a coming one (on a Friday
// afternoon it is next Monday's): turn the calendar's pages as reception
// would, until the appointment shows, giving each page a moment to draw its
// appointments. The step calls it with no argument: a tour step's run() is
// given the tour's action helpers, which, taken for a number of weeks, turned
// no page at all.
async function turnWeeksUntilShown(weeks = 4) {
    for (let week = 0; week <= weeks; week++) {
        for (let wait = 0; wait < 10 && !appointmentShown(); wait++) {
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        if (appointmentShown() || week === weeks) {
            return;
        }
        document.querySelector(".o_calendar_button_next").click();
    }
}

// Reception's day: register a new person, book a counselling appointment in
// the slot finder, find it in the structure's appointments calendar, and open
// Kentro's appointment form from an empty slot. test_appointments.py creates
// the structure, its hours, its psychologist and the Greek-speaking user.
registry.category("web_tour.tours").add("kentro_reception_day_tour", {
    url: "/odoo",
    steps: () => [
        ...openBeneficiaries(),
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: ".o_field_widget[name=last_name] input", run: "edit Σταματίου" },
        { trigger: ".o_field_widget[name=first_name] input", run: "edit Αγγελική" },
        { trigger: ".o_field_widget[name=mobile] input", run: "edit 6944000111" },
        ...stepUtils.saveForm(),
        greekCheck("the new file", { allow }),
        { trigger: "button[name=action_book_appointment]", run: "click" },
        { trigger: ".modal .modal-title:contains('Κράτηση ραντεβού')" },
        {
            trigger: ".modal .o_field_widget[name=service_type_id] input",
            run: "edit Ψυχοκοινωνική",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Ψυχοκοινωνική συμβουλευτική (ενήλικας)')",
            run: "click",
        },
        // Only the structure's psychologist provides adult counselling.
        {
            trigger:
                ".modal .o_field_widget[name=user_ids]:not(:has(.o_tag:nth-child(2))) .o_tag",
        },
        { trigger: ".modal button[name=action_search]", run: "click" },
        // After the search each slot reads as a Greek day and time, and the
        // dialog keeps its title.
        {
            trigger: ".modal .o_field_widget[name=slot_ids] .o_data_row td[name=name]",
            run() {
                const text = this.anchor.innerText.trim();
                if (!SLOT.test(text)) {
                    throw new Error(`A slot reads «${text}»`);
                }
            },
        },
        { trigger: ".modal .modal-title:contains('Κράτηση ραντεβού')" },
        greekCheck("the slot finder", { allow }),
        {
            trigger:
                ".modal .o_field_widget[name=slot_ids] .o_data_row:first-child button[name=action_book]",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=kentro_beneficiary_id] input",
            run() {
                if (!this.anchor.value.includes("Σταματίου")) {
                    throw new Error(`The appointment is for «${this.anchor.value}»`);
                }
            },
        },
        {
            trigger: ".o_form_view .o_field_widget[name=name]",
            run() {
                const input = this.anchor.querySelector("input");
                const title = (input ? input.value : this.anchor.innerText).trim();
                if (title !== TITLE) {
                    throw new Error(`The appointment is titled «${title}»`);
                }
            },
        },
        greekCheck("the booked appointment", { allow }),
        {
            trigger: '[data-menu-xmlid="kentro_community.kentro_work_menu"]',
            run: "click",
        },
        {
            trigger: '[data-menu-xmlid="kentro_community.kentro_appointment_menu"]',
            run: "click",
        },
        { trigger: ".o_calendar_view .fc-view", run: () => turnWeeksUntilShown() },
        { trigger: `.o_calendar_view .fc-event:contains('${TITLE}')` },
        greekCheck("the appointments calendar", { allow }),
        // An empty slot (the evening, after the structure's hours) opens
        // Kentro's appointment form at the clicked time, not Odoo's meeting.
        {
            trigger: ".o_calendar_view .fc-timegrid-slot-lane[data-time='19:00:00']",
            run: "click",
        },
        { trigger: ".modal .modal-title:contains('Νέο ραντεβού')" },
        { trigger: ".modal .o_field_widget[name=kentro_beneficiary_id] input" },
        { trigger: ".modal .o_field_widget[name=kentro_service_type_id]" },
        {
            trigger: ".modal .o_field_widget[name=start] input",
            run() {
                if (!this.anchor.value.includes("19:00")) {
                    throw new Error(`The new appointment starts at «${this.anchor.value}»`);
                }
            },
        },
        greekCheck("the new appointment form", { allow }),
        { trigger: ".modal .o_form_button_cancel", run: "click" },
        { trigger: ".o_calendar_view:not(:has(.modal))" },
    ],
});
