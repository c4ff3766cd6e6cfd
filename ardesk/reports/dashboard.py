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
    aging: selectors.AgingReport
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
    report = selectors.aging(
        as_of=today, company_ids=company_ids, bucket_set=selectors.bucket_set_named(), by="company"
    )
    totals = report.totals
    first_key = report.buckets[0][0]
    overdue = sum(v for k, v in totals.items() if k not in (first_key, UNAPPLIED))
    week_end = today + dt.timedelta(days=6)
    top_rows, due = selectors.due_figures(today=today, week_end=week_end, company_ids=company_ids, top=top)
    names = Customer.objects.select_related("company").in_bulk([r["customer_id"] for r in top_rows])
    for row in top_rows:
        row["customer"] = names[row["customer_id"]]
    return Dashboard(
        as_of=today,
        currency=report.currency,
        aging=report,
        total=report.total,
        overdue=overdue,
        not_due=totals[first_key],
        top_overdue=top_rows,
        due_this_week=due,
        week_end=week_end,
    )
