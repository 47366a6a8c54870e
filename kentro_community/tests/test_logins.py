import base64
import json
import re
import time
from pathlib import Path

from odoo.exceptions import AccessDenied, UserError
from odoo.modules.module import get_module_path
from odoo.tests import HttpCase, get_db_name, tagged

from odoo.addons.auth_totp.models.totp import hotp

from .common import KentroCommunityCase

KENTRO_ADDONS = [
    "kentro_community",
    "kentro_roma_annex",
    "kentro_migrant_annex",
    "kentro_mobile_unit",
]


@tagged("kentro", "kentro_privacy")
class TestLogins(KentroCommunityCase):
    def test_password_policy_applies_to_centre_roles(self):
        self.env["ir.config_parameter"].sudo().set_param("auth_password_policy.minlength", 12)
        for user in (self.user_reception, self.user_professional, self.user_head):
            Users = self.env["res.users"].with_user(user)
            with self.assertRaises(UserError):
                Users.change_password(user.login, "short")
            self.assertTrue(Users.change_password(user.login, "a-long-enough-passphrase"))

    def test_two_factor_authentication_for_a_professional(self):
        user = self.user_professional
        secret = base64.b32encode(b"kentro-test-secret!!").decode()
        code = hotp(base64.b32decode(secret), int(time.time() / 30))
        me = user.with_user(user)
        self.assertTrue(me._totp_try_setting(secret, code))
        self.assertTrue(user.totp_enabled)
        self.assertEqual(user._mfa_type(), "totp")
        user._totp_check(code)
        with self.assertRaises(AccessDenied):
            user._totp_check((code + 1) % 1000000)


@tagged("post_install", "-at_install", "kentro", "kentro_demo")
class TestDemoLogins(HttpCase):
    """Every demo user of the four addons logs in with password = login, as the
    README and scripts/demo promise, and scripts/demo lists each one with its
    role and structure."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        demo_users = cls.env["ir.model.data"].search(
            [
                ("model", "=", "res.users"),
                ("module", "in", KENTRO_ADDONS),
                ("name", "=like", "%\\_demo"),
            ]
        )
        cls.demo_logins = cls.env["res.users"].browse(demo_users.mapped("res_id")).mapped(
            "login"
        ) + ["admin"]

    def test_demo_data_has_the_staff_of_every_structure(self):
        logins = set(self.demo_logins)
        # A head per municipality, the Myki mobile unit's professional and the
        # staff of the Lamia migrant annex (ΚΕΜ).
        self.assertLessEqual(
            {"head", "lamia.head", "mykis.head", "mykis.psychologist", "lamia.interpreter"},
            logins,
        )
        unit_professional = self.env["res.users"].search([("login", "=", "mykis.psychologist")])
        self.assertIn("mobile_unit", unit_professional.kentro_centre_ids.mapped("centre_type"))
        kem_staff = self.env["res.users"].search(
            [("login", "in", ["lamia.mediator", "lamia.lawyer"])]
        )
        for user in kem_staff:
            self.assertIn("migrant_annex", user.kentro_centre_ids.mapped("centre_type"), user.login)

    def test_every_demo_user_logs_in_with_password_equal_to_login(self):
        refused = []
        for login in self.demo_logins:
            response = self.url_open(
                "/web/session/authenticate",
                data=json.dumps(
                    {"params": {"db": get_db_name(), "login": login, "password": login}}
                ),
                headers={"Content-Type": "application/json"},
            )
            if not response.json().get("result", {}).get("uid"):
                refused.append(login)
        self.assertFalse(refused, f"demo logins refused with password = login: {refused}")

    def test_scripts_demo_lists_every_demo_login_with_role_and_structure(self):
        script = Path(get_module_path("kentro_community")).parent / "scripts" / "demo"
        text = script.read_text(encoding="utf-8")
        listed = dict(re.findall(r"^  ([\w.]+) +(\S.*\S)$", text, flags=re.MULTILINE))
        missing = sorted(set(self.demo_logins) - set(listed))
        self.assertFalse(missing, f"scripts/demo does not list {missing}")
        for login in self.demo_logins:
            # A role, then the structure, in columns separated by two spaces.
            self.assertRegex(listed[login], r"\S  +\S", login)
