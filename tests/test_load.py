"""Twenty members of staff at once: Odoo in multi-worker mode, driven for a
minute by 20 XML-RPC clients that register beneficiaries (some with the same
ΑΜΚΑ, on purpose), book the same professionals at the same hours, record
services and correct the phone of the same few files (so that two workers
update one row at once and Odoo must retry). Every call either succeeds or is
refused with the business reason; the database then holds exactly what the
clients were told was saved, no ΑΜΚΑ twice, no professional booked twice at
one time.

Marked ``load``: scripts/test runs it only with --load or KENTRO_LOAD_TEST=1
(CI sets it). KENTRO_LOAD_SECONDS shortens the run while developing."""

import json
import os
import random
import re
import statistics
import tempfile
import threading
import time
import xmlrpc.client
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
import pytz

import odoo
from odoo import api
from odoo.sql_db import db_connect

from bench.generator import amka

from .conftest import running_odoo, workers_options

pytestmark = pytest.mark.load

LOAD_SECONDS = float(os.environ.get("KENTRO_LOAD_SECONDS", "60"))
CLIENTS = 20
LOGINS = ("reception", "professional", "head", "admin")
PROFESSIONALS = ("kentro_community.user_professional_demo", "kentro_community.user_head_demo")
SHARED_AMKAS = 5
MIN_REQUESTS = 200
REQUEST_TIMEOUT = 300
# The web client's context: refusals are read in Greek.
CONTEXT = {"lang": "el_GR", "tz": "Europe/Athens"}
ATHENS = pytz.timezone("Europe/Athens")
# Marks every person the run registers (the last name); no σ, which a name
# ending in it would turn into ς.
MARKER_PREFIX = "Φόρτος"
TOKEN_LETTERS = "αβγδεζηθικλμνξοπρτυφχψω"
FIRST_NAMES = ("Μαρία", "Γιώργος", "Ελένη", "Νίκος", "Κατερίνα", "Δημήτρης", "Σοφία", "Άννα")
REFUSALS = {
    # Checked before saving, or (a registration racing another) refused by
    # PostgreSQL's unique index and explained by the addon: both in Greek.
    "register": ("έχει ήδη καταγραφεί", "μόλις καταγράφηκε"),
    "book": ("έχει ήδη ραντεβού", "Μόλις έγινε κράτηση"),
}
LOG_RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (\w+) ", re.MULTILINE)
# Concurrency errors Odoo's RPC layer retries (odoo.service.model.retrying);
# each failed attempt is logged as a "bad query" first.
CONFLICTS = ("could not serialize access", "deadlock detected", "could not obtain lock")
# PostgreSQL refusing the second of two racing writes: Odoo logs the query
# ("bad query") before the addon or Odoo's RPC layer turns it into the refusal.
RACE_CONSTRAINTS = (
    "kentro_beneficiary_amka_company_uniq",
    "calendar_event_kentro_no_double_booking",
)


def _env(cr):
    return api.Environment(cr, odoo.SUPERUSER_ID, {})


@pytest.fixture(scope="module")
def odoo_workers(test_db, tmp_path_factory):
    """Odoo with two HTTP workers (the prefork server) on the test database;
    yields its URL and its log file."""
    log = tmp_path_factory.mktemp("odoo-load") / "server.log"
    # The test reads the log: the requests each worker served, the retries.
    with running_odoo(test_db, log, *workers_options(), "--log-level=info") as (url, _server):
        yield url, log


def _remove_run_records(dbname, marker_like):
    """Delete the people a load run registered (last name like ``marker_like``)
    with their appointments, services and contacts, so that later tests on the
    same database find it as before."""
    with db_connect(dbname).cursor() as cr:
        env = _env(cr)
        people = (
            env["kentro.beneficiary"]
            .with_context(active_test=False)
            .search([("last_name", "=like", marker_like)])
        )
        if people:
            contacts = people.partner_id
            env["calendar.event"].with_context(active_test=False).search(
                [("kentro_beneficiary_id", "in", people.ids)]
            ).unlink()
            env["kentro.service"].search([("beneficiary_id", "in", people.ids)]).unlink()
            people.unlink()
            contacts.unlink()
        cr.commit()


@pytest.fixture
def marker(test_db):
    """The last name of this run's people; they are removed afterwards, as are
    those of an earlier run that was interrupted."""
    _remove_run_records(test_db, f"{MARKER_PREFIX} %")
    token = "".join(random.choice(TOKEN_LETTERS) for _ in range(10)).capitalize()
    marker = f"{MARKER_PREFIX} {token}"
    yield marker
    _remove_run_records(test_db, marker)


def _opening_slots(env, centre, count, weeks_later=0):
    """``count`` one-hour slots (naive UTC) within the structure's opening hours,
    two years ahead (and ``weeks_later``), where no other test books."""
    calendar = centre._opening_calendar()
    first = date.today() + timedelta(days=730 + 7 * weeks_later)
    begin = ATHENS.localize(datetime.combine(first, datetime.min.time()))
    end = begin + timedelta(days=7 * (count // 20 + 4))
    slots = []
    for opens, closes, _records in calendar._work_intervals_batch(begin, end)[False]:
        cursor = opens
        while cursor + timedelta(hours=1) <= closes and len(slots) < count:
            slots.append(
                tuple(
                    moment.astimezone(pytz.utc).strftime("%Y-%m-%d %H:%M:%S")
                    for moment in (cursor, cursor + timedelta(hours=1))
                )
            )
            cursor += timedelta(hours=1)
    assert len(slots) == count, "the structure has too few opening hours for the load test"
    return slots


def _setup(dbname, weeks_later=0):
    with db_connect(dbname).cursor() as cr:
        env = _env(cr)
        centre = env.ref("kentro_community.kentro_centre_chios_demo")
        professionals = [env.ref(xmlid) for xmlid in PROFESSIONALS]
        return {
            "centre": centre.id,
            "professionals": [(user.id, user.partner_id.id) for user in professionals],
            "booking_type": env.ref("kentro_community.kentro_service_type_counselling_adult").id,
            "service_type": env.ref("kentro_community.kentro_service_type_information").id,
            "slots": _opening_slots(env, centre, 1000, weeks_later),
        }


class _Transport(xmlrpc.client.Transport):
    """One attempt per call, with a time limit: Python's client would send a
    call again when the connection drops, which could save a record twice
    behind the test's back; here a dropped or unanswered call is an error."""

    def make_connection(self, host):
        connection = super().make_connection(host)
        connection.timeout = REQUEST_TIMEOUT
        return connection

    def request(self, host, handler, request_body, verbose=False):
        return self.single_request(host, handler, request_body, verbose)


class LoadClient:
    """One member of staff at a desk, calling as fast as the server answers."""

    def __init__(self, index, url, db, setup, marker, amka_serial, shared_pool, hot_people):
        self.index, self.db, self.setup, self.marker = index, db, setup, marker
        self.login = LOGINS[index % len(LOGINS)]
        self.uid = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common").authenticate(
            db, self.login, self.login, {}
        )
        assert self.uid, f"{self.login} cannot log in"
        self.models = xmlrpc.client.ServerProxy(
            f"{url}/xmlrpc/2/object", allow_none=True, transport=_Transport()
        )
        self.rng = random.Random(index)
        self.amka_serial, self.shared_pool = amka_serial, shared_pool
        # The people of the shared ΑΜΚΑs, as their registrations succeed: a
        # list all clients share (appending is atomic).
        self.hot_people = hot_people
        self.people = []
        self.bookings_tried = 0
        self.registered = 0
        self.saved = {"register": [], "book": [], "service": [], "update": []}
        self.shared_saved = []
        self.refused = Counter()
        self.refusal_texts = Counter()
        self.errors = []
        self.latencies = []

    def _call(self, kind, model, method, *args):
        """Call ``method``; its result, or None when the call was refused or failed."""
        began = time.monotonic()
        try:
            result = self.models.execute_kw(
                self.db, self.uid, self.login, model, method, list(args), {"context": CONTEXT}
            )
        except xmlrpc.client.Fault as fault:
            expected = fault.faultCode == 2 and any(
                text in fault.faultString for text in REFUSALS.get(kind, ())
            )
            if expected:
                self.refused[kind] += 1
                text = re.sub(rf"{self.marker} \w+", "<person>", fault.faultString)
                self.refusal_texts[re.sub(r"\d", "#", text)[:160]] += 1
            else:
                self.errors.append(f"{kind}: fault {fault.faultCode}: {fault.faultString[-600:]}")
            return None
        except Exception as error:  # a timeout or a dropped call
            self.errors.append(f"{kind}: {type(error).__name__}: {error}")
            return None
        finally:
            self.latencies.append(time.monotonic() - began)
        return result

    def _create(self, kind, model, values):
        record_id = self._call(kind, model, "create", values)
        if record_id:
            self.saved[kind].append(record_id)
        return record_id

    def register(self, shared):
        if shared is not None:
            born, number = shared
        else:
            # A birth date and serial no other client, run or demo record uses.
            unique = self.index * 5000 + self.registered
            born = date(1940, 1, 1) + timedelta(days=unique % 20000)
            number = self.amka_serial + unique // 20000
        self.registered += 1
        values = {
            "last_name": self.marker,
            "first_name": self.rng.choice(FIRST_NAMES),
            "birthdate": born.isoformat(),
            "amka": amka(born, number),
            "centre_id": self.setup["centre"],
        }
        before = len(self.errors)
        person = self._create("register", "kentro.beneficiary", values)
        if person:
            self.people.append(person)
            if shared is not None:
                self.shared_saved.append((values["amka"], person))
                self.hot_people.append(person)
        elif shared is None and len(self.errors) == before:
            self.errors.append(f"register: unique ΑΜΚΑ {values['amka']} refused")

    def book(self):
        # Every client walks through the same slots in the same order, so that
        # about twenty calls race for the two professionals of each slot.
        slots = self.setup["slots"]
        start, stop = slots[self.bookings_tried % len(slots)]
        self.bookings_tried += 1
        user_id, partner_id = self.rng.choice(self.setup["professionals"])
        self._create(
            "book",
            "calendar.event",
            {
                "kentro_beneficiary_id": self.rng.choice(self.people),
                "kentro_service_type_id": self.setup["booking_type"],
                "kentro_centre_id": self.setup["centre"],
                "user_id": user_id,
                "partner_ids": [(4, partner_id)],
                "start": start,
                "stop": stop,
            },
        )

    def record_service(self):
        self._create(
            "service",
            "kentro.service",
            {
                "beneficiary_id": self.rng.choice(self.people),
                "service_type_id": self.setup["service_type"],
                "duration": self.rng.choice((15, 20, 30, 45)),
            },
        )

    def update_hot_file(self):
        """Correct the phone of one of the few files every client works on."""
        if not self.hot_people:
            self.register(None)
            return
        person = self.rng.choice(self.hot_people)
        phone = f"69{self.index:02d}{len(self.latencies):06d}"
        if self._call("update", "kentro.beneficiary", "write", [person], {"phone": phone}):
            self.saved["update"].append((person, phone))

    def run(self, start_together):
        start_together.wait()
        deadline = time.monotonic() + LOAD_SECONDS
        try:
            # All twenty open with the same ΑΜΚΑ: only one may be registered.
            self.register(self.shared_pool[0])
            while time.monotonic() < deadline:
                draw = self.rng.random()
                if not self.people or draw < 0.3:
                    self.register(None)
                elif draw < 0.4:
                    self.register(self.rng.choice(self.shared_pool))
                elif draw < 0.5:
                    self.update_hot_file()
                elif draw < 0.75:
                    self.book()
                else:
                    self.record_service()
        except Exception as error:  # reported with the other errors
            self.errors.append(f"client {self.index} stopped: {type(error).__name__}: {error}")


def _log_sizes(logs):
    """Where each log ends now: a run reads only what is written after."""
    return {log: log.stat().st_size if log.exists() else 0 for log in logs}


def _read_server_log(logs, requests, since):
    """What the server log says about the run (what ``logs`` gained after the
    offsets ``since``): the ERROR/CRITICAL records that are neither
    PostgreSQL refusing a racing write nor a concurrency conflict that Odoo
    retried, the conflicts it gave up retrying, how many of each kind, and how
    many XML-RPC calls each worker served."""
    for _attempt in range(20):
        # A worker logs a request once it has answered it.
        text = "".join(
            log.read_bytes()[since[log] :].decode("utf-8", errors="replace") for log in logs
        )
        served = Counter(
            match.group(1)
            for match in re.finditer(
                r"^[\d-]+ [\d:,]+ (\d+) .*\"POST /xmlrpc/2/object ", text, re.M
            )
        )
        if sum(served.values()) >= requests:
            break
        time.sleep(0.5)
    starts = [match.start() for match in LOG_RECORD.finditer(text)] + [len(text)]
    records = [text[begin:end] for begin, end in zip(starts, starts[1:], strict=False)]
    summary = {"problems": [], "races": 0, "conflicts": 0, "retried": 0, "served": served}
    for record in records:
        level = LOG_RECORD.match(record).group(1)
        if "maximum number of tries reached" in record:
            summary["problems"].append(record)
        elif "tries left, try again" in record:
            summary["retried"] += 1
        elif level in ("ERROR", "CRITICAL"):
            if "bad query" in record and any(name in record for name in RACE_CONSTRAINTS):
                summary["races"] += 1
            elif "bad query" in record and any(error in record for error in CONFLICTS):
                summary["conflicts"] += 1
            else:
                summary["problems"].append(record)
    return summary


def _database_state(dbname, marker, connection=None):
    """What the database holds after the run; ``connection`` (a psycopg2
    connection) reads another server than Odoo's configured one."""
    with connection.cursor() if connection else db_connect(dbname).cursor() as cr:
        cr.execute(
            """SELECT amka, company_id, count(*) FROM kentro_beneficiary
                WHERE amka IS NOT NULL GROUP BY amka, company_id HAVING count(*) > 1"""
        )
        duplicate_amkas = cr.fetchall()
        # The exclusion constraint's own condition, as a query.
        cr.execute(
            """SELECT a.id, b.id FROM calendar_event a
                 JOIN calendar_event b ON a.id < b.id AND a.user_id = b.user_id
                  AND tsrange(a.start, a.stop) && tsrange(b.start, b.stop)
                WHERE a.kentro_appointment AND a.active
                  AND a.kentro_attendance NOT IN ('cancelled_beneficiary', 'cancelled_centre')
                  AND b.kentro_appointment AND b.active
                  AND b.kentro_attendance NOT IN ('cancelled_beneficiary', 'cancelled_centre')"""
        )
        double_bookings = cr.fetchall()
        cr.execute(
            """SELECT person.id, person.amka, contact.phone FROM kentro_beneficiary person
                 JOIN res_partner contact ON contact.id = person.partner_id
                WHERE person.last_name = %s""",
            (marker,),
        )
        rows = cr.fetchall()
        people = {person: number for person, number, _phone in rows}
        phones = {person: phone for person, _number, phone in rows}
        cr.execute(
            "SELECT id FROM calendar_event WHERE kentro_beneficiary_id = ANY(%s)", (list(people),)
        )
        bookings = {row[0] for row in cr.fetchall()}
        cr.execute("SELECT id FROM kentro_service WHERE beneficiary_id = ANY(%s)", (list(people),))
        services = {row[0] for row in cr.fetchall()}
    return {
        "duplicate_amkas": duplicate_amkas,
        "double_bookings": double_bookings,
        "people": people,
        "phones": phones,
        "register": set(people),
        "book": bookings,
        "service": services,
    }


def _results_file():
    state = os.environ.get("KENTRO_STATE") or tempfile.gettempdir()
    Path(state).mkdir(parents=True, exist_ok=True)
    return Path(state) / "load-results.json"


def test_twenty_clients_for_a_minute_lose_and_double_nothing(odoo_workers, test_db, marker):
    url, log = odoo_workers
    run_load(url, test_db, marker, [log], workers=2)


def run_load(
    url,
    test_db,
    marker,
    logs,
    workers,
    connection=None,
    results=None,
    amka_serial=None,
    weeks_later=0,
):
    """Twenty clients for LOAD_SECONDS through ``url``, served by ``workers``
    HTTP workers that log to ``logs``; the database is read through
    ``connection`` when given (another server). Two runs on one database
    take two ``amka_serial`` (the ΑΜΚΑ of the people they register) and
    ``weeks_later`` apart (the appointments they book). Asserts that nothing
    was lost or doubled; returns the figures."""
    since = _log_sizes(logs)
    setup = _setup(test_db, weeks_later)
    amka_serial = amka_serial or random.randrange(9000, 9900)
    # Born before any person of the unique ΑΜΚΑ range (1940 onwards).
    shared_pool = [(date(1935, 3, 1) + timedelta(days=n), amka_serial) for n in range(SHARED_AMKAS)]
    hot_people = []
    clients = [
        LoadClient(index, url, test_db, setup, marker, amka_serial, shared_pool, hot_people)
        for index in range(CLIENTS)
    ]
    start_together = threading.Barrier(CLIENTS + 1)
    threads = [threading.Thread(target=client.run, args=(start_together,)) for client in clients]
    for thread in threads:
        thread.start()
    start_together.wait()
    began = time.monotonic()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - began

    kinds = ("register", "book", "service")
    saved = {
        kind: [i for client in clients for i in client.saved[kind]] for kind in (*kinds, "update")
    }
    refused = sum((client.refused for client in clients), Counter())
    errors = [error for client in clients for error in client.errors]
    latencies = [latency for client in clients for latency in client.latencies]
    shared_saved = [pair for client in clients for pair in client.shared_saved]
    requests = len(latencies)
    state = _database_state(test_db, marker, connection)
    phones_written = {}
    for person, phone in saved["update"]:
        phones_written.setdefault(person, set()).add(phone)
    # The phone a file ends with is one a client was told was saved.
    lost_updates = [
        person
        for person, phones in phones_written.items()
        if state["phones"].get(person) not in phones
    ]
    server_log = _read_server_log(logs, requests, since)
    figures = {
        "clients": CLIENTS,
        "workers": workers,
        "seconds": round(seconds, 1),
        "requests": requests,
        "requests_per_second": round(requests / seconds, 1),
        "latency_median_s": round(statistics.median(latencies), 3),
        "latency_p95_s": round(statistics.quantiles(latencies, n=20)[-1], 3),
        "per_kind": {
            kind: {
                "saved": len(saved[kind]),
                "refused": refused[kind],
                "errors": sum(error.startswith(f"{kind}:") for error in errors),
            }
            for kind in (*kinds, "update")
        },
        "duplicate_amka_refused": refused["register"],
        "booking_refused": refused["book"],
        "errors": len(errors),
        "races_refused_by_postgresql": server_log["races"],
        "conflicts_logged": server_log["conflicts"],
        "conflicts_retried_by_odoo": server_log["retried"],
        "requests_per_worker": sorted(server_log["served"].values()),
        "double_bookings": len(state["double_bookings"]),
        "duplicate_amkas": len(state["duplicate_amkas"]),
        "lost_writes": sum(len(set(saved[kind]) ^ state[kind]) for kind in kinds)
        + len(lost_updates),
        "refusal_messages": dict(
            sum((client.refusal_texts for client in clients), Counter()).most_common()
        ),
    }
    results = results or _results_file()
    results.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n")
    print(f"\nload test ({results}):\n{json.dumps(figures, ensure_ascii=False, indent=2)}")

    assert not errors, "\n".join(errors[:20])
    assert not server_log["problems"], "".join(server_log["problems"][:10])
    # Every worker served, and each call reached a server once.
    assert len(server_log["served"]) == workers, server_log["served"]
    assert sum(server_log["served"].values()) == requests
    assert not state["double_bookings"], state["double_bookings"]
    assert not state["duplicate_amkas"], state["duplicate_amkas"]
    for kind in kinds:
        assert len(saved[kind]) == len(set(saved[kind])), f"{kind}: an id returned twice"
        assert set(saved[kind]) == state[kind], f"{kind}: the server holds other records"
    assert not lost_updates, lost_updates
    assert saved["update"]
    # Each shared ΑΜΚΑ was registered at most once (the first, tried by all
    # twenty clients at the start, exactly once), for the client told so.
    shared_people = dict(shared_saved)
    assert len(shared_people) == len(shared_saved), "a shared ΑΜΚΑ registered twice"
    assert amka(*shared_pool[0]) in shared_people
    assert all(state["people"][person] == number for number, person in shared_people.items())
    assert refused["register"] >= CLIENTS - 1
    assert refused["book"] > 0
    assert all(saved[kind] for kind in kinds)
    assert requests > MIN_REQUESTS * LOAD_SECONDS / 60
    return figures
