"""18.0.1.2.0: a beneficiary's contact keeps the person's structure
(res.partner.kentro_beneficiary_centre_id), which the record rules on contacts
now compare. The column is filled here in one statement, before Odoo would
compute it contact by contact."""


def migrate(cr, version):
    if not version:
        return
    cr.execute("ALTER TABLE res_partner ADD COLUMN IF NOT EXISTS kentro_beneficiary_centre_id int4")
    cr.execute(
        """UPDATE res_partner contact
              SET kentro_beneficiary_centre_id = person.centre_id
             FROM kentro_beneficiary person
            WHERE person.partner_id = contact.id"""
    )
