"""The period lock (期末结账): a closed month of a company accepts nothing dated in it.

Every writer of something dated calls ``ensure_open`` before it writes: ledger documents (form,
API, imports), allocations and their reversals, the bad-debt context's write-offs, recoveries,
provision runs and journal entries, and the month-end FX revaluation. Posting into an earlier month
stays possible as long as that month is open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import formats
from django.utils.timezone import now
from django.utils.translation import gettext as _

from ardesk.ledger.errors import LedgerError
from ardesk.ledger.models import ClosedPeriod


class PeriodClosed(LedgerError):
    code = "period_closed"
    status = 409


def month_of(on: dt.date) -> dt.date:
    """The first day of the month ``on`` falls in: how a period is named."""
    return on.replace(day=1)


def period_label(period: dt.date) -> str:
    """A month in the user's words: "2026年11月" in Chinese, "November 2026" in English."""
    return formats.date_format(period, "YEAR_MONTH_FORMAT")


def closed_periods(company_id: int) -> set[dt.date]:
    """The closed months of a company (their first days), read once for a batch such as an import."""
    return set(ClosedPeriod.objects.filter(company_id=company_id).values_list("period", flat=True))


def is_closed(company_id: int, on: dt.date) -> bool:
    return ClosedPeriod.objects.filter(company_id=company_id, period=month_of(on)).exists()


def closed_message(period: dt.date) -> str:
    return _("%(period)s is closed: nothing dated in it is accepted.") % {"period": period_label(period)}


def ensure_open(*, company_id: int, on: dt.date | Iterable[dt.date], field: str | None = None) -> None:
    """Refuse a write dated in a closed month, naming the month; ``on`` is a date or several."""
    dates = [on] if isinstance(on, dt.date) else list(on)
    months = {month_of(d) for d in dates if d is not None}
    if not months:
        return
    closed = (
        ClosedPeriod.objects.filter(company_id=company_id, period__in=months)
        .order_by("period")
        .values_list("period", flat=True)
        .first()
    )
    if closed is not None:
        raise PeriodClosed(closed_message(closed), field=field)


def period_lock(*, company_id: int, period: dt.date, by) -> ClosedPeriod:
    """Close a company's month in the ledger (called by the month-end close, which audits it)."""
    return ClosedPeriod.objects.create(company_id=company_id, period=month_of(period), closed_by=by, closed_at=now())


def period_unlock(*, company_id: int, period: dt.date) -> None:
    """Open a closed month again (called by an approved reopening, which audits it)."""
    ClosedPeriod.objects.filter(company_id=company_id, period=month_of(period)).delete()
