"""Two members of staff register the same person (same ΑΜΚΑ) at the same moment,
in two real PostgreSQL transactions: the check before saving cannot see the
other's uncommitted file, the unique index can; one file is kept and the other
member of staff reads why, in Greek."""

from datetime import date

from odoo.sql_db import db_connect

from bench.generator import amka

from .test_double_booking import _env, race

BIRTHDATE = date(1931, 5, 17)
NUMBER = amka(BIRTHDATE, 4242)


def _register(env, first_name):
    """A registration as the user of ``env`` reads it: in Greek."""
    env = env(context=dict(env.context, lang="el_GR"))
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
    try:
        first, second = race(
            test_db,
            lambda env: _register(env, "Πρώτη").id,
            lambda env: _register(env, "Δεύτερη") and "registered",
        )
        assert first
        assert "μόλις καταγράφηκε" in second, second
        with db_connect(test_db).cursor() as cr:
            kept = _env(cr)["kentro.beneficiary"].search([("amka", "=", NUMBER)])
            assert kept.ids == [first]
            assert kept.first_name == "Πρώτη"
    finally:
        _clear(test_db)
