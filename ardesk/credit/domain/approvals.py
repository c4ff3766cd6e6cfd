"""Approvals and reviews: the approval level an amount needs, review dates."""

from __future__ import annotations

import datetime as dt

# --------------------------------------------------------------------------------------------
# Approvals and reviews.
# --------------------------------------------------------------------------------------------


def approval_level_needed(levels: list[tuple[str, int | None]], amount: int) -> str | None:
    """The lowest level whose maximum covers the amount; levels are (name, max minor units or None = any)."""
    for name, maximum in sorted(levels, key=lambda lv: (lv[1] is None, lv[1] or 0)):
        if maximum is None or amount <= maximum:
            return name
    return None


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)
