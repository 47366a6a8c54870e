import { Component } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { View } from "@web/views/view";
import { standardWidgetProps } from "@web/views/widgets/standard_widget_props";

// The lines of a file's tab (its services, referrals, timeline…), read when the
// tab is opened: Odoo's own list view of the lines' model, in the tab. Odoo's
// notebook draws only the open tab, but a form reads every field of every tab
// when it opens; a one2many there would be read on every opening of the file.
export class KentroTabList extends Component {
    static template = "kentro_community.TabList";
    static components = { View };
    static props = {
        ...standardWidgetProps,
        resModel: String,
        listView: String,
        inverseField: String,
    };

    setup() {
        this.action = useService("action");
    }

    get viewProps() {
        const { resModel, listView, inverseField, record } = this.props;
        return {
            resModel,
            type: "list",
            views: [[false, "list"]],
            domain: [[inverseField, "=", record.resId]],
            context: { list_view_ref: listView },
            display: { controlPanel: false },
            // Nothing acts on a selection here: no check boxes.
            allowSelectors: false,
            // A line opens as its own screen, under the file in the breadcrumbs.
            selectRecord: (resId) =>
                this.action.doAction({
                    type: "ir.actions.act_window",
                    res_model: resModel,
                    res_id: resId,
                    views: [[false, "form"]],
                }),
        };
    }
}

export const kentroTabList = {
    component: KentroTabList,
    extractProps: ({ attrs }) => ({
        resModel: attrs.res_model,
        listView: attrs.list_view,
        inverseField: attrs.inverse_field || "beneficiary_id",
    }),
};

registry.category("view_widgets").add("kentro_tab_list", kentroTabList);
