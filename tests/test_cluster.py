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
import subprocess
import time
import urllib.request
import uuid

import pytest

from .conftest import REPO_ROOT, free_port

pytestmark = pytest.mark.cluster

SOCKET = REPO_ROOT / ".kentro" / "cluster" / "socket"
# PostgreSQL flushes a backend's table statistics when it has been idle for
# up to ten seconds (PG 15): the counters are read after that.
STATS_DELAY = 11


class Cluster:
    def __init__(self, db, front, primary_port):
        self.db, self.url = db, f"http://127.0.0.1:{front}"
        self.ports = {"primary": primary_port, "replica": primary_port + 1}

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

    def session(self, login):
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

        def call(path, params):
            request = urllib.request.Request(
                self.url + path,
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


@pytest.fixture(scope="module")
def cluster(test_db):
    front, primary = free_port(), 5434
    env = {
        **os.environ,
        "KENTRO_CLUSTER_FRONT": str(front),
        "KENTRO_CLUSTER_ODOO": f"{free_port()} {free_port()}",
        "KENTRO_CLUSTER_PG": str(primary),
    }
    script = str(REPO_ROOT / "scripts" / "cluster")
    subprocess.run(["bash", script, "down"], env=env, check=True, capture_output=True)
    started = subprocess.run(
        ["bash", script, "up", test_db], env=env, capture_output=True, text=True
    )
    assert started.returncode == 0, started.stdout + started.stderr
    try:
        yield Cluster(test_db, front, primary)
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
