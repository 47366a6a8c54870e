from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import AppointmentCase, weekly_hours

CLEAN_MONDAY = date(2027, 3, 15)
GOOD_FRIDAY = date(2027, 4, 30)
EASTER_MONDAY = date(2027, 5, 3)
WHIT_MONDAY = date(2027, 6, 21)


@tagged("kentro", "kentro_appointments", "kentro_holidays")
class TestPublicHolidays(AppointmentCase):
    def _holidays(self, calendar):
        """``{local day: [names]}`` of Kentro's holidays on ``calendar``."""
        days = {}
        for leave in self.env["resource.calendar.leaves"].search(
            [("calendar_id", "=", calendar.id), ("kentro_holiday", "=", True)]
        ):
            days.setdefault(self.env["calendar.event"]._kentro_local(leave.date_from).date(), [])
            days[self.env["calendar.event"]._kentro_local(leave.date_from).date()].append(
                leave.name
            )
        return days

    @freeze_time("2027-01-04 09:00:00")
    def test_the_2027_movable_feasts_follow_orthodox_easter(self):
        self.env["kentro.centre"]._cron_kentro_holidays()
        days = self._holidays(self.centre.resource_calendar_id)
        self.assertEqual(days[CLEAN_MONDAY], ["Καθαρά Δευτέρα"])
        self.assertEqual(days[GOOD_FRIDAY], ["Μεγάλη Παρασκευή"])
        self.assertEqual(days[EASTER_MONDAY], ["Δευτέρα του Πάσχα"])
        self.assertEqual(days[WHIT_MONDAY], ["Δευτέρα του Αγίου Πνεύματος"])
        self.assertEqual(days[date(2027, 3, 25)], ["Εικοστή Πέμπτη Μαρτίου"])
        self.assertNotIn(date(2027, 5, 2), days, "Easter Sunday is not a weekday holiday")
        # This year and the next.
        self.assertIn(date(2028, 1, 1), days)
        self.assertNotIn(date(2029, 1, 1), days)
        # A whole day of Greek time, with no resource: the structure closes.
        leave = self.env["resource.calendar.leaves"].search(
            [
                ("calendar_id", "=", self.centre.resource_calendar_id.id),
                ("name", "=", "Καθαρά Δευτέρα"),
                ("date_from", ">=", self.at(CLEAN_MONDAY, 0)),
            ],
            limit=1,
        )
        self.assertEqual(leave.date_from, self.at(CLEAN_MONDAY, 0))
        self.assertEqual(
            leave.date_to - leave.date_from, timedelta(hours=23, minutes=59, seconds=59)
        )
        self.assertFalse(leave.resource_id)

    @freeze_time("2027-01-04 09:00:00")
    def test_the_yearly_job_run_twice_creates_nothing_twice(self):
        Leave = self.env["resource.calendar.leaves"]
        self.env["kentro.centre"]._cron_kentro_holidays()
        count = Leave.search_count([("kentro_holiday", "=", True)])
        self.env["kentro.centre"]._cron_kentro_holidays()
        self.assertEqual(Leave.search_count([("kentro_holiday", "=", True)]), count)
        days = self._holidays(self.centre.resource_calendar_id)
        self.assertFalse({day: names for day, names in days.items() if len(names) > 1})

    @freeze_time("2027-01-04 09:00:00")
    def test_a_structure_given_hours_is_closed_on_the_holidays(self):
        hours = weekly_hours(self.env, "Νέο ωράριο", 9, 13, self.municipality)
        self.assertFalse(self._holidays(hours))
        self.annex.resource_calendar_id = hours
        self.assertEqual(self._holidays(hours)[CLEAN_MONDAY], ["Καθαρά Δευτέρα"])

    def test_a_local_feast_repeats_every_year(self):
        with freeze_time("2027-01-04 09:00:00"):
            with Form(self.env["kentro.local.holiday"].with_user(self.user_manager)) as form:
                form.name = "Άγιος Δημήτριος"
                form.day = 26
                form.month = 10
            days = self._holidays(self.centre.resource_calendar_id)
            self.assertEqual(days[date(2027, 10, 26)], ["Άγιος Δημήτριος"])
            self.assertEqual(days[date(2028, 10, 26)], ["Άγιος Δημήτριος"])
        with freeze_time("2028-01-03 09:00:00"):
            self.env["kentro.centre"]._cron_kentro_holidays()
            days = self._holidays(self.centre.resource_calendar_id)
            self.assertEqual(days[date(2028, 10, 26)], ["Άγιος Δημήτριος"])
            self.assertEqual(days[date(2029, 10, 26)], ["Άγιος Δημήτριος"])
        # Another municipality's structures keep their days.
        self.assertNotIn(date(2027, 10, 26), self._holidays(self.other_centre._opening_calendar()))

    def test_a_local_feast_on_no_day_is_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.env["kentro.local.holiday"].with_user(self.user_manager).create(
                {"name": "Λάθος", "day": 31, "month": 2}
            )
        self.assertIn("31/2", str(caught.exception))

    def test_only_the_manager_adds_local_feasts(self):
        with self.assertRaises(AccessError):
            self.env["kentro.local.holiday"].with_user(self.user_head).create(
                {"name": "Άγιος Νικόλαος", "day": 6, "month": 12}
            )

    @freeze_time("2027-03-01 09:00:00")
    def test_booking_on_clean_monday_or_good_friday_is_refused_naming_the_holiday(self):
        self.env["kentro.centre"]._cron_kentro_holidays()
        self.env["res.lang"]._activate_lang("el_GR")
        self.env = self.env(context=dict(self.env.context, lang="el_GR"))
        for day, holiday in ((CLEAN_MONDAY, "Καθαρά Δευτέρα"), (GOOD_FRIDAY, "Μεγάλη Παρασκευή")):
            with self.assertRaises(ValidationError) as caught:
                self.book(self.at(day, 10))
            self.assertIn(holiday, str(caught.exception))
            self.assertIn(day.strftime("%d/%m/%Y"), str(caught.exception))
        # The day after is open.
        self.assertTrue(self.book(self.at(CLEAN_MONDAY + timedelta(days=1), 10)))

    @freeze_time("2027-03-12 09:00:00")
    def test_the_slot_finder_offers_nothing_on_a_holiday(self):
        self.env["kentro.centre"]._cron_kentro_holidays()
        finder = (
            self.env["kentro.appointment.finder"]
            .with_user(self.user_reception)
            .create(
                {
                    "beneficiary_id": self.kosti.id,
                    "centre_id": self.centre.id,
                    "service_type_id": self.counselling.id,
                    "date_from": CLEAN_MONDAY,
                    "weeks": 1,
                    "duration": 60,
                }
            )
        )
        finder.action_search()
        days = {
            self.env["calendar.event"]._kentro_local(start).date()
            for start in finder.slot_ids.mapped("start")
        }
        self.assertNotIn(CLEAN_MONDAY, days)
        self.assertIn(CLEAN_MONDAY + timedelta(days=1), days)

    @freeze_time("2027-03-01 09:00:00")
    def test_the_open_day_skips_holidays_and_weekends_both_ways(self):
        """The demo's appointments are placed with ``_kentro_open_day``: a
        Monday that is a holiday moves to the Tuesday, or back to the Friday."""
        self.env["kentro.centre"]._cron_kentro_holidays()
        self.assertEqual(
            self.centre._kentro_open_day(CLEAN_MONDAY).date(), CLEAN_MONDAY + timedelta(days=1)
        )
        self.assertEqual(
            self.centre._kentro_open_day(CLEAN_MONDAY, step=-1).date(), date(2027, 3, 12)
        )
        # Saturday 13/3 and Sunday 14/3 are closed, and so is Clean Monday.
        self.assertEqual(self.centre._kentro_open_day(date(2027, 3, 13)).date(), date(2027, 3, 16))
        self.assertEqual(self.centre._kentro_open_day(date(2027, 3, 17)).date(), date(2027, 3, 17))
