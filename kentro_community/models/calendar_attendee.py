from odoo import models


class CalendarAttendee(models.Model):
    _inherit = "calendar.attendee"

    # Odoo internal: see docs/odoo-internals.md
    def _send_mail_to_attendees(self, mail_template, force_send=False):
        # Appointments are announced by their own card, never by Odoo's
        # invitation, which would list the other attendees.
        others = self.filtered(
            # sudo (see _kentro_sudo): only whether the event is an appointment is read.
            lambda attendee: not attendee.event_id._kentro_sudo().kentro_appointment
        )
        return super(CalendarAttendee, others)._send_mail_to_attendees(
            mail_template, force_send=force_send
        )
