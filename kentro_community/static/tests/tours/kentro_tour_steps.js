import { stepUtils } from "@web_tour/tour_service/tour_utils";

// Steps shared by the tours: open the Community Centre app and its list of
// beneficiaries through the menus, as a user does.
export function openBeneficiaries() {
    return [
        ...stepUtils.goToAppSteps("kentro_community.kentro_root_menu"),
        {
            trigger: '[data-menu-xmlid="kentro_community.kentro_registry_menu"]',
            run: "click",
        },
        {
            trigger: '[data-menu-xmlid="kentro_community.kentro_beneficiary_menu"]',
            run: "click",
        },
    ];
}
