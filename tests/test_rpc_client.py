"""Client scenarios: an integrator's script and the browser's JSON-RPC, against
a real Odoo server started on the test database."""

import json
import urllib.request
import xmlrpc.client

import pytest

from .conftest import DEMO_LOGINS

pytestmark = pytest.mark.client


def _json_rpc(opener, url, params):
    body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}).encode()
    request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
    with opener.open(request, timeout=60) as response:
        return json.load(response)


@pytest.mark.parametrize("login", DEMO_LOGINS)
def test_demo_login_authenticates_over_xmlrpc(odoo_url, test_db, login):
    common = xmlrpc.client.ServerProxy(f"{odoo_url}/xmlrpc/2/common")
    uid = common.authenticate(test_db, login, login, {})
    assert isinstance(uid, int) and uid > 0


def test_wrong_password_is_refused(odoo_url, test_db):
    common = xmlrpc.client.ServerProxy(f"{odoo_url}/xmlrpc/2/common")
    assert common.authenticate(test_db, "reception", "not-the-password", {}) is False


def test_integrator_reads_structures_and_their_types(odoo_url, test_db):
    uid = xmlrpc.client.ServerProxy(f"{odoo_url}/xmlrpc/2/common").authenticate(
        test_db, "admin", "admin", {}
    )
    models = xmlrpc.client.ServerProxy(f"{odoo_url}/xmlrpc/2/object", allow_none=True)
    installed = models.execute_kw(
        test_db,
        uid,
        "admin",
        "ir.module.module",
        "search_read",
        [[("name", "like", "kentro_%")]],
        {"fields": ["name", "state"]},
    )
    assert {row["name"]: row["state"] for row in installed} == {
        "kentro_community": "installed",
        "kentro_roma_annex": "installed",
        "kentro_migrant_annex": "installed",
        "kentro_mobile_unit": "installed",
    }
    selection = models.execute_kw(
        test_db,
        uid,
        "admin",
        "kentro.centre",
        "fields_get",
        [["centre_type"]],
        {"attributes": ["selection"], "context": {"lang": "el_GR"}},
    )["centre_type"]["selection"]
    assert dict(selection) == {
        "centre": "Κέντρο Κοινότητας",
        "annex": "Παράρτημα",
        "roma_annex": "Παράρτημα Ρομά",
        "migrant_annex": "Παράρτημα ΚΕΜ",
        "mobile_unit": "Κινητή Μονάδα",
    }


def test_employee_without_centre_group_is_refused_over_xmlrpc(odoo_url, test_db):
    common = xmlrpc.client.ServerProxy(f"{odoo_url}/xmlrpc/2/common")
    models = xmlrpc.client.ServerProxy(f"{odoo_url}/xmlrpc/2/object", allow_none=True)
    admin = common.authenticate(test_db, "admin", "admin", {})
    login = "rpc_plain_employee"
    if not models.execute_kw(
        test_db, admin, "admin", "res.users", "search", [[("login", "=", login)]]
    ):
        models.execute_kw(
            test_db,
            admin,
            "admin",
            "res.users",
            "create",
            [{"name": "Λογιστήριο Δήμου", "login": login, "password": "rpc-Employee-1"}],
        )
    uid = common.authenticate(test_db, login, "rpc-Employee-1", {})
    with pytest.raises(xmlrpc.client.Fault, match="AccessError|not allowed to access"):
        models.execute_kw(test_db, uid, "rpc-Employee-1", "kentro.centre", "search_read", [[]])


def test_browser_session_reads_structures_over_json_rpc(odoo_url, test_db):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
    session = _json_rpc(
        opener,
        f"{odoo_url}/web/session/authenticate",
        {"db": test_db, "login": "head", "password": "head"},
    )
    assert session["result"]["uid"]
    answer = _json_rpc(
        opener,
        f"{odoo_url}/web/dataset/call_kw/kentro.centre/search_read",
        {
            "model": "kentro.centre",
            "method": "search_read",
            "args": [[("code", "=", "KK-CHIOS-P")]],
            "kwargs": {"fields": ["complete_name", "centre_type"]},
        },
    )
    assert answer["result"] == [
        {
            "id": answer["result"][0]["id"],
            "complete_name": "Κέντρο Κοινότητας Δήμου Χίου / Παράρτημα Κέντρου Κοινότητας Χίου",
            # kentro_roma_annex's demo makes the Chios annex its Roma annex.
            "centre_type": "roma_annex",
        }
    ]
    refused = _json_rpc(
        opener,
        f"{odoo_url}/web/dataset/call_kw/kentro.centre/create",
        {
            "model": "kentro.centre",
            "method": "create",
            "args": [{"name": "Κέντρο από τον υπεύθυνο"}],
            "kwargs": {},
        },
    )
    assert refused["error"]["data"]["name"] == "odoo.exceptions.AccessError"
