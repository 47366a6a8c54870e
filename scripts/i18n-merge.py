"""Merge the terms Odoo exported for one addon (a .pot file) into its Greek
.po file, for scripts/i18n-export: new terms are added untranslated,
translations that exist are kept, terms that disappeared are dropped; prints
how many terms are left untranslated, and which.

Usage: python scripts/i18n-merge.py ADDON.pot ADDON/i18n/el.po
"""

import os
import sys

import polib


def merge(pot_path, po_path):
    pot = polib.pofile(pot_path, wrapwidth=78)
    old = polib.pofile(po_path) if os.path.exists(po_path) else polib.POFile()
    known = {(e.msgctxt, e.msgid): e.msgstr for e in old if not e.obsolete}
    pot.metadata.update(
        {
            "Language": "el",
            "Language-Team": "Greek",
            "Plural-Forms": "nplurals=2; plural=(n != 1);",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
        }
    )
    for entry in pot:
        entry.msgstr = known.get((entry.msgctxt, entry.msgid), "")
    # Odoo does not export the addon's own name (a record of base); keep ours.
    exported = {(e.msgctxt, e.msgid) for e in pot}
    for entry in old:
        if any("ir.module.module" in o for o, _line in entry.occurrences):
            if (entry.msgctxt, entry.msgid) in exported:
                pot.find(entry.msgid, msgctxt=entry.msgctxt).occurrences += [
                    o for o in entry.occurrences if "ir.module.module" in o[0]
                ]
            else:
                pot.append(entry)
    pot.save(po_path)
    missing = [e.msgid for e in pot if not e.msgstr]
    print(f"{po_path}: {len(pot)} terms, {len(missing)} untranslated")
    for msgid in missing:
        print("   ", msgid)


if __name__ == "__main__":
    merge(*sys.argv[1:])
