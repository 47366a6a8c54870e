{
    "name": "Community Centre",
    "version": "18.0.1.0.0",
    "category": "Services/Community Centre",
    "summary": "Greek municipal Community Centres: structures, registries, "
    "referrals, appointments and reports",
    "description": """
Community Centre (Kentro Koinotitas)
====================================

Core addon of Kentro for the Greek municipal Community Centres set up by law
4368/2016: the structures of a municipality (centre, annexes, mobile units),
the roles of their staff, and the security groups every other Kentro addon
builds on.
""",
    "author": "Kentro contributors",
    "website": "https://github.com/kentro-odoo/kentro",
    "license": "AGPL-3",
    "depends": ["base", "mail", "contacts", "calendar", "resource"],
    "data": [
        "security/kentro_community_security.xml",
        "security/ir.model.access.csv",
        "views/kentro_centre_views.xml",
        "views/kentro_community_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/kentro_centre_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "kentro_community/static/tests/tours/**/*",
        ],
    },
    "application": True,
    "installable": True,
}
