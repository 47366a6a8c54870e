"""Print "run failed skipped" for a JUnit XML report of pytest (run = tests
that ran, skipped ones excluded); "0 1 0" when the report is missing or
unreadable, so that scripts/test counts it as a failure.

Usage: python scripts/junit-counts.py REPORT.xml
"""

import sys
import xml.etree.ElementTree as ET


def counts(path):
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return 0, 1, 0
    suites = [root] if root.tag == "testsuite" else list(root)
    total = sum(int(s.get("tests", 0)) for s in suites)
    bad = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
    skipped = sum(int(s.get("skipped", 0)) for s in suites)
    return total - skipped, bad, skipped


if __name__ == "__main__":
    print(*counts(sys.argv[1]))
