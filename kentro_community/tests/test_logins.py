import base64
import time

from odoo.exceptions import AccessDenied, UserError
from odoo.tests import tagged

from odoo.addons.auth_totp.models.totp import hotp

from .common import KentroCommunityCase


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
