"""The house plan of the four addons (issue 22), read from the files: no Odoo
needed. Each rule names the files that break it, so that a newcomer finds the
code behind any screen by its model name in one step."""

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest
from lxml import etree

from .conftest import ADDONS, REPO_ROOT

GROUPS_MODULE = Path("kentro_community/tools/groups.py")


def _python_files(addon, *folders):
    """The addon's Python files, in ``folders`` when given, tests excluded."""
    root = REPO_ROOT / addon
    roots = [root / folder for folder in folders] if folders else [root]
    return sorted(
        path
        for folder in roots
        if folder.is_dir()
        for path in folder.rglob("*.py")
        if "tests" not in path.relative_to(root).parts
    )


def _relative(path):
    return str(path.relative_to(REPO_ROOT))


def _string_value(node):
    """The text of a string constant, or the single string of a one-item list."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.List | ast.Tuple) and len(node.elts) == 1:
        return _string_value(node.elts[0])
    return None


def _class_model(cls):
    """The model a class declares: its ``_name``, else its single ``_inherit``."""
    attributes = {
        target.id: statement.value
        for statement in cls.body
        if isinstance(statement, ast.Assign)
        for target in statement.targets
        if isinstance(target, ast.Name)
    }
    for attribute in ("_name", "_inherit"):
        if attribute in attributes:
            return _string_value(attributes[attribute])
    return None


@pytest.mark.parametrize("addon", ADDONS)
def test_a_model_file_holds_one_model_named_as_the_file(addon):
    offenders = []
    for path in _python_files(addon, "models", "wizard"):
        if path.name == "__init__.py":
            continue
        classes = [
            node
            for node in ast.parse(path.read_text(encoding="utf-8")).body
            if isinstance(node, ast.ClassDef)
        ]
        models = {_class_model(cls) for cls in classes}
        for cls in classes:
            if _class_model(cls) is None:
                offenders.append(
                    f"{_relative(path)}: class {cls.name} declares no single model "
                    "(code that is not a model goes in tools/)"
                )
        models.discard(None)
        if len(models) > 1:
            offenders.append(f"{_relative(path)}: holds {len(models)} models {sorted(models)}")
        for model in models:
            if model.replace(".", "_") != path.stem:
                offenders.append(
                    f"{_relative(path)}: holds {model}, so it is named {model.replace('.', '_')}.py"
                )
    assert not offenders, "\n".join(offenders)


def _xml_files(addon, *folders):
    root = REPO_ROOT / addon
    return sorted(
        path
        for folder in folders
        if (root / folder).is_dir()
        for path in (root / folder).glob("*.xml")
    )


def _view_records(addon):
    """(path, xml-id, model or None, inherited view's xml-id) of every
    ir.ui.view record in the addon's views/ and wizard/ files."""
    for path in _xml_files(addon, "views", "wizard"):
        for record in etree.parse(str(path)).getroot().iter("record"):
            if record.get("model") != "ir.ui.view":
                continue
            model = record.find("field[@name='model']")
            inherit = record.find("field[@name='inherit_id']")
            xmlid = record.get("id")
            if "." not in xmlid:
                xmlid = f"{addon}.{xmlid}"
            parent = inherit.get("ref") if inherit is not None else None
            if parent and "." not in parent:
                parent = f"{addon}.{parent}"
            yield path, xmlid, model.text.strip() if model is not None else None, parent


def _models_of_kentro_views():
    return {
        xmlid: model
        for addon in ADDONS
        for _path, xmlid, model, _parent in _view_records(addon)
        if model
    }


@pytest.mark.parametrize("addon", ADDONS)
def test_a_view_lives_in_its_models_views_file(addon):
    known = _models_of_kentro_views()
    offenders = []
    for path, xmlid, model, parent in _view_records(addon):
        model = model or known.get(parent)
        if model is None:
            offenders.append(f"{_relative(path)}: view {xmlid} names no model")
            continue
        expected = f"{model.replace('.', '_')}_views.xml"
        if path.name != expected:
            offenders.append(f"{_relative(path)}: view {xmlid} of {model} belongs in {expected}")
    assert not offenders, "\n".join(offenders)


def _noupdate(element):
    return any(
        ancestor.get("noupdate") in ("1", "True", "true") for ancestor in element.iterancestors()
    )


@pytest.mark.parametrize("addon", ADDONS)
def test_mail_templates_are_data_loaded_once(addon):
    root = REPO_ROOT / addon
    offenders = []
    for path in sorted(root.rglob("*.xml")):
        if "static" in path.relative_to(root).parts:
            continue
        for record in etree.parse(str(path)).getroot().iter("record"):
            if record.get("model") != "mail.template":
                continue
            where = f"{_relative(path)}: mail template {record.get('id')}"
            if path.parent != root / "data":
                offenders.append(f"{where} is not in {addon}/data/")
            if not _noupdate(record):
                offenders.append(f'{where} is not under noupdate="1"')
    assert not offenders, "\n".join(offenders)


def _tokens(path):
    return list(tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline))


@pytest.mark.parametrize("addon", ADDONS)
def test_group_xml_ids_are_named_in_tools_groups_only(addon):
    offenders = [
        f"{_relative(path)}:{token.start[0]}: {token.string}"
        for path in _python_files(addon)
        if path.relative_to(REPO_ROOT) != GROUPS_MODULE
        for token in _tokens(path)
        if token.type == tokenize.STRING and "kentro_community.group_" in token.string
    ]
    assert not offenders, "use odoo.addons.kentro_community.tools.groups:\n" + "\n".join(offenders)


def _statement_starts(source):
    """For each line, the first line of the innermost statement holding it."""
    starts = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.stmt):
            for line in range(node.lineno, (node.end_lineno or node.lineno) + 1):
                if starts.get(line, 0) < node.lineno:
                    starts[line] = node.lineno
    return starts


def _sudo_is_explained(line, lines, comment_lines, statement_start):
    """A comment on the line, in the comment lines directly above it or above
    its statement, or inside its statement before it."""
    if line in comment_lines:
        return True
    for first in (line, statement_start):
        above = first - 1
        if above >= 1 and lines[above - 1].lstrip().startswith("#"):
            return True
    return any(
        lines[number - 1].lstrip().startswith("#") for number in range(statement_start, line)
    )


@pytest.mark.parametrize("addon", ADDONS)
def test_every_sudo_says_why_it_cannot_leak(addon):
    offenders = []
    for path in _python_files(addon):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        tokens = _tokens(path)
        comment_lines = {token.start[0] for token in tokens if token.type == tokenize.COMMENT}
        starts = _statement_starts(source)
        for previous, token, following, argument in zip(
            tokens, tokens[1:], tokens[2:], tokens[3:], strict=False
        ):
            if (token.type, token.string, previous.string, following.string) != (
                tokenize.NAME,
                "sudo",
                ".",
                "(",
            ):
                continue
            if argument.string == "False":
                continue  # sudo(False) leaves superuser mode: nothing to explain
            line = token.start[0]
            if not _sudo_is_explained(line, lines, comment_lines, starts.get(line, line)):
                offenders.append(f"{_relative(path)}:{line}: {lines[line - 1].strip()}")
    assert not offenders, "a sudo() without a comment saying why:\n" + "\n".join(offenders)


# A here-document fed to a Python interpreter (python - <<'PY', python3 <<EOF)
# or a program given on its command line (python -c '...').
EMBEDDED_PYTHON = re.compile(r"python[0-9.]*[\"']?\s+(?:-c\s|[^\n]*<<-?\s*[\"']?\w+)")


def test_no_python_is_embedded_in_shell_scripts():
    scripts = [
        path
        for folder in ("scripts", ".ci")
        for path in sorted((REPO_ROOT / folder).rglob("*"))
        if path.is_file() and path.suffix != ".py" and "__pycache__" not in path.parts
    ]
    assert scripts
    offenders = [
        f"{_relative(path)}:{number}: {line.strip()}"
        for path in scripts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if EMBEDDED_PYTHON.search(line)
    ]
    assert not offenders, "move this Python into a .py file the linters check:\n" + "\n".join(
        offenders
    )


INTERNALS_DOC = REPO_ROOT / "docs/odoo-internals.md"
INTERNAL_MARK = "Odoo internal: see docs/odoo-internals.md"


def _internals_rows():
    """(file, {methods}, [tests]) of each row of docs/odoo-internals.md."""
    for line in INTERNALS_DOC.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 5 or not cells[0].startswith("`"):
            continue
        methods = set(re.findall(r"`(\w+)`", cells[1]))
        [path] = re.findall(r"`([^`]+)`", cells[2])
        yield path, methods, re.findall(r"`([^`]+)`", cells[4])


def _marked_internals(addon):
    """(file, method) of each def marked as an override of an Odoo internal."""
    for path in _python_files(addon):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if INTERNAL_MARK not in line:
                continue
            following = (re.match(r"\s*def (\w+)", text) for text in lines[number + 1 : number + 5])
            found = next((match.group(1) for match in following if match), None)
            yield _relative(path), found, number + 1


@pytest.mark.parametrize("addon", ADDONS)
def test_every_marked_odoo_internal_has_its_row_in_the_doc(addon):
    documented = {
        (path, method) for path, methods, _tests in _internals_rows() for method in methods
    }
    offenders = [
        f"{path}:{line}: {method or 'no def below the mark'} is not in docs/odoo-internals.md"
        for path, method, line in _marked_internals(addon)
        if (path, method) not in documented
    ]
    assert not offenders, "\n".join(offenders)


def _test_names():
    """module.Class.method of the addons' tests, and file::function of tests/."""
    names = set()
    for path in sorted(REPO_ROOT.glob("kentro_*/tests/test_*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef):
                names.update(
                    f"{path.stem}.{node.name}.{item.name}"
                    for item in node.body
                    if isinstance(item, ast.FunctionDef)
                )
    for path in sorted((REPO_ROOT / "tests").glob("test_*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef):
                names.add(f"tests/{path.name}::{node.name}")
    return names


def test_every_test_the_internals_doc_names_exists():
    names = _test_names()
    rows = list(_internals_rows())
    assert rows
    offenders = [
        f"{path}: {test}"
        for path, _methods, tests in rows
        for test in tests
        if test.startswith("test") and test not in names
    ]
    missing_files = [path for path, _methods, _tests in rows if not (REPO_ROOT / path).is_file()]
    assert not offenders and not missing_files, "\n".join(offenders + missing_files)
    assert all(tests for _path, _methods, tests in rows), "a row names no test"
