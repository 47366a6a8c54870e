{
    "name": "Community Centre: Mobile Units",
    "version": "18.0.1.1.0",
    "category": "Services/Community Centre",
    "summary": "Kentro addon for "
    "mobile units: villages covered, visit schedule, on-the-spot registration",
    "author": "Kentro contributors",
    "website": "https://github.com/kentro-odoo/kentro",
    "license": "AGPL-3",
    "depends": ["kentro_community"],
    "data": [
        "security/ir.model.access.csv",
        "security/kentro_mobile_security.xml",
        "data/kentro_area_data.xml",
        "views/kentro_centre_views.xml",
        "views/kentro_area_views.xml",
        "views/kentro_mobile_visit_views.xml",
        "views/kentro_mobile_schedule_views.xml",
        "views/kentro_beneficiary_views.xml",
        "wizard/kentro_mobile_registration_views.xml",
        "wizard/kentro_appointment_finder_views.xml",
        "wizard/kentro_mobile_poster_views.xml",
        "wizard/kentro_activity_report_views.xml",
        "report/kentro_mobile_poster_report.xml",
        "views/kentro_mobile_unit_menus.xml",
    ],
    "demo": ["demo/kentro_mobile_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "kentro_mobile_unit/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
