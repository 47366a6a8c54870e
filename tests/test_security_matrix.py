"""The security matrix: tests/security_matrix.csv says, for every role and
every Kentro model, whether the role may read, create, write, delete and
export; each cell is asserted here as a user of that role."""

import csv
from pathlib import Path

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .common import RepositoryCase

MATRIX = Path(__file__).with_name("security_matrix.csv")
OPERATIONS = ("read", "create", "write", "unlink", "export")
DEMO_USERS = {
    "reception": "kentro_community.user_reception_demo",
    "professional": "kentro_community.user_professional_demo",
    "head": "kentro_community.user_head_demo",
    "manager": "kentro_community.user_manager_demo",
    "supervisor": "kentro_community.user_supervisor_demo",
    "internal": "kentro_community.user_employee_demo",
}


ROLES = ("reception", "professional", "head", "manager", "supervisor", "internal", "portal")
LETTERS = {"read": "R", "create": "C", "write": "W", "unlink": "D", "export": "E"}


def markdown_table(matrix):
    """The matrix as the README shows it: one row per model, one column per role."""
    models = sorted({model for _role, model in matrix})
    lines = [
        "| model | " + " | ".join(ROLES) + " |",
        "| --- |" + " --- |" * len(ROLES),
    ]
    for model in models:
        cells = [
            "".join(LETTERS[op] for op in OPERATIONS if matrix[(role, model)][op] == "allow") or "—"
            for role in ROLES
        ]
        lines.append(f"| `{model}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def load_matrix():
    with MATRIX.open(newline="", encoding="utf-8") as file:
        return {(row["role"], row["model"]): row for row in csv.DictReader(file)}


class TestSecurityMatrix(RepositoryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.matrix = load_matrix()
        cls.users = {role: cls.env.ref(xmlid) for role, xmlid in DEMO_USERS.items()}
        cls.users["portal"] = new_test_user(
            cls.env, login="kentro_portal", groups="base.group_portal"
        )

    def test_the_matrix_has_every_model_and_role(self):
        models = {
            model.model
            for model in self.env["ir.model"].search(
                [("model", "=like", "kentro.%"), ("transient", "=", False)]
            )
            if not self.env[model.model]._abstract
        }
        expected = {(role, model) for role in self.users for model in models}
        self.assertEqual(set(self.matrix), expected)
        for row in self.matrix.values():
            self.assertTrue(all(row[op] in ("allow", "deny") for op in OPERATIONS), row)

    def test_the_readme_shows_the_matrix(self):
        readme = (MATRIX.parent.parent / "README.md").read_text(encoding="utf-8")
        self.assertIn(markdown_table(self.matrix), readme)

    def _access_outcome(self, user, model, operation):
        Model = self.env[model].with_user(user)
        try:
            with self.env.cr.savepoint():
                if operation == "read":
                    Model.search_read([], ["id"], limit=1)
                elif operation == "export":
                    Model.search([], limit=1).export_data(["id"])
                else:
                    Model.check_access(operation)
        except (AccessError, UserError):
            return "deny"
        return "allow"

    def _check_role(self, role):
        user = self.users[role]
        for (row_role, model), row in sorted(self.matrix.items()):
            if row_role != role:
                continue
            for operation in OPERATIONS:
                with self.subTest(role=role, model=model, operation=operation):
                    self.assertEqual(self._access_outcome(user, model, operation), row[operation])

    def test_reception(self):
        self._check_role("reception")

    def test_professional(self):
        self._check_role("professional")

    def test_head(self):
        self._check_role("head")

    def test_manager(self):
        self._check_role("manager")

    def test_supervisor(self):
        self._check_role("supervisor")

    def test_internal_user_without_centre_group(self):
        self._check_role("internal")

    def test_portal(self):
        self._check_role("portal")
