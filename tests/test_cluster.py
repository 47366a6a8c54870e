"""Kentro on the local cluster of scripts/cluster: a PostgreSQL primary and its
streaming replica, two Odoo servers with workers, nginx in front. Reads go to
the replica and writes, the read audit included, to the primary; checked
through each server's own statistics (pg_stat_user_tables, pg_stat_replication),
not through Kentro's logs.

Marked ``cluster``: it copies the test database and starts five processes, so
it runs with ``scripts/test --load`` and in CI, as the load test does."""

import http.cookiejar
import json
import os
import random
import subprocess
import threading
import time
import urllib.request
import uuid
from pathlib import Path

import psycopg2
import pytest

from .conftest import REPO_ROOT, free_port
from .test_load import MARKER_PREFIX, TOKEN_LETTERS, run_load

pytestmark = pytest.mark.cluster

CLUSTER = REPO_ROOT / ".kentro" / "cluster"
SOCKET = CLUSTER / "socket"
# PostgreSQL flushes a backend's table statistics when it has been idle for
# up to ten seconds (PG 15): the counters are read after that.
STATS_DELAY = 11


class Cluster:
    def __init__(self, db, front, primary_port, odoo_ports, env):
        self.db, self.url = db, f"http://127.0.0.1:{front}"
        self.ports = {"primary": primary_port, "replica": primary_port + 1}
        self.odoo_ports, self.env = odoo_ports, env

    def sql(self, server, query):
        out = subprocess.run(
            ["psql", "-X", "-h", str(SOCKET), "-p", str(self.ports[server]), "-d", self.db]
            + ["-tAc", query],
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.strip()

    def table_stats(self, server, table):
        """(scans, rows inserted) of ``table`` as ``server`` counted them."""
        row = self.sql(
            server,
            "SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0), n_tup_ins "
            f"FROM pg_stat_user_tables WHERE relname = '{table}'",
        )
        scans, inserted = row.split("|")
        return int(scans), int(inserted)

    def session(self, login, url=None):
        url = url or self.url
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

        def call(path, params):
            request = urllib.request.Request(
                url + path,
                json.dumps({"jsonrpc": "2.0", "params": params}).encode(),
                {"Content-Type": "application/json"},
            )
            with opener.open(request, timeout=60) as answer:
                reply = json.load(answer)
            assert "error" not in reply, reply["error"]
            return reply["result"]

        result = call(
            "/web/session/authenticate", {"db": self.db, "login": login, "password": login}
        )
        assert result["uid"], f"{login} cannot log in"

        def call_kw(model, method, *args, **kwargs):
            return call(
                f"/web/dataset/call_kw/{model}/{method}",
                {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
            )

        return call_kw


def new_marker():
    """A last name of letters only (as names must be), new each run."""
    return "Συστάδα " + "".join(
        "αβγδεζηθικλμνξοπ"[int(digit, 16)] for digit in uuid.uuid4().hex[:8]
    )


def register(call_kw, marker):
    structure = call_kw("kentro.centre", "search_read", [], fields=["id"], limit=1)[0]["id"]
    return call_kw(
        "kentro.beneficiary",
        "create",
        {"first_name": "Ελένη", "last_name": marker, "centre_id": structure},
    )


@pytest.fixture(scope="module")
def cluster(test_db):
    front, primary, odoo_ports = free_port(), 5434, (free_port(), free_port())
    env = {
        **os.environ,
        "KENTRO_CLUSTER_FRONT": str(front),
        "KENTRO_CLUSTER_ODOO": " ".join(map(str, odoo_ports)),
        "KENTRO_CLUSTER_PG": str(primary),
    }
    script = str(REPO_ROOT / "scripts" / "cluster")
    subprocess.run(["bash", script, "down"], env=env, check=True, capture_output=True)
    started = subprocess.run(
        ["bash", script, "up", test_db], env=env, capture_output=True, text=True
    )
    assert started.returncode == 0, started.stdout + started.stderr
    try:
        yield Cluster(test_db, front, primary, odoo_ports, env)
    finally:
        subprocess.run(["bash", script, "down"], env=env, capture_output=True)


def test_the_replica_is_a_streaming_replica_of_the_primary(cluster):
    assert cluster.sql("replica", "SELECT pg_is_in_recovery()") == "t"
    assert cluster.sql("primary", "SELECT pg_is_in_recovery()") == "f"
    assert cluster.sql("primary", "SELECT state FROM pg_stat_replication") == "streaming"


def test_reads_are_served_by_the_replica_and_the_read_audit_reaches_the_primary(cluster):
    call_kw = cluster.session("professional")
    before = {
        server: (
            cluster.table_stats(server, "kentro_beneficiary"),
            cluster.table_stats(server, "kentro_audit_log"),
        )
        for server in cluster.ports
    }
    requests = 20
    for _ in range(requests):
        # A list with a protected field: the read audit writes a row per file.
        rows = call_kw(
            "kentro.beneficiary",
            "search_read",
            [],
            fields=["name", "social_history"],
            limit=3,
        )
        assert rows
    time.sleep(STATS_DELAY)
    after = {
        server: (
            cluster.table_stats(server, "kentro_beneficiary"),
            cluster.table_stats(server, "kentro_audit_log"),
        )
        for server in cluster.ports
    }
    replica_scans = after["replica"][0][0] - before["replica"][0][0]
    assert replica_scans >= requests, "each list was read from the replica"
    audit_rows = after["primary"][1][1] - before["primary"][1][1]
    assert audit_rows >= requests, "the read audit wrote its rows on the primary"
    # The replica writes nothing of its own: what it holds it replays.
    assert after["replica"][1][1] == before["replica"][1][1]


def test_writes_reach_the_primary_and_the_replica_follows(cluster):
    call_kw = cluster.session("professional")
    # A name of letters only, new each run.
    marker = "Συστάδα " + "".join(
        "αβγδεζηθικλμνξοπ"[int(digit, 16)] for digit in uuid.uuid4().hex[:8]
    )
    before = cluster.table_stats("primary", "kentro_beneficiary")[1]
    structures = call_kw("kentro.centre", "search_read", [], fields=["id"], limit=1)
    person = call_kw(
        "kentro.beneficiary",
        "create",
        {"first_name": "Ελένη", "last_name": marker, "centre_id": structures[0]["id"]},
    )
    written = time.monotonic()
    # The record reaches the replica: the lag is bounded.
    while (
        cluster.sql("replica", f"SELECT count(*) FROM kentro_beneficiary WHERE id = {person}")
        != "1"
    ):
        assert time.monotonic() - written < 10, "the replica did not receive the write in 10 s"
        time.sleep(0.05)
    lag = time.monotonic() - written
    print(f"replica lag after a write: {lag * 1000:.0f} ms")
    # And a read through the front, which the replica serves, finds it.
    found = call_kw(
        "kentro.beneficiary", "search_read", [("last_name", "=", marker)], fields=["id"]
    )
    assert [row["id"] for row in found] == [person]
    time.sleep(STATS_DELAY)
    assert cluster.table_stats("primary", "kentro_beneficiary")[1] > before


class LagSampler(threading.Thread):
    """The replica's replay lag as the primary reports it, every half second,
    until stopped; ``largest`` in milliseconds."""

    def __init__(self, cluster):
        super().__init__(daemon=True)
        self.cluster, self.stopped, self.lags = cluster, threading.Event(), [0.0]

    def run(self):
        while not self.stopped.is_set():
            lag = self.cluster.sql(
                "primary",
                "SELECT coalesce(max(extract(epoch FROM replay_lag)) * 1000, 0) "
                "FROM pg_stat_replication",
            )
            self.lags.append(float(lag))
            self.stopped.wait(0.5)

    @property
    def largest(self):
        return max(self.lags)


def test_twenty_clients_through_one_server_then_through_the_front(cluster):
    """The load test of test_load.py twice, each with its own people: through
    one Odoo server (its two workers), then through nginx to both servers'
    four workers. Each run asserts what the load test asserts, the database
    read on the primary afterwards; the replica's lag is sampled meanwhile.
    Requests per second of both, and the largest lag, are printed and
    written to load-cluster-results.json."""
    connection = psycopg2.connect(
        host=str(SOCKET), port=cluster.ports["primary"], dbname=cluster.db
    )
    state = Path(os.environ.get("KENTRO_STATE") or "/tmp")
    runs = {}
    try:
        serials = random.sample(range(9000, 9900), 2)
        setups = (
            ("one", f"http://127.0.0.1:{cluster.odoo_ports[0]}", [CLUSTER / "odoo1.log"], 2),
            ("two", cluster.url, [CLUSTER / "odoo1.log", CLUSTER / "odoo2.log"], 4),
        )
        for run, ((name, url, logs, workers), serial) in enumerate(
            zip(setups, serials, strict=True)
        ):
            token = "".join(random.choice(TOKEN_LETTERS) for _ in range(10)).capitalize()
            sampler = LagSampler(cluster)
            sampler.start()
            try:
                figures = run_load(
                    url,
                    cluster.db,
                    f"{MARKER_PREFIX} {token}",
                    logs,
                    workers=workers,
                    connection=connection,
                    results=state / f"load-cluster-{name}.json",
                    amka_serial=serial,
                    # Past the slots the first run booked (1,000 in 54 weeks).
                    weeks_later=60 * run,
                )
            finally:
                sampler.stopped.set()
                sampler.join()
            figures["largest_replica_lag_ms"] = round(sampler.largest)
            runs[name] = figures
    finally:
        connection.close()
    summary = {
        "requests_per_second_one_server": runs["one"]["requests_per_second"],
        "requests_per_second_two_servers": runs["two"]["requests_per_second"],
        "largest_replica_lag_ms": max(run["largest_replica_lag_ms"] for run in runs.values()),
        "runs": runs,
    }
    (state / "load-cluster-results.json").write_text(
        json.dumps(summary, ensure_ascii=False, indent=2) + "\n"
    )
    print(
        f"\ntwenty clients: {summary['requests_per_second_one_server']} requests/s through one "
        f"Odoo server, {summary['requests_per_second_two_servers']} through nginx and two; "
        f"largest replica replay lag {summary['largest_replica_lag_ms']} ms"
    )
    for figures in runs.values():
        assert figures["lost_writes"] == 0
        assert figures["errors"] == 0
    assert summary["largest_replica_lag_ms"] < 2000, "the replica kept up"


def test_a_server_killed_under_load_loses_nothing_acknowledged(cluster):
    """Six clients register people through the front; one Odoo server is
    killed (SIGKILL, master and workers) in the middle: the next requests are
    served by the other, and every registration a client was told of is in
    the primary."""
    marker, stop, kill_at = new_marker(), threading.Event(), {}
    acknowledged, failed = [], []

    def client():
        call_kw = cluster.session("professional")
        while not stop.is_set():
            try:
                acknowledged.append((time.monotonic(), register(call_kw, marker)))
            # A failed request is counted, whatever its error, not raised.
            except Exception as error:
                failed.append((time.monotonic(), repr(error)))

    threads = [threading.Thread(target=client) for _ in range(6)]
    for thread in threads:
        thread.start()
    time.sleep(4)
    kill_at["t"] = time.monotonic()
    subprocess.run(["pkill", "-9", "-f", "--", f"--http-port={cluster.odoo_ports[0]}"], check=True)
    time.sleep(6)
    stop.set()
    for thread in threads:
        thread.join(timeout=120)
    after_kill = [at for at, _person in acknowledged if at > kill_at["t"] + 1]
    print(
        f"registered {len(acknowledged)}, failed {len(failed)}, "
        f"served after the kill {len(after_kill)}"
    )
    assert after_kill, "the other server served the requests that followed"
    # Only requests in flight on the killed server may fail (one per client).
    assert len(failed) <= len(threads), failed
    assert all(at <= kill_at["t"] + 1 for at, _error in failed), failed
    ids = [person for _at, person in acknowledged]
    stored = cluster.sql(
        "primary", f"SELECT count(*) FROM kentro_beneficiary WHERE last_name = '{marker}'"
    )
    in_db = cluster.sql(
        "primary",
        f"SELECT count(*) FROM kentro_beneficiary WHERE id IN ({','.join(map(str, ids))})",
    )
    assert int(in_db) == len(ids), "an acknowledged registration is missing"
    # A request cut short may have saved without answering: never more than one per client.
    assert len(ids) <= int(stored) <= len(ids) + len(threads)


def test_failover_to_the_replica_loses_no_acknowledged_write(cluster):
    """The primary stops as if lost; the replica is promoted and the servers
    restart on it (scripts/cluster failover): every write acknowledged before
    holds, and the time to serve again is printed."""
    call_kw = cluster.session("professional")
    marker = new_marker()
    ids = [register(call_kw, marker) for _ in range(20)]
    began = time.monotonic()
    done = subprocess.run(
        ["bash", str(REPO_ROOT / "scripts" / "cluster"), "failover", cluster.db],
        env=cluster.env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    call_kw = cluster.session("professional")
    later = register(call_kw, marker)
    recovery = time.monotonic() - began
    assert cluster.sql("replica", "SELECT pg_is_in_recovery()") == "f", "the replica was promoted"
    found = cluster.sql(
        "replica",
        f"SELECT count(*) FROM kentro_beneficiary WHERE id IN ({','.join(map(str, ids))})",
    )
    lost = len(ids) - int(found)
    print(f"failover: {lost} acknowledged writes lost (RPO), serving again after {recovery:.1f} s")
    assert lost == 0
    assert later not in ids
