{
    "name": "Community Centre: Migrant Integration Annex (KEM)",
    "version": "18.0.1.0.0",
    "category": "Services/Community Centre",
    "summary": "Kentro addon for "
    "the migrant integration annex (KEM): legal status, interpreters, integration services",
    "author": "Kentro contributors",
    "website": "https://github.com/kentro-odoo/kentro",
    "license": "AGPL-3",
    "depends": ["kentro_community"],
    "data": [
        "security/ir.model.access.csv",
        "security/kentro_migrant_security.xml",
        "data/kentro_migrant_data.xml",
        "views/kentro_centre_views.xml",
        "views/kentro_beneficiary_views.xml",
        "views/kentro_migrant_document_views.xml",
        "views/kentro_language_views.xml",
        "views/calendar_event_views.xml",
        "views/kentro_activity_report_views.xml",
    ],
    "demo": ["demo/kentro_migrant_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "kentro_migrant_annex/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
