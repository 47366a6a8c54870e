from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import MobileCase

CLEAN_MONDAY = date(2027, 3, 15)


@tagged("kentro", "kentro_mobile")
class TestVisitOnHoliday(MobileCase):
    @freeze_time("2027-01-04 09:00:00")
    def test_a_visit_on_a_public_holiday_is_flagged(self):
        self.env["kentro.centre"]._cron_kentro_holidays()
        on_holiday = self.new_visit(CLEAN_MONDAY)
        next_day = self.new_visit(date(2027, 3, 16))
        self.assertEqual(on_holiday.holiday, "Καθαρά Δευτέρα")
        self.assertFalse(next_day.holiday)

    @freeze_time("2027-01-04 09:00:00")
    def test_a_repeat_rule_flags_its_visits_on_holidays(self):
        self.env["kentro.centre"]._cron_kentro_holidays()
        rule = (
            self.env["kentro.mobile.schedule"]
            .with_user(self.social_worker)
            .create(
                {
                    "centre_id": self.unit.id,
                    "area_id": self.glafki.id,
                    "user_ids": [(6, 0, self.crew.ids)],
                    "weekday": "MON",
                    "date_from": date(2027, 3, 8),
                    "until": date(2027, 3, 24),
                }
            )
        )
        rule.action_generate()
        flagged = {visit.date: visit.holiday for visit in rule.visit_ids}
        self.assertEqual(
            flagged,
            {date(2027, 3, 8): False, CLEAN_MONDAY: "Καθαρά Δευτέρα", date(2027, 3, 22): False},
        )
