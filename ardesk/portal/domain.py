"""The portal's rules: whether a link may still be used, how long links last, what a disagreement says."""

from __future__ import annotations

import datetime as dt

DEFAULT_LINK_DAYS = 30
MAX_LINK_DAYS = 366
# Requests of one address per minute on the public pages, and answers of one link per hour.
PAGE_LIMIT_PER_MINUTE = 60
ANSWER_LIMIT_PER_HOUR = 20


def link_problem(*, expires_on: dt.date, is_revoked: bool, has_contact: bool, today: dt.date) -> str | None:
    """Why a link can no longer be used ("revoked", "expired"), or None when it can.

    A link whose contact was removed is revoked with it: nobody is left it was given to.
    """
    if is_revoked or not has_contact:
        return "revoked"
    if expires_on < today:
        return "expired"
    return None


def link_days_problem(days: int) -> bool:
    """True when a link's validity is outside 1 day to a year."""
    return not 1 <= days <= MAX_LINK_DAYS


def days_overdue(due_on: dt.date | None, as_of: dt.date) -> int:
    """Days an item is past its due date (0 when not yet due)."""
    if due_on is None or due_on >= as_of:
        return 0
    return (as_of - due_on).days


def differences_problem(differences: dict[int, int], open_amounts: dict[int, int]) -> str | None:
    """Why the disagreement's items and amounts cannot be kept, or None.

    A disagreement names at least one item; each named item is one of the statement's open items,
    and the amount the customer gives differs from ours (otherwise it is no difference).
    """
    if not differences:
        return "none"
    if any(line_id not in open_amounts for line_id in differences):
        return "unknown"
    if any(amount < 0 for amount in differences.values()):
        return "negative"
    if all(open_amounts[line_id] == amount for line_id, amount in differences.items()):
        return "same"
    return None
