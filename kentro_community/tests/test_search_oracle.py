from odoo.tests import tagged

from .common import KentroRegistryCase


@tagged("post_install", "-at_install", "kentro_privacy")
class TestSearchOracle(KentroRegistryCase):
    """A search by related records is no way to learn about a file one may not
    read: Odoo resolves one2many and many2many ids without record rules."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.household = cls.env["kentro.household"].create(
            {"name": "Νοικοκυριό Δοκιμής", "centre_id": cls.centre.id}
        )
        # A member registered at the annex, in a household of the centre.
        (cls.papadopoulos | cls.annex_person).household_id = cls.household

    def _count(self, user, operator, ids):
        Household = self.env["kentro.household"].with_user(user)
        return Household.search_count([("member_ids", operator, ids)])

    def test_a_file_the_user_cannot_read_finds_nothing(self):
        # Reception works at the centre and may not read the annex's files.
        self.assertEqual(self._count(self.user_reception, "in", self.annex_person.ids), 0)
        self.assertEqual(self._count(self.user_reception, "=", self.annex_person.id), 0)

    def test_excluding_a_file_the_user_cannot_read_tells_nothing_either(self):
        everything = self.env["kentro.household"].with_user(self.user_reception).search_count([])
        self.assertEqual(
            self._count(self.user_reception, "not in", self.annex_person.ids), everything
        )

    def test_files_the_user_may_read_are_found(self):
        self.assertEqual(self._count(self.user_reception, "in", self.papadopoulos.ids), 1)
        # The head sees the annex too.
        self.assertEqual(self._count(self.user_head, "in", self.annex_person.ids), 1)
