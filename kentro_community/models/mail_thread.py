from odoo import models


class MailThread(models.AbstractModel):
    """A beneficiary's contact follows nothing of the Community Centre: not
    the appointments it attends, nor a file from whose chatter it was written
    to. Followers are told of every message; staff are told through
    activities assigned to them."""

    _inherit = "mail.thread"

    # Odoo internal: see docs/odoo-internals.md
    def _message_subscribe(self, partner_ids=None, subtype_ids=None, customer_ids=None):
        # Overrides an internal method of mail, which every way of following
        # goes through (guarded by test_side_doors.TestFollowers and
        # TestAppointmentAttendeesStayStaff).
        if partner_ids and self._kentro_private_records():
            # Which of the contacts are beneficiaries', to leave them out.
            people = set(self.env["res.partner"].browse(partner_ids)._kentro_private_records().ids)
            partner_ids = [partner_id for partner_id in partner_ids if partner_id not in people]
            if not partner_ids and not subtype_ids:
                return True
        return super()._message_subscribe(partner_ids, subtype_ids, customer_ids=customer_ids)

    # Odoo internal: see docs/odoo-internals.md
    def _creation_message(self):
        # Overrides a method of mail (the "<model> created" line of a new
        # record's chatter), for Kentro's records only (its models, and the
        # appointments and contacts _kentro_private_records adds): the line is
        # read by the structure's staff, so it is written in their
        # municipality's language, not in the language of the process that
        # created the record (a cron, an RPC client, an install). Guarded by
        # test_record_language.TestRecordLanguage.test_creation_line_*.
        if not self._kentro_private_records():
            return super()._creation_message()
        readers = self.with_context(lang=self._kentro_readers_lang())
        return super(MailThread, readers)._creation_message()

    # Odoo internal: see docs/odoo-internals.md
    def _message_track(self, fields_iter, initial_values_dict):
        # Overrides a method of mail (the old and new values of a change, kept
        # as text on the chatter: a state or a need by its label), for Kentro's
        # records only: written in the readers' municipality's language, not in
        # the language of the process that changed the record (a daily job,
        # which Odoo runs with none, an RPC client, an import). One batch is
        # one language: Odoo posts a batch's changes in one call. Guarded by
        # test_esf_participants.TestEsfParticipants.test_a_daily_job_s_change_*.
        private = self._kentro_private_records().exists()
        if not private:
            return super()._message_track(fields_iter, initial_values_dict)
        readers = self.with_context(lang=private._kentro_readers_lang())
        return super(MailThread, readers)._message_track(fields_iter, initial_values_dict)

    def _kentro_readers_lang(self):
        """The language of the staff who read these records' chatter: their
        (first record's) municipality's."""
        return self[:1]._kentro_readers_company()._kentro_lang()

    def _kentro_readers_company(self):
        """The municipality whose staff read this record's chatter."""
        if "company_id" in self._fields and self.company_id:
            return self.company_id
        if "kentro_centre_id" in self._fields and self.kentro_centre_id:
            return self.kentro_centre_id.company_id
        return self.env.company
