"""Calendar months: their first and last days, months added or taken away, a period cut into months.

Every context counts months here: payment terms "end of month", the KPIs' monthly trend, the
month-end aging snapshots, the look-back of the loss rates, a credit review due in N months.
"""

from __future__ import annotations

import calendar
import datetime as dt


def month_start(day: dt.date) -> dt.date:
    """The first day of the day's month."""
    return day.replace(day=1)


def month_end(day: dt.date) -> dt.date:
    """The last day of the day's month."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def previous_month_end(day: dt.date) -> dt.date:
    """The last day of the month before the day's month."""
    return month_start(day) - dt.timedelta(days=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months later (earlier if negative), or that month's last day if shorter."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def month_periods(date_from: dt.date, date_to: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The calendar months of a period as (first day, last day), cut to the period at both ends."""
    periods = []
    start = date_from
    while start <= date_to:
        end = min(month_end(start), date_to)
        periods.append((start, end))
        start = end + dt.timedelta(days=1)
    return periods


def month_ends(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every month end from the one of ``first``'s month up to ``last`` (inclusive)."""
    ends = []
    end = month_end(first)
    while end <= last:
        ends.append(end)
        end = month_end(end + dt.timedelta(days=1))
    return ends


def period_end(period: str) -> dt.date:
    """The last day of a period written YYYY-MM; ValueError if it is not written so."""
    return month_end(dt.date.fromisoformat(f"{period}-01"))
