"""Compare the runs of Odoo's own suites with and without Kentro, for
scripts/odoo-suites: reads DIR/with.log and DIR/without.log, writes
DIR/only-with-kentro.txt, DIR/failing-in-both.txt and DIR/result ("passed
failed-only-with-Kentro failing-in-both"), prints the summary, and exits
non-zero when a test fails only with Kentro or a run found no test.

Usage: python scripts/odoo-suites-compare.py DIR
"""

import re
import sys
from pathlib import Path

RESULT = re.compile(r"odoo\.tests\.result: (\d+) failed, (\d+) error\(s\) of (\d+) tests")
# "<date> <time> <pid> ERROR <db> <logger>: FAIL: <what>" (or ERROR: <what>)
FAILURE = re.compile(r"^\S+ \S+ \d+ ERROR \S+ (\S+): (?:FAIL|ERROR): (.+)$", re.MULTILINE)
SETUP = re.compile(r"^(setUpClass|tearDownClass) \(odoo\.addons\.(\w+)\.[\w.]*\.(\w+)\)")


def test_name(logger, what):
    """'calendar: TestClass.test_method' for a failure line of Odoo's log."""
    setup = SETUP.match(what)
    if setup:
        return f"{setup.group(2)}: {setup.group(3)} ({setup.group(1)})"
    module = logger.split(".")[2] if logger.startswith("odoo.addons.") else logger
    what = what.removeprefix("Subtest ")
    return f"{module}: {what.split(' ', 1)[0]}"


def main(out):
    runs = {}
    for side in ("with", "without"):
        log = out / f"{side}.log"
        text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
        results = RESULT.findall(text)
        if not results:
            print(f"FAILED: Odoo's suites reported no result on the database {side} Kentro")
            (out / "result").write_text("0 0 0\n")
            return 1
        failed, errors, total = map(int, results[-1])
        names = {test_name(logger, what) for logger, what in FAILURE.findall(text)}
        runs[side] = (total, failed + errors, names)

    total, bad, with_names = runs["with"]
    without_total, _without_bad, without_names = runs["without"]
    only = sorted(with_names - without_names)
    both = sorted(with_names & without_names)
    (out / "only-with-kentro.txt").write_text("".join(f"{name}\n" for name in only))
    (out / "failing-in-both.txt").write_text("".join(f"{name}\n" for name in both))
    print(f"Odoo's suites: {total} tests with Kentro, {without_total} without")
    for name in both:
        print(f"  fails without Kentro too (not counted): {name}")
    for name in only:
        print(f"  FAILS ONLY WITH KENTRO: {name}")
    for name in sorted(without_names - with_names):
        print(f"  fails only without Kentro: {name}")
    (out / "result").write_text(f"{total - bad} {len(only)} {len(both)}\n")
    if not total or not without_total:
        print("FAILED: Odoo's suites ran no test on one of the databases")
        return 1
    return 1 if only else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
