from odoo import models


class MailThread(models.AbstractModel):
    """A beneficiary's contact follows nothing of the Community Centre: not
    the appointments it attends, nor a file from whose chatter it was written
    to. Followers are told of every message; staff are told through
    activities assigned to them."""

    _inherit = "mail.thread"

    def _message_subscribe(self, partner_ids=None, subtype_ids=None, customer_ids=None):
        # Overrides an internal method of mail, which every way of following
        # goes through (guarded by test_side_doors.TestFollowers and
        # TestAppointmentAttendeesStayStaff).
        if partner_ids and self._kentro_private_records():
            # sudo: only which of the contacts are beneficiaries' is read, to leave them out.
            people = set(
                self.env["res.partner"]
                .sudo()
                .with_context(active_test=False)
                ._search([("id", "in", list(partner_ids)), ("kentro_beneficiary_ids", "!=", False)])
            )
            partner_ids = [partner_id for partner_id in partner_ids if partner_id not in people]
            if not partner_ids and not subtype_ids:
                return True
        return super()._message_subscribe(partner_ids, subtype_ids, customer_ids=customer_ids)
