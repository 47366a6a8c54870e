import { registry } from "@web/core/registry";
import { utils as uiUtils } from "@web/core/ui/ui_service";
import { X2ManyField, x2ManyField } from "@web/views/fields/x2many/x2many_field";
import { ListRenderer } from "@web/views/list/list_renderer";

// The file's case notes, in the tab a file opens on. Odoo's list measures its
// columns once drawn, reading the page's layout while the form is still being
// put on screen: about a tenth of the file's opening, measured in Chromium.
// On a computer's screen this list is not measured (as Odoo's resume lines are
// not): its columns are given in kentro_notes_field.scss. On a phone, Odoo
// measures them as in any list.
export class KentroNotesListRenderer extends ListRenderer {
    static get useMagicColumnWidths() {
        return uiUtils.isSmall();
    }
}

export class KentroNotesField extends X2ManyField {
    static components = { ...X2ManyField.components, ListRenderer: KentroNotesListRenderer };
}

registry.category("fields").add("kentro_notes_one2many", {
    ...x2ManyField,
    component: KentroNotesField,
});
