"""A municipality runs Kentro beside its other Odoo apps, and runs their tests
on the same database: no demo login of Kentro may be a login that Odoo's own
tests create (``new_test_user(env, login="employee")`` then fails on the unique
login, as calendar's and mail's tests did on a demo database with Kentro)."""

import re
from pathlib import Path

import odoo

from .conftest import ADDONS, DEMO_LOGINS, REPO_ROOT

ODOO_DIR = Path(odoo.__file__).resolve().parent.parent
# login="x", 'login': 'x', new_test_user(env, "x", ...) in Odoo's tests.
ODOO_TEST_LOGIN = re.compile(
    r"""login\s*=\s*['"]([^'"]+)['"]"""
    r"""|['"]login['"]\s*:\s*['"]([^'"]+)['"]"""
    r"""|new_test_user\(\s*[\w.]+\s*,\s*['"]([^'"]+)['"]"""
)
DEMO_LOGIN = re.compile(r'<field name="login">([^<]+)</field>')


def odoo_test_logins():
    logins = set()
    for addons in (ODOO_DIR / "addons", ODOO_DIR / "odoo" / "addons"):
        for path in addons.glob("*/tests/**/*.py"):
            for match in ODOO_TEST_LOGIN.finditer(path.read_text(encoding="utf-8")):
                logins.add(next(group for group in match.groups() if group))
    return logins


def kentro_demo_logins():
    return {
        login
        for addon in ADDONS
        for path in (REPO_ROOT / addon / "demo").glob("*.xml")
        for login in DEMO_LOGIN.findall(path.read_text(encoding="utf-8"))
    }


def test_odoo_test_logins_are_found():
    # The scan itself works: these are logins Odoo's tests are known to create.
    assert {"employee", "manager", "admin_user"} <= odoo_test_logins()


def test_no_demo_login_is_one_odoos_tests_create():
    demo = kentro_demo_logins()
    assert set(DEMO_LOGINS) - {"admin"} <= demo
    # Every demo login is one the suites try (and scripts/demo prints).
    assert demo <= set(DEMO_LOGINS)
    assert not demo & odoo_test_logins()
