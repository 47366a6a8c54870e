from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AppointmentCase, KentroRegistryCase


@tagged("kentro", "kentro_security")
class TestRightsChangeAtOnce(KentroRegistryCase):
    """A change of a user's structures, profession or groups holds from their
    next request: record rules keep their evaluated domains in Odoo's registry
    cache, which each change must clear. ``invalidate_all`` gives the user's
    next read the empty record cache of a new request; the registry caches
    survive it, as they survive between requests."""

    def _reads_file(self, user, person=None):
        """Whether ``user`` reads ``person``'s file, as in a new request."""
        self.env.invalidate_all()
        try:
            (person or self.papadopoulos).with_user(user).read(["name"])
        except AccessError:
            return False
        return True

    def test_removed_from_the_staff_on_the_structure_form(self):
        self.centre.staff_ids = self.user_professional | self.user_head | self.user_reception
        self.assertTrue(self._reads_file(self.user_professional))
        self.centre.with_user(self.user_manager).write(
            {"staff_ids": [Command.unlink(self.user_professional.id)]}
        )
        self.assertFalse(self._reads_file(self.user_professional))

    def test_added_to_the_staff_on_the_structure_form(self):
        self.assertFalse(self._reads_file(self.user_annex_professional))
        self.centre.with_user(self.user_manager).write(
            {"staff_ids": [Command.link(self.user_annex_professional.id)]}
        )
        self.assertTrue(self._reads_file(self.user_annex_professional))

    def test_removed_from_the_structure_on_the_user_form(self):
        self.assertTrue(self._reads_file(self.user_professional))
        self.user_professional.kentro_centre_ids = [Command.unlink(self.centre.id)]
        self.assertFalse(self._reads_file(self.user_professional))

    def test_change_of_profession_changes_the_discipline_notes(self):
        note = (
            self.env["kentro.case.note"]
            .with_user(self.user_head)
            .create(
                {
                    "beneficiary_id": self.papadopoulos.id,
                    "level": "discipline",
                    "role_id": self.psychologist.id,
                    "body": "<p>Σημείωμα ψυχολόγου.</p>",
                }
            )
        )
        Note = self.env["kentro.case.note"]
        self.env.invalidate_all()
        self.assertEqual(
            Note.with_user(self.user_professional).search([("id", "=", note.id)]), note
        )
        self.user_professional.kentro_role_id = self.social_worker
        self.env.invalidate_all()
        self.assertFalse(Note.with_user(self.user_professional).search([("id", "=", note.id)]))
        with self.assertRaises(AccessError):
            note.with_user(self.user_professional).read(["body"])

    def test_demoted_professional_loses_the_casework_at_once(self):
        note = (
            self.env["kentro.case.note"]
            .with_user(self.user_professional)
            .create({"beneficiary_id": self.papadopoulos.id, "body": "<p>Ομαδικό σημείωμα.</p>"})
        )
        self.env.invalidate_all()
        self.assertTrue(note.with_user(self.user_professional).read(["body"]))
        self.user_professional.groups_id = [
            Command.unlink(self.env.ref("kentro_community.group_kentro_professional").id)
        ]
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            note.with_user(self.user_professional).read(["body"])


@tagged("kentro", "kentro_security")
class TestAppointmentRightsChangeAtOnce(AppointmentCase):
    def test_removed_from_the_staff_leaves_the_appointments_at_once(self):
        # The rule on the appointments' attendees reads the user's visible
        # structures through a cached method of its own.
        appointment = self.book(self.at(self.monday, 10))
        Attendee = self.env["calendar.attendee"].with_user(self.user_reception)
        on_appointment = [("event_id", "=", appointment.id)]
        self.env.invalidate_all()
        self.assertTrue(Attendee.search(on_appointment))
        self.centre.with_user(self.user_manager).write(
            {"staff_ids": [Command.unlink(self.user_reception.id)]}
        )
        self.env.invalidate_all()
        self.assertFalse(Attendee.search(on_appointment))
