"""What appointments share beyond their model: their attendance states and the
times they are told in (the appointment form, the slot finder, the card, the
activity report)."""

import pytz

ATTENDANCE = [
    ("planned", "Planned"),
    ("attended", "Attended"),
    ("missed", "Missed (no-show)"),
    ("cancelled_beneficiary", "Cancelled by the beneficiary"),
    ("cancelled_centre", "Cancelled by the centre"),
]
# A cancelled appointment keeps nobody busy.
CANCELLED = ("cancelled_beneficiary", "cancelled_centre")


def utc(value):
    """An Odoo (naive, UTC) datetime as an aware one."""
    return pytz.utc.localize(value) if value.tzinfo is None else value


def closures(leaves, calendars, start, stop, limit=None):
    """The closures (global leaves: public holidays, local feasts, closures
    typed by hand) of ``calendars`` overlapping [start, stop), earliest first,
    read through ``leaves`` (the ``resource.calendar.leaves`` model, with the
    caller's rights)."""
    return leaves.search(
        [
            ("calendar_id", "in", [calendar.id for calendar in calendars]),
            ("resource_id", "=", False),
            ("date_from", "<", stop),
            ("date_to", ">", start),
        ],
        order="date_from",
        limit=limit,
    )


def _clock(hours):
    hour, minute = divmod(round(hours * 60), 60)
    return f"{hour:02d}:{minute:02d}"


def opening_hours_text(calendar):
    """The weekly hours of a resource calendar, one day per clause: «Monday 08:00–16:00»."""
    by_day = {}
    for line in calendar.attendance_ids.filtered(lambda a: a.day_period != "lunch").sorted(
        lambda a: (a.dayofweek, a.hour_from)
    ):
        by_day.setdefault(line.dayofweek, []).append(
            f"{_clock(line.hour_from)}–{_clock(line.hour_to)}"
        )
    env = calendar.env
    labels = dict(
        env["resource.calendar.attendance"]._fields["dayofweek"]._description_selection(env)
    )
    return ", ".join(f"{labels[day]} {' / '.join(hours)}" for day, hours in by_day.items())
