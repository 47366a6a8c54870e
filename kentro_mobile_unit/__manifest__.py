{
    "name": "Community Centre: Mobile Units",
    "version": "18.0.1.0.0",
    "category": "Services/Community Centre",
    "summary": "Kentro addon for "
    "mobile units: villages covered, visit schedule, on-the-spot registration",
    "author": "Kentro contributors",
    "website": "https://github.com/kentro-odoo/kentro",
    "license": "AGPL-3",
    "depends": ["kentro_community"],
    "data": [
        "security/ir.model.access.csv",
        "views/kentro_centre_views.xml",
    ],
    "installable": True,
}
