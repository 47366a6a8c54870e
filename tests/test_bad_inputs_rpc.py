"""The bad-input corpus (kentro_community/tests/bad_inputs.json) over XML-RPC,
against a real server, as the demo staff member who would send it: every
refusal is a business message in Greek (a warning, never a server error with
a traceback) and leaves nothing written; what is accepted reads back as the
corpus says. CSV entries go through the import wizard's model over RPC."""

import importlib.util
import xmlrpc.client
from datetime import date
from pathlib import Path

import pytest
import pytz

from .conftest import REPO_ROOT, RpcClient

pytestmark = pytest.mark.client

_SPEC = importlib.util.spec_from_file_location(
    "kentro_bad_inputs", REPO_ROOT / "kentro_community" / "tests" / "bad_inputs.py"
)
bad_inputs = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bad_inputs)

ATHENS = pytz.timezone("Europe/Athens")
ENTRIES = [entry for entry in bad_inputs.load_entries() if "rpc" in entry.get("doors", ("rpc",))]
GREEK = {"lang": "el_GR"}
# Deleted in this order: the later ones are referred to by the earlier ones.
CLEANUP_ORDER = [
    "calendar.event",
    "kentro.migrant.document",
    "kentro.referral",
    "kentro.service",
    "kentro.beneficiary",
    "res.partner",
]


def utc(day_name, hour, minute):
    local = bad_inputs.local_datetime(date.today(), day_name, hour, minute)
    return ATHENS.localize(local).astimezone(pytz.utc).strftime("%Y-%m-%d %H:%M:%S")


def local(day_name, hour, minute):
    return bad_inputs.local_datetime(date.today(), day_name, hour, minute).strftime(
        "%Y-%m-%d %H:%M:%S"
    )


class World:
    """The demo records the corpus' placeholders name, a fresh beneficiary
    with no consent, and what each entry leaves behind, deleted afterwards."""

    def __init__(self, url, db):
        self.url, self.db = url, db
        self.admin = RpcClient(url, db, "admin", context=GREEK)
        self.sessions = {}
        self.created = {model: set() for model in CLEANUP_ORDER}
        reception = self.admin(
            "res.users", "search_read", [("login", "=", "reception")], fields=["kentro_centre_ids"]
        )[0]
        professional = self.admin(
            "res.users", "search_read", [("login", "=", "professional")], fields=["partner_id"]
        )[0]
        centre = reception["kentro_centre_ids"][0]
        person = self.make(
            "kentro.beneficiary",
            {"first_name": "Εισόδων", "last_name": "Δοκιμή", "centre_id": centre},
        )
        service_type = self.admin(
            "ir.model.data",
            "search_read",
            [
                ("module", "=", "kentro_community"),
                ("name", "=", "kentro_service_type_counselling_adult"),
            ],
            fields=["res_id"],
        )[0]["res_id"]
        self.refs = {
            "centre": centre,
            "beneficiary": person,
            "agency": self.admin(
                "res.partner", "search", [("kentro_is_agency", "=", True)], limit=1
            )[0],
            "service_type": service_type,
            "professional": professional["id"],
            "professional_partner": professional["partner_id"][0],
        }
        self.targets = {
            "kentro.beneficiary": person,
            "kentro.service": self.make(
                "kentro.service",
                {
                    "beneficiary_id": person,
                    "service_type_id": service_type,
                    "user_id": professional["id"],
                    "duration": 45,
                },
            ),
            "kentro.referral": self.make(
                "kentro.referral", {"beneficiary_id": person, "agency_id": self.refs["agency"]}
            ),
        }

    def session(self, login):
        if login not in self.sessions:
            self.sessions[login] = RpcClient(self.url, self.db, login, context=GREEK)
        return self.sessions[login]

    def make(self, model, values):
        record = self.admin(model, "create", values)
        self.created[model].add(record)
        return record

    def count(self, model):
        return self.admin(model, "search_count", [], context={**GREEK, "active_test": False})

    def forget(self, model, ids):
        self.created[model].update(ids)

    def clean(self, keep=()):
        for model in CLEANUP_ORDER:
            ids = sorted(self.created[model] - set(keep))
            if model == "kentro.beneficiary" and ids:
                people = self.admin(model, "read", ids, fields=["partner_id"])
                self.created["res.partner"].update(p["partner_id"][0] for p in people)
                self.admin(
                    "calendar.event",
                    "unlink",
                    self.admin("calendar.event", "search", [("kentro_beneficiary_id", "in", ids)]),
                )
            if ids:
                self.admin(model, "unlink", ids)
            self.created[model] -= set(ids)


@pytest.fixture(scope="module")
def world(odoo_url, test_db):
    world = World(odoo_url, test_db)
    yield world
    world.clean()


def _refused(call, message):
    with pytest.raises(xmlrpc.client.Fault) as caught:
        call()
    fault = caught.value
    assert fault.faultCode == 2, f"a server error, not a business refusal: {fault.faultString}"
    for technical in ("Traceback", "ValueError", "KeyError", "psycopg2", "IndexError"):
        assert technical not in fault.faultString
    assert message in fault.faultString
    return fault.faultString


def _check_stored(world, entry, model, record_id, login):
    expect = bad_inputs.resolve(entry["expect"], world.refs, utc)
    names = [
        *expect.get("stored", {}),
        *expect.get("stored_contains", {}),
        *expect.get("stored_excludes", {}),
    ]
    stored = world.session(login)(model, "read", [record_id], fields=names)[0]
    for name, value in expect.get("stored", {}).items():
        assert bad_inputs.plain(stored[name]) == value, name
    for name, fragment in expect.get("stored_contains", {}).items():
        assert fragment in (stored[name] or ""), name
    for name, fragment in expect.get("stored_excludes", {}).items():
        assert fragment not in (stored[name] or ""), name


def _through_import(world, entry, call):
    field_names, data = bad_inputs.import_file(entry, world.refs, local)
    wizard = call(
        "base_import.import",
        "create",
        {
            "res_model": entry["model"],
            # Odoo stores the text of a string as UTF-8 bytes (a BOM included).
            "file": data.decode("utf-8"),
            "file_name": f"{entry['id']}.csv",
            "file_type": "text/csv",
        },
    )
    # An integrator's script does not preview (its answer is made for the
    # browser's JSON-RPC); the file is read with the options given, the
    # encoding detected when none is.
    options = bad_inputs.import_options(entry)
    message = bad_inputs.expected_message(entry, "import")
    before = world.count(entry["model"])
    result = call(
        "base_import.import", "execute_import", [wizard], field_names, field_names, options
    )
    if message:
        errors = [m["message"] for m in result["messages"] if m["type"] == "error"]
        assert errors and message in " | ".join(errors), result["messages"]
        assert not result.get("ids")
        assert world.count(entry["model"]) == before, "nothing written"
        return
    assert not [m for m in result["messages"] if m["type"] == "error"], result["messages"]
    world.forget(entry["model"], result["ids"])
    assert len(result["ids"]) == entry["expect"].get("imported", 1)
    _check_stored(world, entry, entry["model"], result["ids"][0], entry["user"])


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry["id"] for entry in ENTRIES])
def test_bad_input_over_xmlrpc(world, entry):
    addon = entry.get("addon")
    if addon:
        state = world.admin(
            "ir.module.module", "search_read", [("name", "=", addon)], fields=["state"]
        )
        assert state and state[0]["state"] == "installed", f"{addon} is not installed"
    keep = set().union(*world.created.values())
    try:
        for record in entry.get("setup", ()):
            world.make(record["model"], bad_inputs.resolve(record["values"], world.refs, utc))
        _run(world, entry)
    finally:
        world.clean(keep=keep)


def _run(world, entry):
    call = world.session(entry["user"])
    model = entry["model"]
    message = bad_inputs.expected_message(entry, "rpc")
    if entry["op"] == "import":
        _through_import(world, entry, call)
        return
    values = bad_inputs.resolve(entry["values"], world.refs, utc)
    if entry["op"] == "write":
        target = world.targets[model]
        before = world.admin(model, "read", [target], fields=list(values))
        if message:
            _refused(lambda: call(model, "write", [target], values), message)
            assert world.admin(model, "read", [target], fields=list(values)) == before
        else:
            call(model, "write", [target], values)
            _check_stored(world, entry, model, target, entry["user"])
            world.admin(model, "write", [target], {name: before[0][name] for name in values})
        return
    if entry["op"] == "create_and_send":
        record = call(model, "create", values)
        world.forget(model, [record])
        _refused(lambda: call(model, "action_send", [record]), message)
        assert call(model, "read", [record], fields=["state"])[0]["state"] == "draft"
        return
    if message:
        before = world.count(model), world.count("res.partner")
        _refused(lambda: call(model, "create", values), message)
        assert (world.count(model), world.count("res.partner")) == before, "nothing written"
        return
    record = call(model, "create", values)
    world.forget(model, [record])
    _check_stored(world, entry, model, record, entry["user"])


def test_the_corpus_has_sixty_entries_or_more():
    assert len(ENTRIES) >= 60
    assert Path(bad_inputs.CORPUS).is_file()
