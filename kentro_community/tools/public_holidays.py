"""The days a Greek structure is closed every year: the national public
holidays, from the maintained ``holidays`` library (Greece, with the feasts
that follow Orthodox Easter), and the municipality's own local feasts."""

from datetime import date, datetime, time

import holidays
import pytz


def national(years):
    """``{day: Greek name}`` of Greece's public holidays in ``years``."""
    return dict(holidays.country_holidays("GR", years=list(years), language="el"))


def local(feasts, years):
    """``{day: name}`` of ``feasts`` (kentro.local.holiday) in ``years``; a
    29 February feast only in leap years."""
    days = {}
    for year in years:
        for feast in feasts:
            try:
                days[date(year, feast.month, feast.day)] = feast.name
            except ValueError:
                continue
    return days


def whole_day(day, tz):
    """(from, to) of ``day`` in ``tz``, midnight to 23:59:59, as Odoo stores
    date-times (UTC, naive)."""
    bounds = (datetime.combine(day, time.min), datetime.combine(day, time(23, 59, 59)))
    return tuple(tz.localize(moment).astimezone(pytz.utc).replace(tzinfo=None) for moment in bounds)
