from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged, users

from .common import KentroRegistryCase


@tagged("kentro", "kentro_esf")
class TestEsfParticipants(KentroRegistryCase):
    """The entry record of a person's first service within an ESF+ operation,
    its frozen data, refusals kept as refusals, and the exit by each path
    with its follow-up six months later."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.operation = cls.env["kentro.esf.operation"].create(
            {
                "name": "Κέντρο Κοινότητας Δήμου Δοκιμής",
                "code": "5000123",
                "programme": "Περιφερειακό Πρόγραμμα 2021-2027",
                "specific_objective": "ESO4.11",
                "date_start": date(2026, 1, 1),
                "date_end": date(2027, 12, 31),
                "company_id": cls.municipality.id,
                "centre_ids": [(6, 0, (cls.centre | cls.annex).ids)],
            }
        )
        cls.counselling = cls.env.ref("kentro_community.kentro_service_type_counselling_adult")
        cls.papadopoulos.write(
            {
                "employment_status": "unemployed",
                "dypa_registration_date": date(2024, 5, 1),
                "education_level": "isced_3",
                "nationality_id": cls.env.ref("base.gr").id,
            }
        )

    def _serve(self, person, day, user=None):
        """A service logged by ``user`` (the professional; ``False``: Odoo
        itself, for a structure no test user works at)."""
        Service = self.env["kentro.service"]
        if user is not False:
            Service = Service.with_user(user or self.user_professional)
        return Service.create(
            {
                "beneficiary_id": person.id,
                "service_type_id": self.counselling.id,
                "date": day,
                "user_id": self.user_professional.id,
            }
        )

    def _participant(self, person):
        return self.env["kentro.esf.participant"].search([("beneficiary_id", "=", person.id)])

    @freeze_time("2026-03-10")
    def test_the_first_service_in_the_operation_is_the_entry(self):
        self._serve(self.papadopoulos, date(2026, 3, 2))
        self._serve(self.papadopoulos, date(2026, 3, 9))
        participant = self._participant(self.papadopoulos)
        self.assertEqual(len(participant), 1, "one entry, however many services")
        self.assertEqual(participant.entry_date, date(2026, 3, 2))
        self.assertEqual(participant.operation_id, self.operation)
        self.assertEqual(participant.user_id, self.user_professional)
        self.assertEqual(
            (
                participant.gender,
                participant.age,
                participant.age_group,
                participant.employment,
                participant.education,
                participant.third_country,
            ),
            ("male", 45, "30_54", "long_term_unemployed", "isced_3_4", False),
        )
        self.assertTrue(participant.data_complete)

    @freeze_time("2026-03-10")
    def test_a_service_odoo_logs_makes_the_head_the_case_worker(self):
        self.centre.head_id = self.user_head
        self.env["kentro.service"].create(
            {
                "beneficiary_id": self.papadopoulos.id,
                "service_type_id": self.counselling.id,
                "date": date(2026, 3, 2),
            }
        )
        self.assertEqual(self._participant(self.papadopoulos).user_id, self.user_head)

    @freeze_time("2026-03-10")
    def test_no_entry_outside_the_operation(self):
        # Before it started, and at a structure it does not cover.
        self._serve(self.papadopoulos, date(2025, 12, 20))
        self._serve(self.second_centre_person, date(2026, 3, 2), user=False)
        self.assertFalse(self._participant(self.papadopoulos))
        self.assertFalse(self._participant(self.second_centre_person))

    @freeze_time("2026-03-10")
    def test_reception_logging_a_service_makes_the_entry_it_may_not_read(self):
        self.centre.staff_ids = self.user_reception | self.user_professional
        self._serve(self.papadopoulos, date(2026, 3, 2), user=self.user_reception)
        participant = self._participant(self.papadopoulos)
        self.assertTrue(participant)
        with self.assertRaises(AccessError):
            participant.with_user(self.user_reception).read(["minority"])
        self.assertNotIn(self.user_reception.partner_id, participant.message_partner_ids)

    @freeze_time("2026-03-10")
    def test_entry_data_stay_as_they_were_when_the_file_changes(self):
        self._serve(self.papadopoulos, date(2026, 3, 2))
        self.papadopoulos.write({"employment_status": "employed", "education_level": "isced_6"})
        participant = self._participant(self.papadopoulos)
        self.assertEqual(participant.employment, "long_term_unemployed")
        self.assertEqual(participant.education, "isced_3_4")

    @freeze_time("2026-03-10")
    def test_refusals_are_kept_as_refusals(self):
        self.annex_person.write(
            {
                "esf_sensitive_refused": True,
                "vulnerability_ids": [
                    (4, self.env.ref("kentro_community.kentro_vulnerability_roma").id)
                ],
            }
        )
        self._serve(self.annex_person, date(2026, 3, 2), user=self.user_manager)
        participant = self._participant(self.annex_person)
        self.assertEqual(
            (
                participant.disability,
                participant.foreign_background,
                participant.minority,
                participant.homeless,
            ),
            ("refused",) * 4,
        )

    @freeze_time("2026-03-10")
    def test_a_person_without_refusal_is_answered_yes_or_no(self):
        self.papadopoulos.vulnerability_ids = self.env.ref(
            "kentro_community.kentro_vulnerability_homeless"
        )
        self._serve(self.papadopoulos, date(2026, 3, 2))
        participant = self._participant(self.papadopoulos)
        self.assertEqual(
            (participant.homeless, participant.minority, participant.foreign_background),
            ("yes", "no", "no"),
        )

    @freeze_time("2026-03-10")
    def test_the_household_situation_comes_from_its_members_that_day(self):
        household = self.env["kentro.household"].create(
            {"name": "Οικογένεια Παπαδόπουλου", "centre_id": self.centre.id}
        )
        son = self.env["kentro.beneficiary"].create(
            {
                "first_name": "Νίκος",
                "last_name": "Παπαδόπουλος",
                "birthdate": date(2010, 5, 1),
                "centre_id": self.centre.id,
                "household_id": household.id,
            }
        )
        self.papadopoulos.household_id = household
        Participant = self.env["kentro.esf.participant"]
        day = date(2026, 3, 2)

        def situation():
            return Participant._kentro_entry_values(self.papadopoulos, day)["household_situation"]

        # The father, unemployed, alone with a boy of fifteen.
        self.assertEqual(situation(), "single_adult_children")
        mother = self.env["kentro.beneficiary"].create(
            {
                "first_name": "Μαρία",
                "last_name": "Παπαδοπούλου",
                "birthdate": date(1982, 1, 1),
                "centre_id": self.centre.id,
                "household_id": household.id,
            }
        )
        self.assertFalse(situation(), "her work is unknown")
        mother.employment_status = "inactive"
        self.assertEqual(situation(), "jobless_children")
        mother.employment_status = "employed"
        self.assertEqual(situation(), "other")
        # Eighteen on the day: no longer a dependent child.
        son.birthdate = date(2008, 3, 2)
        mother.employment_status = "inactive"
        self.assertFalse(situation(), "his work, as an adult, is unknown")
        son.employment_status = "student"
        self.assertEqual(situation(), "jobless")
        self._serve(self.papadopoulos, day)
        self.assertEqual(self._participant(self.papadopoulos).household_situation, "jobless")

    @freeze_time("2026-03-10")
    def test_missing_data_make_a_todo_for_the_case_worker_by_the_deadline(self):
        self._serve(self.annex_person, date(2026, 3, 2), user=self.user_manager)
        participant = self._participant(self.annex_person)
        self.assertFalse(participant.data_complete)
        self.assertIn("Employment status", participant.missing_data)
        self.assertEqual(participant.entry_deadline, date(2026, 3, 22))
        [todo] = participant.activity_ids
        self.assertEqual(todo.user_id, self.user_professional)
        self.assertEqual(todo.date_deadline, date(2026, 3, 22))
        # The file is completed, the record takes the missing data from it.
        self.annex_person.write(
            {"gender": "female", "employment_status": "inactive", "education_level": "isced_1"}
        )
        participant.with_user(self.user_manager).action_refresh_entry_data()
        self.assertTrue(participant.data_complete)
        self.assertEqual(participant.employment, "inactive")
        self.assertFalse(participant.activity_ids)

    @freeze_time("2026-10-01")
    def test_a_daily_job_s_change_is_written_in_the_municipality_s_language(self):
        """Odoo runs its daily jobs with no language: the exit the job records
        on the participant's chatter and the to-dos it leaves the case worker
        are read by the structure's staff, in Greek."""
        self.env["res.lang"]._activate_lang("el_GR")
        self.municipality.partner_id.lang = "el_GR"
        self._serve(self.papadopoulos, date(2026, 3, 2))
        participant = self._participant(self.papadopoulos)
        # Odoo writes a transaction's changes on the chatter as it commits.
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env(context={})["kentro.esf.participant"]._cron_exits()
        self.env.flush_all()
        self.env.cr.precommit.run()
        [change] = participant.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "state"
        )
        self.assertEqual(
            (change.old_value_char, change.new_value_char), ("Στην πράξη", "Αποχώρησε")
        )
        self.assertIn("Αποτελέσματα εξόδου ΕΚΤ+", participant.activity_ids.mapped("summary"))

    @freeze_time("2026-10-01")
    def test_exit_after_months_without_a_service_then_the_follow_up(self):
        self._serve(self.papadopoulos, date(2026, 3, 2))
        participant = self._participant(self.papadopoulos)
        self.env["kentro.esf.participant"]._cron_exits()
        self.assertEqual(participant.state, "exited")
        self.assertEqual(participant.exit_reason, "inactive")
        self.assertEqual(participant.exit_date, date(2026, 3, 2))
        self.assertEqual(participant.follow_up_due, date(2026, 9, 2))
        follow_up = participant.activity_ids.filtered(
            lambda activity: activity.date_deadline == date(2026, 9, 2)
        )
        self.assertEqual(follow_up.user_id, self.user_professional)
        participant.with_user(self.user_professional).write(
            {"result_job_searching": True, "follow_up_employed": True}
        )
        participant.with_user(self.user_professional).action_record_follow_up()
        self.assertEqual(participant.follow_up_date, date(2026, 10, 1))
        # The results on leaving are still due, and their to-do stays.
        self.assertEqual(participant.activity_ids.date_deadline, date(2026, 3, 30))
        participant.with_user(self.user_professional).action_record_results()
        self.assertEqual(participant.results_date, date(2026, 10, 1))
        self.assertFalse(participant.activity_ids)

    @freeze_time("2026-05-01")
    def test_no_exit_while_services_go_on(self):
        self._serve(self.papadopoulos, date(2026, 3, 2))
        self.env["kentro.esf.participant"]._cron_exits()
        self.assertEqual(self._participant(self.papadopoulos).state, "entered")

    @freeze_time("2026-05-01")
    def test_exit_when_the_file_is_closed(self):
        self._serve(self.papadopoulos, date(2026, 3, 2))
        self.papadopoulos.write({"state": "closed", "closed_date": date(2026, 4, 20)})
        self.env["kentro.esf.participant"]._cron_exits()
        participant = self._participant(self.papadopoulos)
        self.assertEqual(
            (participant.exit_reason, participant.exit_date), ("closed", date(2026, 4, 20))
        )

    def test_exit_when_the_operation_ends(self):
        with freeze_time("2027-12-20"):
            self._serve(self.papadopoulos, date(2027, 12, 20))
        with freeze_time("2028-01-02"):
            self.env["kentro.esf.participant"]._cron_exits()
        participant = self._participant(self.papadopoulos)
        self.assertEqual(
            (participant.exit_reason, participant.exit_date), ("operation_end", date(2027, 12, 31))
        )

    def test_a_structure_runs_one_operation_at_a_time(self):
        with self.assertRaises(ValidationError) as caught:
            self.env["kentro.esf.operation"].create(
                {
                    "name": "Παράταση",
                    "code": "5000999",
                    "date_start": date(2027, 6, 1),
                    "date_end": date(2028, 6, 30),
                    "company_id": self.municipality.id,
                    "centre_ids": [(6, 0, self.annex.ids)],
                }
            )
        self.assertIn("5000123", str(caught.exception))
        # The next one, after it, is accepted.
        self.env["kentro.esf.operation"].create(
            {
                "name": "Συνέχιση",
                "code": "5000999",
                "date_start": date(2028, 1, 1),
                "date_end": date(2029, 12, 31),
                "company_id": self.municipality.id,
                "centre_ids": [(6, 0, self.annex.ids)],
            }
        )

    @users("kentro_reception")
    def test_reception_reads_no_participant_and_no_operation(self):
        for model in ("kentro.esf.participant", "kentro.esf.operation"):
            with self.assertRaises(AccessError):
                self.env[model].search_read([], ["id"])
