{
    "name": "Community Centre: Roma Annex",
    "version": "18.0.1.0.0",
    "category": "Services/Community Centre",
    "summary": "Kentro addon for "
    "the Roma annex: settlements, field visits, escorting, school support",
    "author": "Kentro contributors",
    "website": "https://github.com/kentro-odoo/kentro",
    "license": "AGPL-3",
    "depends": ["kentro_community"],
    "data": [
        "security/ir.model.access.csv",
        "security/kentro_roma_security.xml",
        "data/kentro_staff_role_data.xml",
        "data/kentro_service_type_data.xml",
        "views/kentro_centre_views.xml",
        "wizard/kentro_activity_report_views.xml",
        "views/kentro_roma_settlement_views.xml",
        "views/kentro_household_views.xml",
        "views/kentro_beneficiary_views.xml",
        "views/kentro_roma_field_visit_views.xml",
        "views/kentro_roma_escort_views.xml",
        "views/kentro_roma_school_record_views.xml",
        "views/kentro_roma_annex_menus.xml",
    ],
    "demo": ["demo/kentro_roma_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "kentro_roma_annex/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
