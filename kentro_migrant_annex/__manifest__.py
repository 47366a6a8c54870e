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
        "views/kentro_centre_views.xml",
    ],
    "installable": True,
}
