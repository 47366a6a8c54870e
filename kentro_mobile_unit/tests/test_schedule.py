from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import MobileCase, athens


@tagged("kentro", "kentro_mobile")
class TestSchedule(MobileCase):
    def _rule(self, **values):
        return (
            self.env["kentro.mobile.schedule"]
            .with_user(self.social_worker)
            .create(
                {
                    "centre_id": self.unit.id,
                    "area_id": self.glafki.id,
                    "meeting_point": "Καφενείο της πλατείας",
                    "user_ids": [(6, 0, self.crew.ids)],
                    "hour_from": 9.0,
                    "hour_to": 12.5,
                    "date_from": date(2026, 1, 5),
                    "until": date(2026, 3, 31),
                    **values,
                }
            )
        )

    def test_every_second_tuesday(self):
        rule = self._rule(rrule_type="weekly", interval=2, weekday="TUE", until=date(2026, 2, 28))
        rule.action_generate()
        visits = rule.visit_ids.sorted("start")
        self.assertEqual(
            visits.mapped("date"),
            [date(2026, 1, 6), date(2026, 1, 20), date(2026, 2, 3), date(2026, 2, 17)],
        )
        first = visits[0]
        self.assertEqual(
            (first.start, first.stop),
            (athens(date(2026, 1, 6), 9), athens(date(2026, 1, 6), 12, 30)),
        )
        self.assertEqual(first.duration, 3.5)
        # Each visit is an event of the crew's calendar.
        self.assertEqual(first.event_id.partner_ids, self.crew.partner_id)
        self.assertEqual(first.event_id.location, "Καφενείο της πλατείας")
        self.assertEqual(first.event_id.start, first.start)
        # Planning again adds nothing.
        rule.action_generate()
        self.assertEqual(len(rule.visit_ids), 4)

    def test_monthly_rules_second_tuesday_and_last_friday(self):
        second_tuesday = self._rule(rrule_type="monthly", weekday="TUE", byday="2")
        last_friday = self._rule(
            rrule_type="monthly", weekday="FRI", byday="-1", area_id=self.kotyli.id
        )
        (second_tuesday | last_friday).action_generate()
        self.assertEqual(
            second_tuesday.visit_ids.sorted("start").mapped("date"),
            [date(2026, 1, 13), date(2026, 2, 10), date(2026, 3, 10)],
        )
        self.assertEqual(
            last_friday.visit_ids.sorted("start").mapped("date"),
            [date(2026, 1, 30), date(2026, 2, 27), date(2026, 3, 27)],
        )

    def test_summer_time_keeps_the_local_hours(self):
        rule = self._rule(
            rrule_type="monthly",
            weekday="TUE",
            byday="2",
            date_from=date(2026, 3, 1),
            until=date(2026, 4, 30),
        )
        rule.action_generate()
        march, april = rule.visit_ids.sorted("start")
        # 09:00 in Athens is 07:00 UTC in winter and 06:00 UTC in summer.
        self.assertEqual((march.start.hour, april.start.hour), (7, 6))

    def test_bad_rules_and_visits_are_refused(self):
        with self.assertRaises(ValidationError):
            self._rule(until=date(2028, 6, 1))
        with self.assertRaises(ValidationError):
            self._rule(area_id=self.satres.id).action_generate()
        with self.assertRaises(ValidationError):
            self.new_visit(date(2026, 1, 7), area=self.satres)
        with self.assertRaises(ValidationError):
            self.new_visit(date(2026, 1, 7), centre_id=self.centre.id)
        self.assertFalse(
            self.env["kentro.mobile.visit"].search(
                [("centre_id", "in", (self.unit | self.centre).ids)]
            )
        )

    def test_a_cancelled_visit_leaves_the_calendar_and_the_poster(self):
        kept = self.new_visit(date(2026, 1, 7))
        cancelled = self.new_visit(date(2026, 1, 14), area=self.kotyli)
        cancelled.action_cancel()
        self.assertFalse(cancelled.event_id.active)
        poster = (
            self.env["kentro.mobile.poster"]
            .with_user(self.driver)
            .create({"centre_id": self.unit.id, "month": 1, "year": 2026})
        )
        rows = poster._rows()
        self.assertEqual([row["village"] for row in rows], [kept.area_id.name])
        self.assertEqual(rows[0]["hours"], "09:00–12:00")
