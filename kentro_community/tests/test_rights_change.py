from unittest.mock import patch

from odoo import Command, models
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools.query import Query

from .common import AppointmentCase, KentroRegistryCase, assert_odoo_calls

PROFESSIONAL_GROUP = "kentro_community.group_kentro_professional"
RECEPTION_GROUP = "kentro_community.group_kentro_reception"


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


@tagged("kentro", "kentro_security")
class TestRuleConditionsKeptAsSql(KentroRegistryCase):
    """On Kentro's models the SQL condition of a user's record rules is kept
    between searches (``_kentro_rules_where`` in models/base.py), beside
    Odoo's cache of the rules' domains: a search must still see every change
    of rules, groups, structures and companies at once, and write exactly
    the condition Odoo writes."""

    def _finds(self, user, record, **context):
        """Whether a search as ``user`` finds ``record``, as in a new request."""
        self.env.invalidate_all()
        Model = self.env[record._name].with_user(user).with_context(**context)
        return bool(Model.search([("id", "=", record.id)]))

    def test_the_condition_is_odoos_own_for_every_model_and_role(self):
        users = (
            self.user_reception,
            self.user_professional,
            self.user_head,
            self.user_annex_professional,
            self.user_supervisor,
            self.user_manager,
            self.user_employee,
        )
        compared = set()
        for name in self.env.registry:
            if not name.startswith("kentro.") or self.env[name]._abstract:
                continue
            for user in users:
                Model = self.env[name].with_user(user)
                kept = Model._kentro_rules_where("read")
                if kept is None:
                    continue
                odoos = Query(self.env, Model._table, Model._table_sql)
                models.BaseModel._apply_ir_rules(Model, odoos, "read")
                self.assertEqual(
                    (kept.code, kept.params),
                    (odoos.where_clause.code, odoos.where_clause.params),
                    f"{name} as {user.login}",
                )
                compared.add(name)
        self.assertIn("kentro.beneficiary", compared)
        self.assertIn("kentro.case.note", compared)
        self.assertGreater(len(compared), 20)

    def test_a_second_search_does_not_write_the_condition_again(self):
        # The head's rule reads the structures' tree (child_of): once the
        # condition is kept, a search is its own query alone.
        Beneficiary = self.env["kentro.beneficiary"].with_user(self.user_head)
        self.assertEqual(Beneficiary.search([("amka", "=", "15038012348")]), self.papadopoulos)
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            self.assertEqual(
                Beneficiary.search([("amka", "=", "15038012348")]).ids, self.papadopoulos.ids
            )

    def test_a_structure_attached_to_the_heads_centre_is_searched_at_once(self):
        person = self.second_centre_person
        self.assertFalse(self._finds(self.user_head, person))
        Structure = self.second_centre.with_user(self.user_manager)
        Structure.write({"centre_type": "annex", "parent_id": self.centre.id})
        self.assertTrue(self._finds(self.user_head, person))
        Structure.write({"centre_type": "centre", "parent_id": False})
        self.assertFalse(self._finds(self.user_head, person))

    def test_a_new_annex_of_the_heads_centre_is_searched_at_once(self):
        self.assertTrue(self._finds(self.user_head, self.annex_person))
        annex = self.env["kentro.centre"].create(
            {
                "name": "Νέο Παράρτημα",
                "code": "KK-T-N",
                "centre_type": "annex",
                "parent_id": self.centre.id,
                "company_id": self.municipality.id,
            }
        )
        person = self.env["kentro.beneficiary"].create(
            {"first_name": "Άννα", "last_name": "Νέα", "centre_id": annex.id}
        )
        self.assertTrue(self._finds(self.user_head, person))
        self.assertFalse(self._finds(self.user_professional, person))

    def test_removed_from_the_structure_finds_nothing_at_once(self):
        self.assertTrue(self._finds(self.user_reception, self.papadopoulos))
        self.user_reception.kentro_centre_ids = [Command.unlink(self.centre.id)]
        self.assertFalse(self._finds(self.user_reception, self.papadopoulos))

    def test_a_demoted_professional_finds_no_case_note_at_once(self):
        note = (
            self.env["kentro.case.note"]
            .with_user(self.user_professional)
            .create({"beneficiary_id": self.papadopoulos.id, "body": "<p>Ομαδικό σημείωμα.</p>"})
        )
        self.assertTrue(self._finds(self.user_professional, note))
        self.user_professional.groups_id = [
            Command.unlink(self.env.ref("kentro_community.group_kentro_professional").id)
        ]
        with self.assertRaises(AccessError):
            self._finds(self.user_professional, note)

    def test_a_rule_changed_by_the_administrator_holds_at_once(self):
        self.assertTrue(self._finds(self.user_reception, self.papadopoulos))
        rule = self.env.ref("kentro_community.kentro_beneficiary_rule_structure")
        rule.domain_force = "[('centre_id', '=', False)]"
        self.assertFalse(self._finds(self.user_reception, self.papadopoulos))

    def test_the_companies_chosen_in_the_switcher_are_searched_as_chosen(self):
        # The municipalities' rule reads the companies the user works in now.
        self.user_reception.write(
            {
                "company_ids": [Command.link(self.other_municipality.id)],
                "kentro_centre_ids": [Command.link(self.other_centre.id)],
            }
        )
        person = self.env["kentro.beneficiary"].create(
            {"first_name": "Ιωάννα", "last_name": "Άλλη", "centre_id": self.other_centre.id}
        )
        both = [self.municipality.id, self.other_municipality.id]
        self.assertFalse(
            self._finds(self.user_reception, person, allowed_company_ids=[self.municipality.id])
        )
        self.assertTrue(self._finds(self.user_reception, person, allowed_company_ids=both))
        self.assertFalse(
            self._finds(self.user_reception, person, allowed_company_ids=[self.municipality.id])
        )

    def test_odoo_still_writes_the_rules_through_apply_ir_rules(self):
        Beneficiary = self.env["kentro.beneficiary"].with_user(self.user_reception)
        with assert_odoo_calls(self, Beneficiary, "_apply_ir_rules"):
            Beneficiary.search([("amka", "=", "15038012348")])


@tagged("kentro", "kentro_security")
class TestFieldGroupsAskedOnce(KentroRegistryCase):
    """On Kentro's models the user's groups are asked once per groups string
    a read names (Odoo asks once per field), and the answer is Odoo's own."""

    def _asked(self, user, model, names):
        """What ``check_field_access_rights`` answers for ``user`` (the names,
        or the AccessError), and how often it asked the user's groups."""
        Users = type(self.env["res.users"])
        with patch.object(Users, "has_groups", autospec=True, side_effect=Users.has_groups) as spy:
            try:
                answer = self.env[model].with_user(user).check_field_access_rights("read", names)
            except AccessError as error:
                answer = error
        return answer, [call.args[1] for call in spy.call_args_list]

    def test_a_file_s_protected_fields_ask_the_groups_once(self):
        protected = sorted(self.env["kentro.beneficiary"]._kentro_protected_fields())
        self.assertGreater(len(protected), 10)
        answer, asked = self._asked(self.user_professional, "kentro.beneficiary", protected)
        self.assertEqual(answer, protected)
        self.assertEqual(asked, [PROFESSIONAL_GROUP])

    def test_a_refused_field_after_accessible_ones_is_refused_as_odoo_refuses_it(self):
        names = ["name", "activity_state", "activity_ids", "disability", "social_history"]
        answer, asked = self._asked(self.user_reception, "kentro.beneficiary", names)
        self.assertIsInstance(answer, AccessError)
        # Odoo's own message, naming every field refused and no other.
        self.assertIn("disability,social_history", str(answer))
        self.assertNotIn("activity_state", str(answer))
        answer, asked = self._asked(self.user_professional, "kentro.beneficiary", names)
        self.assertEqual(answer, names)
        self.assertEqual(sorted(asked), ["base.group_user", PROFESSIONAL_GROUP])

    def test_a_demoted_professional_is_refused_at_the_next_call(self):
        self.assertEqual(
            self._asked(self.user_professional, "kentro.beneficiary", ["disability"])[0],
            ["disability"],
        )
        self.user_professional.groups_id -= self.env.ref(PROFESSIONAL_GROUP)
        answer, _asked = self._asked(self.user_professional, "kentro.beneficiary", ["disability"])
        self.assertIsInstance(answer, AccessError)

    def test_odoo_s_models_are_left_to_odoo(self):
        # Two fields of the same groups on a contact: Odoo asks for each.
        names = ["name", "kentro_beneficiary_ids", "kentro_beneficiary_centre_id"]
        answer, asked = self._asked(self.user_professional, "res.partner", names)
        self.assertEqual(answer, names)
        self.assertEqual(asked, [RECEPTION_GROUP, RECEPTION_GROUP])
