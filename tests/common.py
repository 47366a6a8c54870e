from odoo.tests import TransactionCase


class RepositoryCase(TransactionCase):
    """Base of the in-process repository-level tests. Odoo tags test classes
    only inside ``odoo.addons``; these live outside it, so they carry their tags."""

    test_tags = {"standard", "at_install", "kentro_repository"}
    test_module = "kentro_repository"
