"""Shared fixtures of the repository-level tests.

scripts/test runs pytest with pytest-odoo (``--odoo-database``/``--odoo-config``)
after Odoo's own runner installed the four addons, and exports where things are:
KENTRO_TEST_DB, KENTRO_ODOO_CONF, KENTRO_ODOO_DIR and KENTRO_PYTHON.
"""

import contextlib
import logging
import os
import socket
import subprocess
import time
import urllib.request
import xmlrpc.client
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
ADDONS = ["kentro_community", "kentro_roma_annex", "kentro_migrant_annex", "kentro_mobile_unit"]
DEMO_LOGINS = [
    "admin",
    "reception",
    "professional",
    "head",
    "supervisor",
    "kentro.manager",
    "municipal.clerk",
    "chios.employment",
    "chios.mediator",
    "chios.pedagogue",
    "chios.psychologist",
    "chios.health.visitor",
    "lamia.head",
    "lamia.social.worker",
    "lamia.psychologist",
    "lamia.mediator",
    "lamia.administrative",
    "lamia.interpreter",
    "lamia.lawyer",
    "mykis.head",
    "mykis.psychologist",
    "mykis.administrative",
]


class _PytestOdooImportNotice(logging.Filter):
    """pytest-odoo imports Odoo's test framework before it turns test mode on,
    and Odoo logs that import as an error; here it is expected."""

    def filter(self, record):
        return not str(record.msg).startswith("Importing test framework, avoid")


# conftest.py is imported before pytest-odoo's command-line hook runs.
logging.getLogger("odoo.tests.common").addFilter(_PytestOdooImportNotice())


class RpcClient:
    """One login's XML-RPC connection: calling it calls ``execute_kw``, with
    ``context`` when the call gives none (the password is the login, as the
    demo's, unless given)."""

    def __init__(self, url, db, login, password=None, context=None):
        self.db, self.login, self.password = db, login, password or login
        self.context = context
        self.uid = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common").authenticate(
            db, login, self.password, {}
        )
        assert self.uid, f"{login} cannot log in"
        self.proxy = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/object", allow_none=True)

    def __call__(self, model, method, *args, **kwargs):
        if self.context is not None:
            kwargs.setdefault("context", self.context)
        return self.proxy.execute_kw(
            self.db, self.uid, self.password, model, method, list(args), kwargs
        )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_login_page(url, process, failure, seconds=120):
    """The HTML of ``url``/web/login once ``process`` serves it; fails the test
    with ``failure`` if the process ends or the time runs out first."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{url}/web/login", timeout=10) as response:
                return response.read().decode()
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(failure)
            time.sleep(0.5)


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def test_db():
    return os.environ["KENTRO_TEST_DB"]


@contextlib.contextmanager
def running_odoo(test_db, log, *options):
    """A real Odoo server on the test database, on a free loopback port, with
    Odoo's command-line ``options``; yields its URL and its process."""
    port = free_port()
    command = [
        os.environ["KENTRO_PYTHON"],
        str(Path(os.environ["KENTRO_ODOO_DIR"]) / "odoo-bin"),
        "-c",
        os.environ["KENTRO_ODOO_CONF"],
        "-d",
        test_db,
        f"--db-filter=^{test_db}$",
        "--http-interface=127.0.0.1",
        f"--http-port={port}",
        "--max-cron-threads=0",
        "--no-database-list",
        f"--logfile={log}",
        *options,
    ]
    server = subprocess.Popen(command)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_login_page(url, server, f"Odoo did not serve {url}/web/login; see {log}")
        yield url, server
    finally:
        stop(server)


def workers_options():
    """Odoo as in production: two HTTP workers (the prefork server), its
    websocket process on a free port, time limits for long imports."""
    return (
        "--workers=2",
        f"--gevent-port={free_port()}",
        "--limit-time-cpu=600",
        "--limit-time-real=1200",
    )


@pytest.fixture(scope="session")
def odoo_url(test_db, tmp_path_factory):
    """A real Odoo server on the test database, on a free loopback port."""
    log = tmp_path_factory.mktemp("odoo") / "server.log"
    with running_odoo(test_db, log) as (url, _server):
        yield url
