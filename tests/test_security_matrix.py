"""The README shows the security matrix: the rows of every addon's
tests/security_matrix.csv (which each addon's TestSecurityMatrix asserts cell
by cell, as a user of each role, in Odoo's runner), as one table."""

import csv

from .conftest import ADDONS, REPO_ROOT

OPERATIONS = ("read", "create", "write", "unlink", "export")
ROLES = ("reception", "professional", "head", "manager", "supervisor", "internal", "portal")
LETTERS = {"read": "R", "create": "C", "write": "W", "unlink": "D", "export": "E"}


def load_matrix():
    matrix = {}
    for addon in ADDONS:
        with (REPO_ROOT / addon / "tests/security_matrix.csv").open(
            newline="", encoding="utf-8"
        ) as file:
            matrix.update({(row["role"], row["model"]): row for row in csv.DictReader(file)})
    return matrix


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


def test_the_readme_shows_the_matrix():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert markdown_table(load_matrix()) in readme
