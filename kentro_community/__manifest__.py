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
their staff and its compliance with the staffing rules, the Beneficiary
Registry with households and social history, Greek identifiers (ΑΜΚΑ, ΑΦΜ) and
accent-insensitive search, and the security groups and record rules every other
Kentro addon builds on.
""",
    "author": "Kentro contributors",
    "website": "https://github.com/kentro-odoo/kentro",
    "license": "AGPL-3",
    "depends": [
        "base",
        "mail",
        "contacts",
        "calendar",
        "resource",
        "auth_password_policy",
        "auth_totp",
        "base_import",
        # Installed with mail anyway (auto_install); a dependency so that it
        # loads first and the field it gives Kentro's models is Kentro's (with
        # its Greek in this addon's el.po), not sms's.
        "sms",
    ],
    "data": [
        "security/kentro_community_security.xml",
        "security/ir.model.access.csv",
        "wizard/kentro_activity_report_views.xml",
        "wizard/kentro_social_report_wizard_views.xml",
        "wizard/kentro_certificate_wizard_views.xml",
        "views/kentro_centre_views.xml",
        "views/res_users_views.xml",
        "views/kentro_staff_role_views.xml",
        "views/kentro_vulnerability_views.xml",
        "views/kentro_need_views.xml",
        "views/kentro_case_note_views.xml",
        "views/kentro_referral_views.xml",
        "views/kentro_protocol_entry_views.xml",
        "views/kentro_beneficiary_views.xml",
        "views/kentro_household_views.xml",
        "report/kentro_beneficiary_report_views.xml",
        "views/kentro_service_type_views.xml",
        "views/kentro_service_views.xml",
        "views/kentro_programme_views.xml",
        "views/kentro_document_type_views.xml",
        "views/kentro_application_views.xml",
        "views/kentro_consent_views.xml",
        "views/kentro_agency_category_views.xml",
        "views/res_partner_views.xml",
        "views/kentro_group_activity_views.xml",
        "views/kentro_skill_views.xml",
        "views/kentro_job_offer_views.xml",
        "views/kentro_job_seeker_views.xml",
        "views/kentro_job_placement_views.xml",
        "views/kentro_goods_item_views.xml",
        "views/kentro_goods_distribution_views.xml",
        "views/calendar_event_views.xml",
        "wizard/kentro_appointment_finder_views.xml",
        "views/kentro_audit_log_views.xml",
        "views/res_company_views.xml",
        "report/kentro_referral_report.xml",
        "report/kentro_appointment_card.xml",
        "report/kentro_activity_report.xml",
        "report/kentro_consent_form.xml",
        "report/kentro_subject_access.xml",
        "report/kentro_social_report.xml",
        "report/kentro_certificate.xml",
        "views/kentro_community_menus.xml",
        "data/kentro_staff_role_data.xml",
        "data/kentro_vulnerability_data.xml",
        "data/kentro_agency_category_data.xml",
        "data/res_partner_data.xml",
        "data/kentro_service_type_data.xml",
        "data/kentro_document_type_data.xml",
        "data/kentro_programme_data.xml",
        "data/kentro_need_data.xml",
        "data/kentro_skill_data.xml",
        "data/kentro_goods_item_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "data/res_company_data.xml",
        "data/res_lang_data.xml",
    ],
    "demo": [
        "demo/kentro_structure_demo.xml",
        "demo/res_users_demo.xml",
        "demo/kentro_beneficiary_demo.xml",
        "demo/kentro_casework_demo.xml",
    ],
    "assets": {
        "web.report_assets_common": [
            "kentro_community/static/src/scss/kentro_report.scss",
        ],
        "web.assets_backend": [
            "kentro_community/static/src/import/*",
            "kentro_community/static/src/views/*",
        ],
        "web.assets_tests": [
            "kentro_community/static/tests/tours/**/*",
        ],
    },
    "application": True,
    "installable": True,
}
