"""The read audit against a real Odoo server: a professional's reads of a
file's protected data over XML-RPC and over the web client's JSON-RPC each
leave their row in the access log, and the web client's reads stay read-only
requests (on a server with a replica, they run on it)."""

import http.cookiejar
import json
import urllib.request
import xmlrpc.client

import pytest

from .conftest import running_odoo


def _xmlrpc(url, test_db, login):
    uid = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common").authenticate(
        test_db, login, login, {}
    )
    models = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/object", allow_none=True)

    def call(model, method, *args, **kwargs):
        return models.execute_kw(test_db, uid, login, model, method, list(args), kwargs)

    return uid, call


def _rows(url, test_db, file_ids, user_id):
    """The access-log rows of ``file_ids`` by ``user_id``, as the head reads them."""
    _uid, head = _xmlrpc(url, test_db, "head")
    return head(
        "kentro.audit.log",
        "search_read",
        [("file_id", "in", file_ids), ("user_id", "=", user_id)],
        fields=["file_id", "action"],
    )


def test_xmlrpc_read_of_protected_data_writes_one_row_per_file(odoo_url, test_db):
    uid, professional = _xmlrpc(odoo_url, test_db, "professional")
    file_ids = professional("kentro.beneficiary", "search", [], limit=2, order="id desc")
    assert len(file_ids) == 2
    before = _rows(odoo_url, test_db, file_ids, uid)
    professional("kentro.beneficiary", "read", file_ids, fields=["name", "social_history"])
    after = _rows(odoo_url, test_db, file_ids, uid)
    new = [row for row in after if row not in before]
    assert sorted((row["file_id"], row["action"]) for row in new) == [
        (file_id, "read") for file_id in sorted(file_ids)
    ]
    # The name alone is not protected data: no row.
    professional("kentro.beneficiary", "read", file_ids, fields=["name"])
    assert len(_rows(odoo_url, test_db, file_ids, uid)) == len(after)


@pytest.fixture(scope="module")
def odoo_with_replica(test_db, tmp_path_factory):
    """A server whose read-only requests run on a read-only connection (an
    empty db_replica_host: the local socket, as Odoo's own tests do)."""
    log = tmp_path_factory.mktemp("odoo-replica") / "server.log"
    with running_odoo(test_db, log, "--db_replica_host=") as (url, _server):
        yield url, log


def test_web_client_read_stays_read_only_and_is_logged(odoo_with_replica, test_db):
    url, log = odoo_with_replica
    uid, professional = _xmlrpc(url, test_db, "professional")
    file_id = professional("kentro.beneficiary", "search", [], limit=1, order="id desc")[0]
    before = len(_rows(url, test_db, [file_id], uid))

    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )

    def json_rpc(path, params):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}).encode()
        request = urllib.request.Request(f"{url}{path}", body, {"Content-Type": "application/json"})
        with opener.open(request, timeout=60) as response:
            answer = json.load(response)
        assert "error" not in answer, answer
        return answer["result"]

    json_rpc(
        "/web/session/authenticate",
        {"db": test_db, "login": "professional", "password": "professional"},
    )
    values = json_rpc(
        "/web/dataset/call_kw/kentro.beneficiary/web_read",
        {
            "model": "kentro.beneficiary",
            "method": "web_read",
            "args": [[file_id], {"name": {}, "social_history": {}}],
            "kwargs": {},
        },
    )
    assert values[0]["id"] == file_id
    rows = _rows(url, test_db, [file_id], uid)
    assert len(rows) == before + 1
    assert rows[0]["action"] == "open"
    # Odoo logs each request with its cursor mode: "ro" for a request that
    # ran read-only to its end, "rw" or "ro->rw" otherwise.
    lines = [
        line
        for line in log.read_text().splitlines()
        if "/web/dataset/call_kw/kentro.beneficiary/web_read" in line
    ]
    assert lines and all(line.rstrip().endswith(" ro") for line in lines), lines
    assert "retrying with a read/write cursor" not in log.read_text()
