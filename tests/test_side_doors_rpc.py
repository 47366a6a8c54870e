"""A curious insider with a demo login, against a real Odoo server.

For each role, over XML-RPC and HTTP, this suite looks for a way to a
beneficiary file the role may not read, or to a protected field of a file it
may read. Nothing here lists Kentro's models or fields: they come from the
registry of the running server (``ir.model``/``fields_get``), so a model or
field added tomorrow is attacked as well.

- Read side: every model a Kentro model points to, and every model that points
  at records through a ``many2one_reference`` (followers, messages, activities,
  attachments, ...), is read in full as the role; no value may be a forbidden
  file, its contact, one of its appointments, its name, or the text of a field
  the role may not read.
- Search side: a search on a relational field is an oracle even when nothing
  is read; counting records by a forbidden file or contact must find nothing.
- Link side: every stored relational field of every Kentro model the role may
  write is offered a record the role may not read; each offer must be refused.
- HTTP: attachments by ``/web/content`` and every QWeb report of a Kentro model
  by ``/report/html`` on records the role may not read.
"""

import base64
import contextlib
import html
import json
import re
import urllib.error
import urllib.request
import xmlrpc.client
from http.cookiejar import CookieJar

import pytest

from .conftest import RpcClient

pytestmark = pytest.mark.client

BAIT = "KENTROBAIT"
# Models whose records point at any document through (res_model, res_id).
REFERENCE_TYPES = ("many2one_reference",)
RELATIONAL = ("many2one", "many2many", "one2many")
# Transient and reporting models are not stored records of a file; wizards are
# attacked by hand-written tests in the addons.
LIMIT = 3000


class Client(RpcClient):
    """One login's XML-RPC connection, and whether the server refuses it."""

    def call(self, model, method, *args, **kwargs):
        return self(model, method, *args, **kwargs)

    def attempt(self, model, method, *args, **kwargs):
        """The result, or None when the server refuses."""
        try:
            return self.call(model, method, *args, **kwargs)
        except xmlrpc.client.Fault:
            return None

    def may(self, model, operation):
        return bool(self.attempt(model, "check_access_rights", operation, raise_exception=False))


class Browser:
    """One login's HTTP session, as the web client has it."""

    def __init__(self, url, db, login, password):
        self.url = url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        body = json.dumps(
            {"jsonrpc": "2.0", "params": {"db": db, "login": login, "password": password}}
        ).encode()
        request = urllib.request.Request(
            f"{url}/web/session/authenticate", body, {"Content-Type": "application/json"}
        )
        with self.opener.open(request, timeout=60) as response:
            assert "error" not in json.load(response), f"{login} has no web session"

    def get(self, path):
        """(status, body) of a GET; errors are answers too."""
        try:
            with self.opener.open(f"{self.url}{path}", timeout=120) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()


def _ref(admin, xmlid):
    module, name = xmlid.split(".")
    rows = admin.call(
        "ir.model.data",
        "search_read",
        [("module", "=", module), ("name", "=", name)],
        fields=["res_id"],
    )
    return rows[0]["res_id"] if rows else None


class World:
    """What the attacker is looking for, computed as the administrator."""

    def __init__(self, url, db):
        self.url, self.db = url, db
        self.admin = Client(url, db, "admin", "admin")
        admin = self.admin
        models = admin.call(
            "ir.model",
            "search_read",
            [("model", "=like", "kentro.%"), ("transient", "=", False)],
            fields=["model"],
        )
        self.fields = {}
        self.kentro = []
        for row in models:
            described = admin.call(
                row["model"], "fields_get", attributes=["type", "relation", "store"]
            )
            # SQL views (statistics, timeline) have no writable rows.
            if admin.attempt(row["model"], "search", [], limit=1) is None:
                continue
            self.fields[row["model"]] = described
            self.kentro.append(row["model"])
        touched = {
            field["relation"]
            for described in self.fields.values()
            for field in described.values()
            if field["type"] in RELATIONAL and field.get("relation")
        }
        referencing = admin.call(
            "ir.model.fields",
            "search_read",
            [("ttype", "in", list(REFERENCE_TYPES)), ("store", "=", True)],
            fields=["model"],
        )
        touched |= {row["model"] for row in referencing}
        # What hangs on those records and repeats their values (a message's
        # tracking values, notifications).
        hanging = admin.call(
            "ir.model.fields",
            "search_read",
            [
                ("ttype", "=", "many2one"),
                ("store", "=", True),
                ("required", "=", True),
                ("relation", "in", sorted({row["model"] for row in referencing})),
            ],
            fields=["model"],
        )
        touched |= {row["model"] for row in hanging}
        touched = {
            model
            for model in touched
            if not admin.call(
                "ir.model", "search_count", [("model", "=", model), ("transient", "=", True)]
            )
        }
        self.touched = sorted(touched | set(self.kentro))
        for model in self.touched:
            if model not in self.fields:
                self.fields[model] = admin.call(
                    model, "fields_get", attributes=["type", "relation", "store"]
                )
        # The models of a file: the file and whatever points at it.
        self.personal = [
            model
            for model in self.kentro
            if model == "kentro.beneficiary"
            or any(
                field.get("relation") == "kentro.beneficiary" and field["type"] == "many2one"
                for field in self.fields[model].values()
            )
        ]
        self.files = admin.call(
            "kentro.beneficiary",
            "search_read",
            [],
            fields=["name", "partner_id", "centre_id", "email", "amka"],
            context={"active_test": False},
        )
        self.appointments = admin.call(
            "calendar.event",
            "search_read",
            [("kentro_beneficiary_id", "!=", False)],
            fields=["kentro_beneficiary_id"],
            context={"active_test": False},
        )
        self._plant_baits()

    def _plant_baits(self):
        """A message, an activity, an attachment and a follower on one file of
        each structure and on one appointment of each structure: the side
        doors an attacker tries first, each carrying the file's name."""
        admin = self.admin
        booked = {a["kentro_beneficiary_id"][0] for a in self.appointments}
        by_centre = {}
        for person in sorted(self.files, key=lambda p: p["id"] not in booked):
            by_centre.setdefault(person["centre_id"][0], person)
        self.baits = {}
        for person in by_centre.values():
            appointment = next(
                (a for a in self.appointments if a["kentro_beneficiary_id"][0] == person["id"]),
                None,
            )
            targets = [("kentro.beneficiary", person["id"])]
            if appointment:
                targets.append(("calendar.event", appointment["id"]))
            for model, res_id in targets:
                text = f"{BAIT} {person['name']}"
                admin.call(model, "message_post", [res_id], body=text, message_type="comment")
                admin.call(
                    "mail.activity",
                    "create",
                    {
                        "res_model_id": admin.call("ir.model", "search", [("model", "=", model)])[
                            0
                        ],
                        "res_id": res_id,
                        "summary": text,
                        "user_id": admin.uid,
                    },
                )
                attachment = admin.call(
                    "ir.attachment",
                    "create",
                    {
                        "name": f"{text}.txt",
                        "datas": base64.b64encode(text.encode()).decode(),
                        "res_model": model,
                        "res_id": res_id,
                    },
                )
                self.baits[attachment] = person["id"]

    def scope(self, client):
        """The files ``client`` may read, by the rules' intent (independent of
        the rules themselves): staff see their structures, heads also those
        attached; the Social Service, plain employees and portal users none."""
        user = self.admin.call(
            "res.users",
            "read",
            [client.uid],
            ["kentro_centre_ids", "company_ids"],
        )[0]
        groups = {
            xmlid: self.admin.call("res.users", "has_group", [client.uid], xmlid)
            for xmlid in (
                "kentro_community.group_kentro_reception",
                "kentro_community.group_kentro_head",
            )
        }
        if not groups["kentro_community.group_kentro_reception"] or not user["kentro_centre_ids"]:
            return set()
        operator = "child_of" if groups["kentro_community.group_kentro_head"] else "in"
        centres = self.admin.call(
            "kentro.centre",
            "search",
            [
                ("id", operator, user["kentro_centre_ids"]),
                ("company_id", "in", user["company_ids"]),
            ],
        )
        return {person["id"] for person in self.files if person["centre_id"][0] in centres}


@pytest.fixture(scope="module")
def world(odoo_url, test_db):
    return World(odoo_url, test_db)


def _other_structure_professional(world):
    """A professional of the Chios annex only: same municipality as the
    demo's Chios staff, another structure."""
    admin = world.admin
    annex = _ref(admin, "kentro_community.kentro_centre_chios_annex_demo")
    company = admin.call("kentro.centre", "read", [annex], ["company_id"])[0]["company_id"][0]
    login = "kentro.attacker.annex"
    found = admin.call("res.users", "search", [("login", "=", login)])
    values = {
        "name": "Attacker Annex",
        "login": login,
        "password": login,
        "company_id": company,
        "company_ids": [(6, 0, [company])],
        "groups_id": [(6, 0, [_ref(admin, "kentro_community.group_kentro_professional")])],
        "kentro_centre_ids": [(6, 0, [annex])],
    }
    if found:
        admin.call("res.users", "write", found, values)
    else:
        admin.call("res.users", "create", values)
    return login


ROLE_XMLIDS = {
    "reception": "kentro_community.user_reception_demo",
    "professional": "kentro_community.user_professional_demo",
    "head": "kentro_community.user_head_demo",
    "supervisor": "kentro_community.user_supervisor_demo",
    "manager": "kentro_community.user_manager_demo",
    "employee": "kentro_community.user_employee_demo",
    "other municipality": "kentro_community.user_lamia_social_worker_demo",
    "portal": "base.demo_user0",
}
ROLES = [*ROLE_XMLIDS, "other structure"]


@pytest.fixture(scope="module")
def attackers(world):
    """role: (Client, logins) for every role, password set to the login."""
    admin = world.admin
    logins = {}
    for role, xmlid in ROLE_XMLIDS.items():
        user_id = _ref(admin, xmlid)
        login = admin.call("res.users", "read", [user_id], ["login"])[0]["login"]
        admin.call("res.users", "write", [user_id], {"password": login})
        logins[role] = login
    logins["other structure"] = _other_structure_professional(world)
    return {role: Client(world.url, world.db, login, login) for role, login in logins.items()}


class Forbidden:
    """What one role must not reach."""

    def __init__(self, world, client):
        allowed = world.scope(client)
        self.files = {p["id"] for p in world.files} - allowed
        allowed_partners = {
            p["partner_id"][0] for p in world.files if p["id"] in allowed and p["partner_id"]
        }
        own = world.admin.call("res.users", "read", [client.uid], ["partner_id"])[0]["partner_id"][
            0
        ]
        self.partners = (
            {p["partner_id"][0] for p in world.files if p["id"] in self.files and p["partner_id"]}
            - allowed_partners
            - {own}
        )
        allowed_names = {p["name"] for p in world.files if p["id"] in allowed}
        self.strings = {
            p["name"] for p in world.files if p["id"] in self.files and p["name"]
        } - allowed_names
        self.strings |= {
            str(p[key])
            for p in world.files
            if p["id"] in self.files
            for key in ("email", "amka")
            if p[key]
        }
        self.appointments = {
            a["id"] for a in world.appointments if a["kentro_beneficiary_id"][0] in self.files
        }
        self.by_model = {
            "kentro.beneficiary": self.files,
            "res.partner": self.partners,
            "calendar.event": self.appointments,
        }
        self.strings |= self._unreadable_texts(world, client)

    @staticmethod
    def _unreadable_texts(world, client):
        """The free text of a person's records that the role may not read:
        records of the file's models it cannot read, and fields it cannot
        read on records it can. None of it may appear anywhere it can read."""
        secret, known = set(), set()
        for model in world.personal:
            texts = [
                name
                for name, field in world.fields[model].items()
                if field["type"] in ("char", "text", "html") and field.get("store")
            ]
            rows = world.admin.call(
                model, "search_read", [], fields=texts, context={"active_test": False}
            )
            readable = set(
                client.attempt(model, "search", [], context={"active_test": False}) or []
            )
            visible = client.attempt(model, "fields_get", attributes=["type"]) or {}
            for row in rows:
                for name in texts:
                    for text in _phrases(row[name]):
                        if row["id"] in readable and name in visible:
                            known.add(text)
                        else:
                            secret.add(text)
        return secret - known


def _phrases(value):
    """The long enough pieces of a text value, tags of HTML left out: short
    words and codes are shared by many records and prove nothing."""
    if not isinstance(value, str):
        return []
    return [piece.strip() for piece in re.split(r"<[^>]*>|\n", value) if len(piece.strip()) >= 16]


@pytest.fixture(scope="module")
def forbidden(world, attackers):
    return {role: Forbidden(world, client) for role, client in attackers.items()}


def _leaks_in_value(forbidden, name, field, value, row, reference_models):
    """The forbidden things one value shows."""
    leaks = []
    relation = field.get("relation")
    ids = []
    if field["type"] == "many2one" and value:
        ids = [value[0]]
        if any(text in str(value[1]) for text in forbidden.strings):
            leaks.append(f"names a forbidden person: {value[1]!r}")
    elif field["type"] in ("many2many", "one2many") and value:
        ids = value
    elif field["type"] == "many2one_reference" and value:
        relation = row.get(reference_models.get(name) or "")
        ids = [value]
    elif isinstance(value, str) and value:
        leaks += [f"contains {text!r}" for text in forbidden.strings if text in value]
    if relation in forbidden.by_model:
        leaks += [
            f"points at forbidden {relation} {record_id}"
            for record_id in ids
            if record_id in forbidden.by_model[relation]
        ]
    return leaks


def _reference_models(world, model):
    """{res_id field: the field naming its model} of a model."""
    described = world.fields[model]
    names = {}
    for name, field in described.items():
        if field["type"] == "many2one_reference":
            for candidate in ("res_model", "model", "res_model_name"):
                if candidate in described:
                    names[name] = candidate
                    break
    return names


@pytest.mark.parametrize("role", ROLES)
def test_nothing_readable_names_a_forbidden_file(world, attackers, forbidden, role):
    client, banned = attackers[role], forbidden[role]
    leaks, read_models = [], 0
    for model in world.touched:
        if not client.may(model, "read"):
            continue
        visible = client.attempt(model, "fields_get", attributes=["type", "relation", "store"])
        if not visible:
            continue
        names = [
            name
            for name, field in visible.items()
            if field.get("store") and field["type"] not in ("binary", "properties", "json")
        ]
        references = _reference_models(world, model)
        domain = []
        reference_field = next(iter(references.values()), None)
        if reference_field and reference_field in visible:
            domain = [(reference_field, "in", [*world.kentro, "calendar.event", "res.partner"])]
        rows = client.attempt(
            model, "search_read", domain, fields=names, limit=LIMIT, context={"active_test": False}
        )
        if rows is None:
            continue
        read_models += 1
        for row in rows:
            # An appointment's existence is busy time, shown to everyone by
            # design; its fields are looked at below.
            if model != "calendar.event" and row["id"] in banned.by_model.get(model, ()):
                leaks.append(f"{model} {row['id']}: the record itself")
            for name in names:
                for leak in _leaks_in_value(
                    banned, name, visible[name], row.get(name), row, references
                ):
                    leaks.append(f"{model} {row['id']} .{name} {leak}")
    assert read_models, f"{role} read no model at all: the test saw nothing"
    assert not leaks, f"{role} reads {len(leaks)} forbidden values:\n" + "\n".join(leaks[:40])


@pytest.mark.parametrize("role", ROLES)
def test_no_search_or_grouping_counts_a_forbidden_file(world, attackers, forbidden, role):
    client, banned = attackers[role], forbidden[role]
    oracles, searched = [], 0
    for model in world.touched:
        if not client.may(model, "read"):
            continue
        for name, field in world.fields[model].items():
            targets = banned.by_model.get(field.get("relation"))
            if field["type"] not in RELATIONAL or not field.get("store") or not targets:
                continue
            count = client.attempt(
                model,
                "search_count",
                [(name, "in", sorted(targets))],
                context={"active_test": False},
            )
            searched += 1
            if count:
                oracles.append(f"{model}.{name}: {count} record(s) found by forbidden ids")
            if field["type"] == "one2many":
                continue
            # Grouping by the field: each group is labelled with its record.
            groups = client.attempt(model, "read_group", [], [name], [name], lazy=False) or []
            oracles += [
                f"{model} grouped by {name}: a group of forbidden {field['relation']} "
                f"{group[name][0]}"
                for group in groups
                if isinstance(group.get(name), (list, tuple))
                and group[name]
                and group[name][0] in targets
            ]
    assert searched, f"{role} searched nothing: the test saw nothing"
    assert not oracles, f"{role} can count by forbidden records:\n" + "\n".join(oracles)


def _unreadable_target(world, client, banned, relation, cache):
    """A record of ``relation`` the role may not read, preferring one that
    belongs to a forbidden file; None if the role may read them all."""
    if relation in cache:
        return cache[relation]
    target = None
    preferred = sorted(banned.by_model.get(relation, ()))
    candidates = (
        preferred
        or world.admin.attempt(relation, "search", [], limit=200, context={"active_test": False})
        or []
    )
    if candidates:
        readable = set(
            client.attempt(
                relation, "search", [("id", "in", candidates)], context={"active_test": False}
            )
            or []
        )
        target = next((record_id for record_id in candidates if record_id not in readable), None)
    cache[relation] = target
    return target


@pytest.mark.parametrize("role", ROLES)
def test_no_relational_field_takes_a_record_the_user_cannot_read(world, attackers, forbidden, role):
    client, banned = attackers[role], forbidden[role]
    accepted, offered, cache = [], 0, {}
    for model in world.kentro:
        if not client.may(model, "write"):
            continue
        mine = client.attempt(model, "search", [], limit=1)
        if not mine:
            continue
        for name, field in world.fields[model].items():
            if (
                field["type"] not in ("many2one", "many2many")
                or not field.get("store")
                or name in ("create_uid", "write_uid")
            ):
                continue
            target = _unreadable_target(world, client, banned, field["relation"], cache)
            if not target:
                continue
            before = world.admin.call(model, "read", mine, [name])[0][name]
            command = target if field["type"] == "many2one" else [(4, target)]
            offered += 1
            if client.attempt(model, "write", mine, {name: command}) is None:
                continue
            after = world.admin.call(model, "read", mine, [name])[0][name]
            if after != before:
                accepted.append(f"{model}.{name} took {field['relation']} {target}")
                restore = (
                    (before or [False])[0] if field["type"] == "many2one" else [(6, 0, before)]
                )
                world.admin.attempt(model, "write", mine, {name: restore})
    if client.may("kentro.beneficiary", "write"):
        assert offered, f"{role} could write Kentro records but was offered nothing"
    assert not accepted, f"{role} linked records it cannot read:\n" + "\n".join(accepted)


@pytest.mark.parametrize("role", ROLES)
def test_no_forbidden_attachment_or_report_over_http(world, attackers, forbidden, role):
    client, banned = attackers[role], forbidden[role]
    browser = Browser(world.url, world.db, client.login, client.password)
    leaks = []
    for attachment, person in world.baits.items():
        if person not in banned.files:
            continue
        status, body = browser.get(f"/web/content/{attachment}?download=true")
        if status == 200 and BAIT.encode() in body:
            leaks.append(f"/web/content/{attachment} serves a forbidden file's document")
    reports = world.admin.call(
        "ir.actions.report",
        "search_read",
        [("model", "in", [*world.kentro, "calendar.event"]), ("report_type", "=", "qweb-pdf")],
        fields=["report_name", "model"],
    )
    assert reports, "no report of a Kentro model found"
    for report in reports:
        records = sorted(banned.by_model.get(report["model"], ()))[:1]
        if not records and report["model"] in world.kentro:
            everything = world.admin.attempt(report["model"], "search", [], limit=50) or []
            readable = set(
                client.attempt(report["model"], "search", [("id", "in", everything)]) or []
            )
            records = [record_id for record_id in everything if record_id not in readable][:1]
        # And on a record the role may read: nothing it may not read in it.
        readable = client.attempt(report["model"], "search", [], limit=1) or []
        for record_id in [*records, *readable]:
            status, body = browser.get(f"/report/html/{report['report_name']}/{record_id}")
            text = body.decode(errors="replace")
            named = [name for name in banned.strings if html.escape(name, quote=False) in text]
            if status == 200 and (named or (record_id not in readable and len(text) > 2000)):
                leaks.append(
                    f"/report/html/{report['report_name']}/{record_id} renders"
                    + (f" {named[:2]}" if named else " a record the user cannot read")
                )
    assert not leaks, f"{role} reaches over HTTP:\n" + "\n".join(leaks)


def test_the_attacker_sees_every_side_door(world):
    """The enumeration reaches the models of the issue, without a list of them
    anywhere in this file (a guard against a registry query gone wrong)."""
    for model in (
        "mail.followers",
        "mail.message",
        "mail.activity",
        "ir.attachment",
        "calendar.attendee",
        "calendar.event",
        "res.partner",
        "mail.tracking.value",
    ):
        assert model in world.touched, f"{model} is not attacked"
    assert "kentro.beneficiary" in world.kentro
    with contextlib.suppress(KeyError):
        assert world.baits
