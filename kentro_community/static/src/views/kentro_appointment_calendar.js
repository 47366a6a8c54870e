import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { calendarView } from "@web/views/calendar/calendar_view";
import { CalendarController } from "@web/views/calendar/calendar_controller";

// The structure's appointments calendar: what an empty slot opens is a new
// appointment (Kentro's form), and its dialog says so.
export class KentroAppointmentCalendarController extends CalendarController {
    get editRecordDefaultDisplayText() {
        return _t("New appointment");
    }

    getQuickCreateFormViewProps(record) {
        return { ...super.getQuickCreateFormViewProps(record), title: _t("New appointment") };
    }
}

registry.category("views").add("kentro_appointment_calendar", {
    ...calendarView,
    Controller: KentroAppointmentCalendarController,
});
