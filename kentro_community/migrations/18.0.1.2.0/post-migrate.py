"""18.0.1.2.0: the rules hiding beneficiaries' contacts compare the contact's
own column (kentro_beneficiary_centre_id) instead of going through the
one2many. They are data Odoo does not update (noupdate), so their domains are
written here as kentro_community_security.xml now has them."""

from odoo import SUPERUSER_ID, api

DOMAINS = {
    "res_partner_rule_kentro_hidden": "[('kentro_beneficiary_centre_id', '=', False)]",
    "res_partner_rule_kentro_structure": "['|', ('kentro_beneficiary_centre_id', '=', False), "
    "('kentro_beneficiary_centre_id', 'in', user.kentro_centre_ids.ids)]",
    "res_partner_rule_kentro_head": "['|', ('kentro_beneficiary_centre_id', '=', False), "
    "('kentro_beneficiary_centre_id', 'child_of', user.kentro_centre_ids.ids)]",
}


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for name, domain in DOMAINS.items():
        rule = env.ref(f"kentro_community.{name}", raise_if_not_found=False)
        if rule:
            rule.domain_force = domain
