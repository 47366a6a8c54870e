"""A worker killed (SIGKILL) in the middle of a large import: the batch it was
writing leaves nothing behind, the batches before it are whole, and importing
the same file again succeeds.

Odoo runs with two workers, as in production; the file goes through the import
wizard's own server calls (base_import.import, execute_import), over XML-RPC,
as the reception user."""

import csv
import io
import os
import signal
import threading
import time
import uuid
import xmlrpc.client
from datetime import date, timedelta

import psutil
import psycopg2
import pytest

from bench.generator import amka

from .conftest import running_odoo, wait_for_login_page, workers_options

pytestmark = pytest.mark.client

ROWS = 6000
FIELDS = ["last_name", "first_name", "birthdate", "amka", "household_key"]
# Letters only: a name has no digits and one alphabet per word.
AS_LETTERS = str.maketrans("0123456789abcdef", "αβγδεζηθικλμνξοπ")


@pytest.fixture(scope="module")
def workers_server(test_db, tmp_path_factory):
    """Odoo with two HTTP workers on the test database; yields (url, master process)."""
    log = tmp_path_factory.mktemp("odoo-workers") / "server.log"
    with running_odoo(test_db, log, *workers_options()) as server:
        yield server


def _file(token, first_birthdate):
    """A CSV of ``ROWS`` people (households of two), all marked with ``token``."""
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow(["Επώνυμο", "Όνομα", "Ημερομηνία γέννησης", "ΑΜΚΑ", "Νοικοκυριό στο αρχείο"])
    for serial in range(ROWS):
        born = first_birthdate + timedelta(days=serial)
        writer.writerow(
            [
                f"Κατάρρευση{token}",
                f"Πρόσωπο {str(serial).translate(AS_LETTERS)}",
                born,
                amka(born, 7000 + serial % 2000),
                f"Σ{serial // 2}",
            ]
        )
    return stream.getvalue().encode()


class _OneAttempt(xmlrpc.client.Transport):
    """Python's XML-RPC client sends a request again when the connection
    drops; here the test must see the killed call fail, not a second call."""

    def request(self, host, handler, request_body, verbose=False):
        return self.single_request(host, handler, request_body, verbose)


class Client:
    def __init__(self, url, db, login):
        self.db, self.login = db, login
        self.uid = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common").authenticate(
            db, login, login, {}
        )
        self.models = xmlrpc.client.ServerProxy(
            f"{url}/xmlrpc/2/object", allow_none=True, transport=_OneAttempt()
        )

    def call(self, model, method, *args, **kwargs):
        return self.models.execute_kw(
            self.db, self.uid, self.login, model, method, list(args), kwargs
        )

    def wizard(self, content):
        return self.call(
            "base_import.import",
            "create",
            {
                "res_model": "kentro.beneficiary",
                # The raw file, as the wizard's upload stores it (UTF-8 CSV here).
                "file": content.decode(),
                "file_name": "people.csv",
                "file_type": "text/csv",
            },
        )

    def execute(self, wizard, limit, skip=0):
        options = {
            "has_headers": True,
            "quoting": '"',
            "separator": ",",
            "encoding": "utf-8",
            "date_format": "%Y-%m-%d",
            "limit": limit,
            "skip": skip,
        }
        return self.call(
            "base_import.import",
            "execute_import",
            [wizard],
            FIELDS,
            FIELDS,
            options,
            context={"lang": "el_GR"},
        )


def _database(test_db):
    return psycopg2.connect(dbname=test_db)


def _imported(test_db, token):
    """People and households that the file marked with ``token`` left in the database."""
    with _database(test_db) as connection, connection.cursor() as cr:
        cr.execute(
            "SELECT count(*), count(DISTINCT household_id), count(household_id) "
            "FROM kentro_beneficiary WHERE last_name = %s",
            (f"Κατάρρευση{token}",),
        )
        people, households, with_household = cr.fetchone()
        cr.execute("SELECT count(*) FROM res_partner WHERE name LIKE %s", (f"Κατάρρευση{token}%",))
        (contacts,) = cr.fetchone()
    return {
        "people": people,
        "households": households,
        "with_household": with_household,
        "contacts": contacts,
    }


def _contacts_allocated(cr):
    """Contact ids handed out so far: a sequence moves at once, whatever the
    transaction that took the ids, committed or not."""
    cr.execute("SELECT last_value FROM res_partner_id_seq")
    return cr.fetchone()[0]


def _kill_worker_while_it_writes(test_db, server, call, rows):
    """Run ``call`` in a thread, SIGKILL the HTTP workers once the import has
    created the contacts of ``rows`` people (uncommitted, the people being
    written next), and return what the client saw."""
    outcome = {}

    def run():
        try:
            outcome["result"] = call()
        except (OSError, xmlrpc.client.ProtocolError, xmlrpc.client.Fault) as error:
            outcome["error"] = error

    with _database(test_db) as connection:
        connection.autocommit = True
        with connection.cursor() as cr:
            before = _contacts_allocated(cr)
            thread = threading.Thread(target=run)
            thread.start()
            deadline = time.monotonic() + 300
            while _contacts_allocated(cr) < before + rows:
                assert time.monotonic() < deadline, "the import never created the contacts"
                assert thread.is_alive(), "the import ended before it was killed"
                time.sleep(0.05)
    workers = psutil.Process(server.pid).children()
    assert workers, "the server has workers"
    for worker in workers:
        os.kill(worker.pid, signal.SIGKILL)
    thread.join(120)
    assert "error" in outcome, "the killed call did not fail"
    return outcome


def _wait_for_rollback(test_db):
    """The killed worker's database session ends (its transaction rolls back)."""
    deadline = time.monotonic() + 60
    with _database(test_db) as connection:
        connection.autocommit = True
        with connection.cursor() as cr:
            while time.monotonic() < deadline:
                cr.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = %s "
                    "AND state IN ('active', 'idle in transaction') AND pid <> pg_backend_pid()",
                    (test_db,),
                )
                if not cr.fetchone()[0]:
                    return
                time.sleep(0.2)


@pytest.fixture
def token(test_db):
    """A mark for this test's people; they, their households and contacts are
    deleted afterwards, so that the database is as the next tests expect."""
    token = uuid.uuid4().hex[:8].translate(AS_LETTERS)
    yield token
    with _database(test_db) as connection, connection.cursor() as cr:
        name = f"Κατάρρευση{token}"
        cr.execute(
            "SELECT id, partner_id, household_id FROM kentro_beneficiary WHERE last_name = %s",
            (name,),
        )
        rows = cr.fetchall()
        people = [row[0] for row in rows] or [0]
        cr.execute("DELETE FROM kentro_beneficiary WHERE id = ANY(%s)", (people,))
        households = list({row[2] for row in rows if row[2]}) or [0]
        cr.execute("DELETE FROM kentro_household WHERE id = ANY(%s)", (households,))
        cr.execute("DELETE FROM res_partner WHERE name LIKE %s", (f"{name}%",))


def test_a_killed_import_leaves_nothing_and_the_same_file_imports_again(
    workers_server, test_db, token
):
    url, server = workers_server
    content = _file(token, date(1940, 1, 1))
    client = Client(url, test_db, "reception")
    wizard = client.wizard(content)

    # The whole file in one batch: killed while writing, nothing is left.
    _kill_worker_while_it_writes(test_db, server, lambda: client.execute(wizard, ROWS + 1), ROWS)
    _wait_for_rollback(test_db)
    assert _imported(test_db, token) == {
        "people": 0,
        "households": 0,
        "with_household": 0,
        "contacts": 0,
    }

    # The master started new workers: the same file imports, whole.
    wait_for_login_page(url, server, "the server did not come back after its workers died")
    client = Client(url, test_db, "reception")
    result = client.execute(client.wizard(content), ROWS + 1)
    assert result["messages"] == []
    assert len(result["ids"]) == ROWS
    assert _imported(test_db, token) == {
        "people": ROWS,
        "households": ROWS // 2,
        "with_household": ROWS,
        "contacts": ROWS,
    }


def test_a_killed_batch_leaves_the_earlier_batches_whole_and_the_import_resumes(
    workers_server, test_db, token
):
    url, server = workers_server
    content = _file(token, date(1960, 1, 1))
    client = Client(url, test_db, "reception")
    wizard = client.wizard(content)
    batch = 2000

    first = client.execute(wizard, batch)
    assert first["messages"] == [] and first["nextrow"] == batch
    _kill_worker_while_it_writes(
        test_db, server, lambda: client.execute(wizard, batch, batch), batch
    )
    _wait_for_rollback(test_db)
    assert _imported(test_db, token) == {
        "people": batch,
        "households": batch // 2,
        "with_household": batch,
        "contacts": batch,
    }, "the first batch whole, nothing of the second"

    # Resuming where the wizard stopped imports the rest of the same file.
    wait_for_login_page(url, server, "the server did not come back after its workers died")
    client = Client(url, test_db, "reception")
    ids = list(first["ids"])
    skip = batch
    while skip:
        result = client.execute(wizard, batch, skip)
        assert result["messages"] == []
        ids += result["ids"]
        skip = result["nextrow"]
    assert len(ids) == ROWS
    assert _imported(test_db, token) == {
        "people": ROWS,
        "households": ROWS // 2,
        "with_household": ROWS,
        "contacts": ROWS,
    }
