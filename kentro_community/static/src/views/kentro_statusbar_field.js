import { browser } from "@web/core/browser/browser";
import { registry } from "@web/core/registry";
import { StatusBarField, statusBarField } from "@web/views/fields/statusbar/statusbar_field";

// A file's state, in its header. Odoo's status bar measures itself as soon as
// it is drawn, to fold its items when they do not fit on one line; that makes
// the browser lay the whole form out before it is on screen, and again once
// it is. On a computer's screen the file's states are first drawn unfolded and
// measured once the form is on screen (two frames later), as Odoo measures
// them again on every resize; on a phone, at once.
export class KentroStatusBarField extends StatusBarField {
    setup() {
        super.setup();
        this.kentroMeasured = this.env.isSmall;
    }

    areItemsWrapping() {
        if (this.kentroMeasured) {
            return super.areItemsWrapping();
        }
        this.kentroMeasured = true;
        browser.requestAnimationFrame(() =>
            browser.requestAnimationFrame(() => {
                if (this.rootRef.el) {
                    this.render();
                }
            })
        );
        return false;
    }
}

registry.category("fields").add("kentro_statusbar", {
    ...statusBarField,
    component: KentroStatusBarField,
});
