"""For scripts/lib.sh, run by the project's virtual environment's Python:
``site-packages`` prints the folder where a .pth file makes ``import odoo``
work; ``odoo`` exits non-zero unless Odoo 18.0 imports.

Usage: python scripts/venv-check.py site-packages|odoo
"""

import sys
import sysconfig


def main(what):
    if what == "site-packages":
        print(sysconfig.get_paths()["purelib"])
        return 0
    if what == "odoo":
        # Imported here: only the .pth file written before makes it importable.
        import odoo.release

        return 0 if odoo.release.version_info[:2] == (18, 0) else 1
    raise SystemExit(f"venv-check.py: unknown check {what!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
