"""The repository as a municipality's IT person receives it."""

import ast
import re
import subprocess

import polib
import pytest

from .conftest import ADDONS, REPO_ROOT

# The OCA's form: Odoo's series, then the addon's major.minor.patch.
VERSION = re.compile(r"18\.0\.(\d+)\.(\d+)\.(\d+)")


def _manifest(addon):
    return ast.literal_eval((REPO_ROOT / addon / "__manifest__.py").read_text())


@pytest.mark.parametrize("addon", ADDONS)
def test_manifest(addon):
    manifest = _manifest(addon)
    assert VERSION.fullmatch(manifest["version"]), manifest["version"]
    assert manifest["license"] in {"AGPL-3", "LGPL-3"}
    assert manifest["summary"] and manifest["installable"]
    assert manifest["author"] == "Kentro contributors"
    if addon != "kentro_community":
        assert "kentro_community" in manifest["depends"]
    for path in manifest.get("data", []) + manifest.get("demo", []):
        assert (REPO_ROOT / addon / path).is_file(), f"{addon}: {path} is listed but missing"


def test_the_addons_share_one_major_version():
    """The annexes extend the core through its hooks: they are released with it."""
    majors = {VERSION.fullmatch(_manifest(addon)["version"]).group(1) for addon in ADDONS}
    assert len(majors) == 1, majors


@pytest.mark.parametrize("addon", ADDONS)
def test_addon_layout(addon):
    folder = REPO_ROOT / addon
    icon = folder / "static/description/icon.png"
    assert icon.read_bytes().startswith(b"\x89PNG"), "the icon is not a PNG"
    assert (folder / "security/ir.model.access.csv").is_file()
    assert (folder / "tests/__init__.py").is_file()
    for fragment in ("DESCRIPTION.md", "USAGE.md", "CONFIGURE.md"):
        assert (folder / "readme" / fragment).read_text().strip()


@pytest.mark.parametrize("addon", ADDONS)
def test_greek_translation_file_is_complete(addon):
    po = polib.pofile(str(REPO_ROOT / addon / "i18n/el.po"))
    assert po.metadata["Language"] == "el"
    assert len(po) > 0
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    assert not untranslated, f"{addon}/i18n/el.po lacks Greek for {untranslated}"
    for entry in po.translated_entries():
        # Placeholders must survive translation, or Odoo raises at run time.
        placeholders = set(re.findall(r"%\(\w+\)s", entry.msgid))
        assert placeholders == set(re.findall(r"%\(\w+\)s", entry.msgstr)), entry.msgid


def test_views_use_odoo_18_syntax():
    stale = re.compile(r"<tree[ >]|\battrs=|\bstates=")
    offenders = [
        str(path.relative_to(REPO_ROOT))
        for addon in ADDONS
        for path in (REPO_ROOT / addon).rglob("*.xml")
        if stale.search(path.read_text())
    ]
    assert not offenders


def test_requirements_are_ranges_not_pins():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (REPO_ROOT / name).read_text().splitlines():
            line = line.split("#")[0].strip()
            if line:
                assert "==" not in line, f"{name}: {line} is a pin, use a range"
                assert re.search(r">=|~=", line), f"{name}: {line} has no lower bound"


def test_no_odoo_code_is_tracked():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert tracked, "not a git checkout"
    assert not [p for p in tracked if p.endswith("odoo-bin") or p.startswith("odoo/")]


def test_setup_leaves_the_clone_clean():
    """Everything scripts/ created inside the clone (.kentro/) is ignored by git."""
    assert (REPO_ROOT / ".kentro").is_dir()
    status = subprocess.run(
        ["git", "status", "--porcelain", "--ignored=no"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert ".kentro" not in status


def test_ci_runs_the_test_command_only():
    ci = (REPO_ROOT / ".ci/run").read_text()
    commands = [
        line for line in ci.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    assert commands[-1].strip() == "exec scripts/test"


def test_readme_quick_start_has_the_two_commands():
    readme = (REPO_ROOT / "README.md").read_text()
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert "scripts/demo" in quick_start and "scripts/test" in quick_start
    for script in ("scripts/demo", "scripts/test"):
        assert (REPO_ROOT / script).stat().st_mode & 0o111, f"{script} is not executable"


def test_ci_runs_odoos_own_suites_with_and_without_kentro():
    # scripts/test runs them unless told not to; CI does not tell it.
    ci = (REPO_ROOT / ".ci/run").read_text()
    test = (REPO_ROOT / "scripts/test").read_text()
    assert "ODOO_SUITES=${KENTRO_ODOO_SUITES:-1}" in test
    assert "KENTRO_ODOO_SUITES" not in ci and "--no-odoo-suites" not in ci
    assert (REPO_ROOT / "scripts/odoo-suites").stat().st_mode & 0o111
