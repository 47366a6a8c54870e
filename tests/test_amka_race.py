"""Two receptionists register the same person (same ΑΜΚΑ) at the same moment,
in two real PostgreSQL transactions: the check before saving cannot see the
other's uncommitted file, the unique index can; one file is kept and the other
receptionist reads why, in Greek."""

import threading
import time
from datetime import date

from odoo.exceptions import ValidationError
from odoo.sql_db import db_connect

from bench.generator import amka

from .test_double_booking import _env

BIRTHDATE = date(1931, 5, 17)
NUMBER = amka(BIRTHDATE, 4242)


def _register(env, first_name):
    return env["kentro.beneficiary"].create(
        {
            "last_name": "Ταυτόχρονη",
            "first_name": first_name,
            "birthdate": BIRTHDATE,
            "amka": NUMBER,
        }
    )


def _clear(dbname):
    with db_connect(dbname).cursor() as cr:
        people = _env(cr)["kentro.beneficiary"].search([("amka", "=", NUMBER)])
        partners = people.partner_id
        people.unlink()
        partners.unlink()
        cr.commit()


def test_two_simultaneous_registrations_of_one_amka(test_db):
    _clear(test_db)
    first_written, first_may_commit = threading.Event(), threading.Event()
    outcome = {}

    def first():
        with db_connect(test_db).cursor() as cr:
            env = _env(cr, "reception")
            outcome["first"] = _register(env(context=dict(env.context, lang="el_GR")), "Πρώτη").id
            first_written.set()
            first_may_commit.wait(60)
            cr.commit()

    def second():
        with db_connect(test_db).cursor() as cr:
            env = _env(cr, "reception")
            try:
                _register(env(context=dict(env.context, lang="el_GR")), "Δεύτερη")
                cr.commit()
                outcome["second"] = "registered"
            except ValidationError as error:
                cr.rollback()
                outcome["second"] = str(error)

    try:
        thread_first = threading.Thread(target=first)
        thread_first.start()
        assert first_written.wait(60), "the first file was not written"
        thread_second = threading.Thread(target=second)
        thread_second.start()
        time.sleep(2)
        # The second INSERT waits on the first, uncommitted one.
        assert thread_second.is_alive()
        first_may_commit.set()
        thread_first.join(60)
        thread_second.join(60)
        assert outcome["first"]
        assert "μόλις καταγράφηκε" in outcome["second"], outcome["second"]
        with db_connect(test_db).cursor() as cr:
            kept = _env(cr)["kentro.beneficiary"].search([("amka", "=", NUMBER)])
            assert kept.ids == [outcome["first"]]
            assert kept.first_name == "Πρώτη"
    finally:
        first_may_commit.set()
        _clear(test_db)
