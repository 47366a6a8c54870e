"""scripts/demo, run the way a municipality's IT person runs it: it serves the
login page, and every login it prints authenticates over XML-RPC."""

import re
import subprocess
import xmlrpc.client

import psycopg2
import pytest

from .conftest import DEMO_LOGINS, REPO_ROOT, free_port, stop, wait_for_login_page

pytestmark = pytest.mark.client


@pytest.fixture(scope="module")
def demo_server():
    db = "kentro_demo_check"
    port = free_port()
    process = subprocess.Popen(
        [str(REPO_ROOT / "scripts/demo"), "--reset", "--db", db, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    printed = []
    try:
        for line in process.stdout:
            printed.append(line)
            if "serving on port" in line:
                break
        else:
            pytest.fail("scripts/demo stopped before serving:\n" + "".join(printed))
        url = f"http://localhost:{port}"
        page = wait_for_login_page(url, process, "scripts/demo did not serve the login page")
        yield {"url": url, "db": db, "printed": "".join(printed), "login_page": page}
    finally:
        stop(process)
        subprocess.run(["dropdb", "--if-exists", db], check=False)


def test_demo_prints_one_login_per_role(demo_server):
    printed = re.findall(r"^  ([\w.]+) ", demo_server["printed"], flags=re.MULTILINE)
    assert printed == DEMO_LOGINS


def test_demo_serves_the_login_page(demo_server):
    assert 'name="login"' in demo_server["login_page"]


@pytest.mark.parametrize("login", DEMO_LOGINS)
def test_demo_login_authenticates_and_speaks_greek(demo_server, login):
    url, db = demo_server["url"], demo_server["db"]
    uid = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common").authenticate(db, login, login, {})
    assert isinstance(uid, int) and uid > 0
    models = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/object")
    [user] = models.execute_kw(db, uid, login, "res.users", "read", [[uid]], {"fields": ["lang"]})
    assert user["lang"] == "el_GR"


def test_demo_history_reads_in_greek(demo_server):
    """The changes the demo makes after creating its records (files closed,
    referrals sent, centres made annexes…) are logged on their chatter as a
    Greek user's changes are: every old and new value in Greek."""
    connection = psycopg2.connect(dbname=demo_server["db"])
    try:
        with connection.cursor() as cr:
            cr.execute(
                """SELECT m.model, f.name, v.old_value_char, v.new_value_char
                     FROM mail_tracking_value v
                     JOIN mail_message m ON m.id = v.mail_message_id
                     JOIN ir_model_fields f ON f.id = v.field_id
                    WHERE m.model LIKE 'kentro.%%'"""
            )
            rows = cr.fetchall()
    finally:
        connection.close()
    assert len(rows) > 20
    latin = [row for row in rows if any(re.search("[A-Za-z]{3}", value or "") for value in row[2:])]
    assert latin == []
