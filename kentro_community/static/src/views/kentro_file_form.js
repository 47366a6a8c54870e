import { Component, onMounted, onWillUnmount, useState, xml } from "@odoo/owl";
import { Chatter } from "@mail/chatter/web_portal/chatter";
import { browser } from "@web/core/browser/browser";
import { registry } from "@web/core/registry";
import { formView } from "@web/views/form/form_view";
import { FormRenderer } from "@web/views/form/form_renderer";

// Odoo's chatter, drawn once the file's fields are on screen. Setting the
// chatter up (its thread in the mail store, then its first fetch) is about a
// third of the script a file's opening runs, measured in Chromium; on a
// computer's screen the chatter of a file is below its tabs, out of the
// window, and it shows nothing of its own until its messages have arrived
// anyway. The chatter itself, its messages, activities, followers and
// attachments, are Odoo's, unchanged.
export class KentroLaterChatter extends Component {
    static template = xml`<Chatter t-if="state.drawn" t-props="props"/>`;
    static components = { Chatter };
    static props = ["*"];

    setup() {
        this.state = useState({ drawn: false });
        let frame = null;
        let timeout = null;
        onMounted(() => {
            // After the frame that shows the form has been painted.
            frame = browser.requestAnimationFrame(() => {
                timeout = browser.setTimeout(() => (this.state.drawn = true));
            });
        });
        onWillUnmount(() => {
            browser.cancelAnimationFrame(frame);
            browser.clearTimeout(timeout);
        });
    }
}

export class KentroFileFormRenderer extends FormRenderer {
    setup() {
        super.setup();
        if (this.mailComponents) {
            this.mailComponents = { ...this.mailComponents, Chatter: KentroLaterChatter };
        }
    }
}

registry.category("views").add("kentro_file_form", {
    ...formView,
    Renderer: KentroFileFormRenderer,
});
