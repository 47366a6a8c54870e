from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import KentroRegistryCase

LIST_URL = "/odoo/action-kentro_community.kentro_beneficiary_action"


@tagged("post_install", "-at_install", "kentro", "kentro_tour")
class TestGreekCheck(HttpCase, KentroRegistryCase):
    """The tours' Greek check (static/tests/tours/kentro_greek_check.js) passes
    a Greek screen and fails an English one, so no tour passes it silently."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("el_GR")
        cls.user_professional.write({"lang": "el_GR", "name": "Ελένη Ψυχολόγου"})

    def test_greek_screen_passes_and_injected_english_is_caught(self):
        self.start_tour(LIST_URL, "kentro_greek_check_tour", login="kentro_professional")

    def test_english_on_the_screen_fails_the_tour(self):
        logger = f"{type(self).__module__}.{type(self).__name__}.{self._testMethodName}.browser"
        with mute_logger(logger), self.assertRaises(AssertionError) as failure:
            self.start_tour(LIST_URL, "kentro_greek_check_fails_tour", login="kentro_professional")
        self.assertIn(
            'Greek check on "injected English": English words on the screen: Planned, Activities',
            str(failure.exception),
        )

    def test_english_user_screen_is_refused(self):
        self.env["res.lang"]._activate_lang("en_US")
        self.user_professional.lang = "en_US"
        self.env.flush_all()
        self.start_tour(
            LIST_URL, "kentro_greek_check_english_user_tour", login="kentro_professional"
        )
