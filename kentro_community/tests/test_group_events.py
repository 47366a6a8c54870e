from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import KentroRegistryCase


@tagged("kentro", "kentro_group_events")
class GroupEventsCase(KentroRegistryCase):
    """A group activity of the centre with one session, two volunteers and an
    agency of the registry."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.activity = cls.env["kentro.group.activity"].create(
            {"name": "Γιορτή της γειτονιάς", "centre_id": cls.centre.id}
        )
        cls.neighbour = cls.env["kentro.beneficiary"].create(
            {"first_name": "Σοφία", "last_name": "Λαμπράκη", "centre_id": cls.centre.id}
        )
        cls.session = cls.env["kentro.group.session"].create(
            {
                "activity_id": cls.activity.id,
                "date": date(2026, 5, 9),
                "attendee_ids": (cls.papadopoulos | cls.neighbour).ids,
            }
        )
        cls.annex_activity = cls.env["kentro.group.activity"].create(
            {"name": "Εργαστήρι ζωγραφικής", "centre_id": cls.annex.id}
        )
        Partner = cls.env["res.partner"]
        cls.volunteer = Partner.create({"name": "Ιωάννα Εθελόντρια", "kentro_is_volunteer": True})
        cls.other_volunteer = Partner.create({"name": "Πέτρος Βοηθός", "kentro_is_volunteer": True})
        cls.agency = Partner.create(
            {"name": "Σύλλογος Γονέων Δοκιμής", "is_company": True, "kentro_is_agency": True}
        )
        cls.shop = Partner.create({"name": "Φαρμακείο της γειτονιάς", "is_company": True})


@tagged("kentro", "kentro_group_events")
class TestHeadcount(GroupEventsCase):
    def test_anonymous_participants_add_to_the_registered(self):
        session = self.session.with_user(self.user_professional)
        view = self.env.ref("kentro_community.kentro_group_session_view_form")
        with Form(session, view=view) as form:
            with form.headcount_ids.new() as line:
                line.gender = "female"
                line.age_band = "18_29"
                line.count = 5
            with form.headcount_ids.new() as line:
                line.gender = "male"
                line.age_band = "55_plus"
                line.count = 3
        self.assertEqual(session.attendance_count, 2)
        self.assertEqual(session.anonymous_count, 8)
        self.assertEqual(session.participant_count, 10)
        session.headcount_ids.filtered(lambda line: line.gender == "male").count = 0
        session.attendee_ids -= self.neighbour
        self.assertEqual(session.anonymous_count, 5)
        self.assertEqual(session.participant_count, 6)
        # Stored: the figures are searchable (and summed by the database).
        Session = self.env["kentro.group.session"]
        self.assertEqual(Session.search([("participant_count", "=", 6)]), self.session)

    def test_a_negative_count_is_refused_with_its_fix(self):
        with self.assertRaises(ValidationError) as caught:
            self.env["kentro.group.session.headcount"].create(
                {
                    "session_id": self.session.id,
                    "gender": "female",
                    "age_band": "30_54",
                    "count": -2,
                }
            )
        self.assertIn("cannot be negative (-2): enter 0 or more", str(caught.exception))

    def test_a_gender_and_band_is_counted_once_per_session(self):
        Headcount = self.env["kentro.group.session.headcount"]
        values = {"session_id": self.session.id, "gender": "other", "age_band": "under_18"}
        Headcount.create({**values, "count": 4})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            Headcount.create({**values, "count": 1})
        # The same band on another session is another line.
        other = self.session.copy({"date": date(2026, 5, 16)})
        Headcount.create({**values, "session_id": other.id, "count": 1})
        self.assertEqual(self.session.anonymous_count, 4)
        self.assertEqual(other.anonymous_count, 1)

    def test_reception_counts_the_public_of_its_structure_only(self):
        Headcount = self.env["kentro.group.session.headcount"].with_user(self.user_reception)
        line = Headcount.create(
            {"session_id": self.session.id, "gender": "female", "age_band": "55_plus", "count": 7}
        )
        line.count = 9
        self.assertEqual(
            self.session.with_user(self.user_reception).read(["participant_count"])[0][
                "participant_count"
            ],
            11,
        )
        annex_session = self.env["kentro.group.session"].create(
            {"activity_id": self.annex_activity.id, "date": date(2026, 5, 10)}
        )
        with self.assertRaises(AccessError):
            Headcount.create(
                {"session_id": annex_session.id, "gender": "male", "age_band": "18_29", "count": 1}
            )
        self.env["kentro.group.session.headcount"].create(
            {"session_id": annex_session.id, "gender": "male", "age_band": "18_29", "count": 1}
        )
        self.assertEqual(Headcount.search([]), line)
        self.assertEqual(Headcount._read_group([], ["age_band"], ["count:sum"]), [("55_plus", 9)])
        self.assertFalse(
            self.env["kentro.group.session.headcount"]
            .with_user(self.user_manager_other)
            .search_count([])
        )

    def test_head_counts_use_the_beneficiary_values(self):
        Headcount = self.env["kentro.group.session.headcount"]
        Beneficiary = self.env["kentro.beneficiary"]
        for field in ("gender", "age_band"):
            self.assertEqual(
                Headcount._fields[field].selection, Beneficiary._fields[field].selection
            )


@tagged("kentro", "kentro_group_events")
class TestCoOrganisers(GroupEventsCase):
    def test_an_agency_of_the_registry_co_organises(self):
        activity = self.activity.with_user(self.user_professional)
        activity.co_organiser_ids = self.agency
        self.assertEqual(activity.co_organiser_ids, self.agency)

    def test_a_contact_outside_the_registry_is_refused(self):
        activity = self.activity.with_user(self.user_professional)
        with self.assertRaises(ValidationError) as caught:
            activity.co_organiser_ids = self.agency | self.shop
        self.assertIn("Φαρμακείο της γειτονιάς are not", str(caught.exception))
        self.assertIn("Agencies Registry", str(caught.exception))

    def test_the_field_offers_agencies_only(self):
        domain = self.env["kentro.group.activity"]._fields["co_organiser_ids"].domain
        offered = self.env["res.partner"].search(domain)
        self.assertIn(self.agency, offered)
        self.assertNotIn(self.shop, offered)


@tagged("kentro", "kentro_group_events")
class TestVolunteerHours(GroupEventsCase):
    def _assign(self, volunteer, hours, day, activity=None, user=None):
        Assignment = self.env["kentro.volunteer.assignment"]
        if user:
            Assignment = Assignment.with_user(user)
        return Assignment.create(
            {
                "volunteer_id": volunteer.id,
                "activity_id": (activity or self.activity).id,
                "date": day,
                "hours": hours,
            }
        )

    def test_hours_must_be_more_than_zero(self):
        for hours in (0, -1.5):
            with self.subTest(hours=hours), self.assertRaises(ValidationError) as caught:
                self._assign(self.volunteer, hours, date(2026, 5, 9))
            self.assertIn("must be more than 0", str(caught.exception))

    def test_only_a_volunteer_gives_hours(self):
        with self.assertRaises(ValidationError) as caught:
            self._assign(self.agency, 2, date(2026, 5, 9))
        self.assertIn("is not a volunteer", str(caught.exception))

    def test_the_session_belongs_to_the_activity(self):
        with self.assertRaises(ValidationError) as caught:
            self.env["kentro.volunteer.assignment"].create(
                {
                    "volunteer_id": self.volunteer.id,
                    "activity_id": self.annex_activity.id,
                    "session_id": self.session.id,
                    "hours": 2,
                }
            )
        self.assertIn("belongs to another activity", str(caught.exception))

    @freeze_time("2026-05-09")
    def test_a_session_gives_its_date(self):
        form = Form(
            self.env["kentro.volunteer.assignment"].with_user(self.user_professional),
            view="kentro_community.kentro_volunteer_assignment_view_form",
        )
        form.volunteer_id = self.volunteer
        form.activity_id = self.activity
        self.assertEqual(form.date, date(2026, 5, 9))
        later = self.session.copy({"date": date(2026, 6, 13)})
        form.session_id = later
        form.hours = 3
        assignment = form.save()
        self.assertEqual(assignment.date, date(2026, 6, 13))
        self.assertEqual(assignment.centre_id, self.centre)

    def test_totals_per_volunteer_equal_independent_sums(self):
        given = [
            (self.volunteer, 2.5, date(2026, 4, 4)),
            (self.volunteer, 3.0, date(2026, 5, 9)),
            (self.volunteer, 1.25, date(2026, 5, 23)),
            (self.other_volunteer, 4.0, date(2026, 5, 9)),
        ]
        for volunteer, hours, day in given:
            self._assign(volunteer, hours, day, user=self.user_professional)
        self.env.flush_all()
        self.env.cr.execute(
            """SELECT volunteer_id, SUM(hours) FROM kentro_volunteer_assignment
                WHERE volunteer_id IN %s GROUP BY volunteer_id""",
            [(self.volunteer.id, self.other_volunteer.id)],
        )
        sums = dict(self.env.cr.fetchall())
        self.assertEqual(sums[self.volunteer.id], 6.75)
        volunteers = (self.volunteer | self.other_volunteer).with_user(self.user_professional)
        for volunteer in volunteers:
            self.assertEqual(volunteer.kentro_volunteer_hours, sums[volunteer.id])
        # The pivot's figures: hours per volunteer and month.
        months = (
            self.env["kentro.volunteer.assignment"]
            .with_user(self.user_professional)
            ._read_group([], ["volunteer_id", "date:month"], ["hours:sum"])
        )
        self.assertEqual(
            {(volunteer.id, month.month): hours for volunteer, month, hours in months},
            {
                (self.volunteer.id, 4): 2.5,
                (self.volunteer.id, 5): 4.25,
                (self.other_volunteer.id, 5): 4.0,
            },
        )

    def test_hours_are_counted_in_the_user_s_structures(self):
        self._assign(self.volunteer, 2, date(2026, 5, 9))
        self._assign(self.volunteer, 5, date(2026, 5, 10), activity=self.annex_activity)
        hours = {
            user: self.volunteer.with_user(user).kentro_volunteer_hours
            for user in (self.user_professional, self.user_annex_professional, self.user_head)
        }
        self.assertEqual(
            hours,
            {self.user_professional: 2, self.user_annex_professional: 5, self.user_head: 7},
        )
        with self.assertRaises(AccessError):
            self._assign(self.volunteer, 1, date(2026, 5, 11), user=self.user_annex_professional)

    def test_reception_does_not_see_volunteers_hours(self):
        self._assign(self.volunteer, 2, date(2026, 5, 9))
        Assignment = self.env["kentro.volunteer.assignment"].with_user(self.user_reception)
        with self.assertRaises(AccessError):
            Assignment.search_read([], ["hours"])
        with self.assertRaises(AccessError):
            Assignment.read_group([], ["hours:sum"], ["volunteer_id"])
        with self.assertRaises(AccessError):
            self._assign(self.volunteer, 1, date(2026, 5, 9), user=self.user_reception)
        volunteer = self.volunteer.with_user(self.user_reception)
        self.assertNotIn("kentro_volunteer_hours", volunteer.fields_get())
        with self.assertRaises(AccessError):
            volunteer.read(["kentro_volunteer_hours"])
        # The activity's form still opens for reception, without the volunteers.
        activity = self.activity.with_user(self.user_reception)
        self.assertEqual(activity.read(["name"])[0]["name"], "Γιορτή της γειτονιάς")
        with self.assertRaises(AccessError):
            activity.read(["volunteer_assignment_ids"])

    def test_the_social_service_sees_no_hours_nor_head_counts(self):
        for model in ("kentro.volunteer.assignment", "kentro.group.session.headcount"):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.user_supervisor).search_read([], ["id"])
