"""Rights that change, statistics and wizards, tried over XML-RPC against a
real Odoo server with the demo logins (password = login): what a change made
in one request does to the next request of the user it concerns."""

import contextlib
import re
import xmlrpc.client

import pytest

from .conftest import RpcClient

pytestmark = pytest.mark.client

GREEK = {"lang": "el_GR"}


@pytest.fixture(scope="module")
def clients(odoo_url, test_db):
    return {
        login: RpcClient(odoo_url, test_db, login)
        for login in ("admin", "reception", "professional", "head", "supervisor")
    }


def xmlid(admin, name):
    [data] = admin(
        "ir.model.data",
        "search_read",
        [("module", "=", "kentro_community"), ("name", "=", name)],
        ["res_id"],
    )
    return data["res_id"]


@contextlib.contextmanager
def restored(admin, model, record_id, fields):
    """Puts ``fields`` of the record back as they were when the block ends."""
    [before] = admin(model, "read", [record_id], fields, load=None)
    values = {
        name: [(6, 0, value)] if isinstance(value, list) else value
        for name, value in before.items()
        if name != "id"
    }
    try:
        yield
    finally:
        admin(model, "write", [record_id], values)


def test_removed_from_the_staff_on_the_structure_form_reads_nothing_next(clients):
    admin, professional = clients["admin"], clients["professional"]
    chios = xmlid(admin, "kentro_centre_chios_demo")
    files = professional("kentro.beneficiary", "search_read", [], ["name"], limit=1)
    assert files, "the professional reads the files of Chios"
    with restored(admin, "kentro.centre", chios, ["staff_ids"]):
        admin("kentro.centre", "write", [chios], {"staff_ids": [(3, professional.uid)]})
        assert not professional("kentro.beneficiary", "search_read", [], ["name"])
        with pytest.raises(xmlrpc.client.Fault):
            professional("kentro.beneficiary", "read", [files[0]["id"]], ["name"])
    assert professional("kentro.beneficiary", "search_read", [], ["name"], limit=1)


def test_a_change_of_profession_changes_the_discipline_notes_next(clients):
    admin, professional = clients["admin"], clients["professional"]
    [role] = admin("res.users", "read", [professional.uid], ["kentro_role_id"])
    person = professional("kentro.beneficiary", "search", [], limit=1)[0]
    note = admin(
        "kentro.case.note",
        "create",
        {
            "beneficiary_id": person,
            "level": "discipline",
            "role_id": role["kentro_role_id"][0],
            "body": "<p>Σημείωμα της ειδικότητας.</p>",
        },
    )
    other_role = admin(
        "kentro.staff.role", "search", [("id", "!=", role["kentro_role_id"][0])], limit=1
    )[0]
    try:
        assert professional("kentro.case.note", "search", [("id", "=", note)]) == [note]
        with restored(admin, "res.users", professional.uid, ["kentro_role_id"]):
            admin("res.users", "write", [professional.uid], {"kentro_role_id": other_role})
            assert professional("kentro.case.note", "search", [("id", "=", note)]) == []
    finally:
        admin("kentro.case.note", "unlink", [note])


def test_an_archived_user_is_refused_at_the_next_request(clients, odoo_url, test_db):
    admin, reception = clients["admin"], clients["reception"]
    assert reception("kentro.beneficiary", "search", [], limit=1)
    admin("res.users", "write", [reception.uid], {"active": False})
    try:
        with pytest.raises(xmlrpc.client.Fault):
            reception("kentro.beneficiary", "search", [], limit=1)
    finally:
        admin("res.users", "write", [reception.uid], {"active": True})
    assert RpcClient(odoo_url, test_db, "reception")("kentro.beneficiary", "search", [], limit=1)


def test_the_supervisor_reads_totals_only(clients):
    supervisor = clients["supervisor"]
    with pytest.raises(xmlrpc.client.Fault):
        supervisor("kentro.beneficiary.report", "search_read", [], ["gender", "beneficiary_count"])
    with pytest.raises(xmlrpc.client.Fault):
        supervisor("kentro.beneficiary.report", "search_count", [("beneficiary_count", "=", 1)])
    groups = supervisor(
        "kentro.beneficiary.report",
        "read_group",
        [],
        ["beneficiary_count:sum"],
        ["centre_id", "gender", "age_band"],
        lazy=False,
    )
    assert groups
    assert all(group["beneficiary_count"] not in range(1, 5) for group in groups)
    assert all(group["__count"] not in range(1, 5) for group in groups)


def test_a_head_of_chios_cannot_print_lamia_and_reads_why_in_greek(clients):
    admin, head = clients["admin"], clients["head"]
    lamia = xmlid(admin, "kentro_centre_lamia_demo")
    [name] = admin("kentro.centre", "read", [lamia], ["name"])
    with pytest.raises(xmlrpc.client.Fault) as refusal:
        wizard = head("kentro.activity.report", "create", {"centre_id": lamia}, context=GREEK)
        head("kentro.activity.report", "action_print", [wizard], context=GREEK)
    assert re.search("[α-ω]", refusal.value.faultString)
    assert name["name"] not in refusal.value.faultString


def test_an_uploaded_spreadsheet_stays_with_its_uploader(clients):
    reception, professional = clients["reception"], clients["professional"]
    upload = reception(
        "base_import.import",
        "create",
        {
            "res_model": "kentro.beneficiary",
            "file": "last_name,first_name\nΔοκιμής,Άννα\n",
            "file_name": "people.csv",
        },
    )
    assert reception("base_import.import", "read", [upload], ["file_name"])
    assert not professional("base_import.import", "search_read", [], ["file", "file_name"])
    with pytest.raises(xmlrpc.client.Fault):
        professional("base_import.import", "read", [upload], ["file"])
