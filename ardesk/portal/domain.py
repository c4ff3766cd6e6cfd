"""The portal's rules: whether a link may still be used, how long links last, what a disagreement says."""

from __future__ import annotations

import datetime as dt

DEFAULT_LINK_DAYS = 30
# The link a dunning e-mail carries lasts as long as a promise or dispute on it may take.
DUNNING_LINK_DAYS = 30
MAX_LINK_DAYS = 366
# Requests of one address per minute on the public pages, and answers of one link per hour.
PAGE_LIMIT_PER_MINUTE = 60
ANSWER_LIMIT_PER_HOUR = 20
# One-time codes: six digits, valid ten minutes, five tries each, five codes a link an hour; once
# entered, the visitor may act for the rest of the browser session (at most CODE_SESSION_MINUTES).
CODE_DIGITS = 6
CODE_MINUTES = 10
CODE_ATTEMPTS = 5
CODES_PER_HOUR = 5
CODE_SESSION_MINUTES = 60
# A disagreement with the balance is followed up by its owner within these days.
DISAGREEMENT_TASK_DAYS = 3


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


def previous_month(today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the month before ``today``'s: the period a monthly statement run sends."""
    last = today.replace(day=1) - dt.timedelta(days=1)
    return last.replace(day=1), last


def previous_quarter(today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the calendar quarter before ``today``'s: a quarterly customer's period."""
    first_of_quarter = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
    last = first_of_quarter - dt.timedelta(days=1)
    return last.replace(month=(last.month - 1) // 3 * 3 + 1, day=1), last


def quarter_is_due(today: dt.date) -> bool:
    """Whether this month's scheduled run also sends the quarterly customers' statements: the first month
    of a quarter (January, April, July, October), for the quarter just ended."""
    return today.month % 3 == 1


def schedule_is_due(*, day: int, today: dt.date) -> bool:
    """Whether a monthly schedule on ``day`` sends this month's run: from that day of the month on."""
    return today.day >= day


def follow_up_dates(*, today: dt.date, remind_after_days: int, task_after_days: int) -> tuple[dt.date, dt.date]:
    """The last sending days whose unanswered statements are due today a reminder, and a task for the owner.

    The contact is reminded once, ``remind_after_days`` full days after the sending; the owner gets
    one task ``task_after_days`` after it, reminded or not.
    """
    return today - dt.timedelta(days=remind_after_days), today - dt.timedelta(days=task_after_days)


def run_status(*, recipients: int, sent: int, failed: int) -> str:
    """A finished run's state: "sent" when anything left (failures are listed per recipient), else "failed"."""
    if recipients and not sent and failed:
        return "failed"
    return "sent"


def code_problem(*, is_used: bool, is_expired: bool, attempts: int, matches: bool) -> str | None:
    """Why an entered one-time code is refused ("used", "expired", "tries", "wrong"), or None when it opens.

    The tries count before the comparison: the sixth try of a code fails even with the right digits.
    """
    if is_used:
        return "used"
    if is_expired:
        return "expired"
    if attempts > CODE_ATTEMPTS:
        return "tries"
    if not matches:
        return "wrong"
    return None


def masked_email(email: str) -> str:
    """An address shown to a visitor who holds only the link: its first letter and its domain (l***@example.cn)."""
    name, _at, host = email.partition("@")
    return f"{name[:1]}***@{host}" if host else "***"
