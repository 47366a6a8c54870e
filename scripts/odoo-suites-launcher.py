"""Run Odoo's own tests of other addons on a database where every installed
addon is loaded, as ``odoo-bin`` does, e.g.::

    python scripts/odoo-suites-launcher.py -c .kentro/odoo.conf -d DB --test-enable \
        --test-tags /calendar,/resource --stop-after-init

``odoo-bin`` runs an addon's ``at_install`` tests while that addon is being
loaded, before the addons that depend on it (Kentro) are in the registry: they
would never see Kentro's overrides. This launcher runs them after loading, with
the ``post_install`` ones, on the whole registry: the way a municipality that
runs Kentro beside other Odoo apps uses those apps. ``scripts/odoo-suites`` runs it on a
database with Kentro and on one without, and compares.

It replaces ``odoo.tests.loader.make_suite`` (an Odoo internal) for this process
only; the comparison with the database without Kentro shows when Odoo changes
it (both runs would then find no test, and ``scripts/test`` fails on that).
"""

import os
import sys

os.environ["TZ"] = "UTC"  # as odoo-bin does, before ``time`` is imported

import odoo
from odoo.tools import config

# Set before odoo.tests is imported, which otherwise logs an ERROR: this
# process only ever runs tests (odoo-bin's options set it again below).
config["test_enable"] = True

from odoo.tests import loader  # noqa: E402
from odoo.tests.suite import OdooSuite  # noqa: E402

_make_suite = loader.make_suite


def make_suite(module_names, position="at_install"):
    if position == "at_install":
        # Not while the addons are being loaded: after, with the others.
        return OdooSuite([])
    return _make_suite(module_names, "at_install,post_install")


loader.make_suite = make_suite

if __name__ == "__main__":
    sys.argv[0] = "odoo-bin"
    odoo.cli.main()
