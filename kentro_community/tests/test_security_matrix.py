"""The security matrix of the core's models: tests/security_matrix.csv, cell by cell,
as a demo user of each role (once every addon is installed)."""

from odoo.tests import TransactionCase, tagged

from .common import SecurityMatrixCases


@tagged("post_install", "-at_install", "kentro", "kentro_security")
class TestSecurityMatrix(SecurityMatrixCases, TransactionCase):
    pass
