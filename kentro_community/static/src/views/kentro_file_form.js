import { Component, onMounted, onWillUnmount, useState, xml } from "@odoo/owl";
import { Chatter } from "@mail/chatter/web_portal/chatter";
import { browser } from "@web/core/browser/browser";
import { registry } from "@web/core/registry";
import { formView } from "@web/views/form/form_view";
import { FormRenderer } from "@web/views/form/form_renderer";

// Odoo's chatter, set up once the file's fields are on screen. On any form
// Odoo's chatter draws nothing in the frame that shows the form: it finds its
// thread in the mail store and asks for its messages once mounted, and draws
// them in a later frame. That setting up, done while the form is being put on
// screen, was about a third of the script a file's opening runs (measured in
// Chromium); here it runs after the frame that shows the file has been
// painted. On a computer's screen a file's chatter is below its tabs, out of
// the window. The chatter, its messages, activities, followers and
// attachments, are Odoo's, with the props Odoo gives them.
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
        this.mailComponents = { ...this.mailComponents, Chatter: KentroLaterChatter };
    }
}

registry.category("views").add("kentro_file_form", {
    ...formView,
    Renderer: KentroFileFormRenderer,
});
