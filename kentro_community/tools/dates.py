"""Days as the centres count them: in Greece.

Odoo counts "today" in the user's time zone. The scheduled jobs run as OdooBot,
whose zone is Odoo's default (Europe/Brussels) or none (UTC): for an hour or
two after midnight in Greece a job would still see yesterday, and a consent
or a permit would expire a day late. Kentro's jobs count in Greek time, and
so do its reports: a period runs from midnight to midnight in Greece.
"""

from datetime import datetime, time

import pytz

GREEK_TZ = "Europe/Athens"


def in_greek_time(records):
    """``records`` counting days (and hours) in Greek time."""
    return records.with_context(tz=GREEK_TZ)


def greek_today():
    """Today's date in Greece."""
    return datetime.now(pytz.timezone(GREEK_TZ)).date()


def greek_midnight(day):
    """00:00 in Greece on ``day``, as Odoo stores date-times (UTC, naive)."""
    local = pytz.timezone(GREEK_TZ).localize(datetime.combine(day, time.min))
    return local.astimezone(pytz.utc).replace(tzinfo=None)
