"""Two users book the same professional at the same moment, in two real
PostgreSQL transactions: exactly one booking is kept, the other user reads why.

The Python check cannot see a booking that another transaction has not
committed yet; the exclusion constraint can, and makes the second INSERT wait
for the first transaction, then refuses it."""

import threading
import time
from datetime import date, datetime, timedelta

import pytz

import odoo
from odoo import api
from odoo.exceptions import ValidationError
from odoo.sql_db import db_connect

ATHENS = pytz.timezone("Europe/Athens")


def _env(cr, login=None):
    env = api.Environment(cr, odoo.SUPERUSER_ID, {})
    if login:
        user = env["res.users"].search([("login", "=", login)])
        env = api.Environment(cr, user.id, {"lang": user.lang, "tz": user.tz})
    return env


def _slot():
    """10:00 Athens time on a Wednesday about two months ahead."""
    day = date.today() + timedelta(days=60)
    day += timedelta(days=(2 - day.weekday()) % 7)
    start = ATHENS.localize(datetime.combine(day, datetime.min.time()).replace(hour=10))
    start = start.astimezone(pytz.utc).replace(tzinfo=None)
    return start, start + timedelta(minutes=45)


def _booking(env, person_xmlid, start, stop):
    professional = env.ref("kentro_community.user_professional_demo")
    return env["calendar.event"].create(
        {
            "name": "x",
            "kentro_beneficiary_id": env.ref(f"kentro_community.{person_xmlid}").id,
            "kentro_service_type_id": env.ref(
                "kentro_community.kentro_service_type_counselling_adult"
            ).id,
            "user_id": professional.id,
            "partner_ids": [(4, professional.partner_id.id)],
            "start": start,
            "stop": stop,
        }
    )


def _clear(dbname, start, stop):
    with db_connect(dbname).cursor() as cr:
        env = _env(cr)
        env["calendar.event"].search(
            [("kentro_appointment", "=", True), ("start", "<", stop), ("stop", ">", start)]
        ).unlink()
        cr.commit()


def race(dbname, first, second):
    """``first(env)`` writes in one transaction and, before it commits,
    ``second(env)`` tries in another (each as reception): the second must wait
    for the first. Returns what ``first`` returned and what ``second`` returned
    or the message of the ValidationError it raised."""
    first_written, first_may_commit = threading.Event(), threading.Event()
    outcome = {}

    def run_first():
        with db_connect(dbname).cursor() as cr:
            outcome["first"] = first(_env(cr, "reception"))
            first_written.set()
            first_may_commit.wait(60)
            cr.commit()

    def run_second():
        with db_connect(dbname).cursor() as cr:
            try:
                outcome["second"] = second(_env(cr, "head"))
                cr.commit()
            except ValidationError as error:
                cr.rollback()
                outcome["second"] = str(error)

    try:
        thread_first = threading.Thread(target=run_first)
        thread_first.start()
        assert first_written.wait(60), "the first transaction did not write"
        thread_second = threading.Thread(target=run_second)
        thread_second.start()
        time.sleep(2)
        # The second INSERT waits on the first, uncommitted one.
        assert thread_second.is_alive()
        assert "second" not in outcome
        first_may_commit.set()
        thread_first.join(60)
        thread_second.join(60)
    finally:
        first_may_commit.set()
    return outcome.get("first"), outcome.get("second")


def test_two_simultaneous_bookings_of_one_professional(test_db):
    start, stop = _slot()
    _clear(test_db, start, stop)
    try:
        first, second = race(
            test_db,
            lambda env: _booking(env, "kentro_beneficiary_001_demo", start, stop).id,
            lambda env: _booking(env, "kentro_beneficiary_005_demo", start, stop) and "booked",
        )
        assert first
        assert "Μόλις έγινε κράτηση" in second, second
        with db_connect(test_db).cursor() as cr:
            kept = _env(cr)["calendar.event"].search(
                [("kentro_appointment", "=", True), ("start", "=", start)]
            )
            assert kept.ids == [first]
    finally:
        _clear(test_db, start, stop)
