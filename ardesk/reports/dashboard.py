"""The finance dashboard's figures, as of today: each one cheap, each one backed by a list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ardesk.customers.models import Customer
from ardesk.reports import selectors
from ardesk.reports.domain import UNAPPLIED


@dataclass
class Dashboard:
    as_of: dt.date
    currency: str
    buckets: list[tuple[str, str]]
    totals: dict[str, int]
    total: int
    overdue: int
    not_due: int
    top_overdue: list[dict]
    due_this_week: dict
    week_end: dt.date

    @property
    def overdue_share(self) -> float | None:
        return self.overdue / self.total * 100 if self.total > 0 else None


def dashboard_data(*, today: dt.date, company_ids: list[int], top: int = 10) -> Dashboard:
    """Total receivables, overdue and its share, aging bars, top overdue customers, what falls due this week."""
    currency, _functional = selectors.report_currency(company_ids, None)
    week_end = today + dt.timedelta(days=6)
    figures = selectors.dashboard_figures(
        today=today, week_end=week_end, company_ids=company_ids, bucket_set=selectors.bucket_set_named(), top=top
    )
    first_key = figures.buckets[0][0]
    totals = figures.totals
    names = Customer.objects.select_related("company").in_bulk([r["customer_id"] for r in figures.top_overdue])
    for row in figures.top_overdue:
        row["customer"] = names[row["customer_id"]]
    return Dashboard(
        as_of=today,
        currency=currency,
        buckets=figures.buckets,
        totals=totals,
        total=sum(totals.values()),
        overdue=sum(v for k, v in totals.items() if k not in (first_key, UNAPPLIED)),
        not_due=totals[first_key],
        top_overdue=figures.top_overdue,
        due_this_week=figures.due_this_week,
        week_end=week_end,
    )
