"""The finance dashboard's figures, as of today: each one cheap, each one backed by a list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Sum

from ardesk.customers.models import Customer
from ardesk.ledger import selectors as ledger
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
    lines = ledger.open_lines(as_of=today, company_ids=company_ids)
    top_rows = list(
        lines.filter(due_on__lt=today)
        .values("customer_id")
        .annotate(overdue=Sum("open_functional"), items=Count("id"))
        .order_by("-overdue")[:top]
    )
    names = Customer.objects.select_related("company").in_bulk([r["customer_id"] for r in top_rows])
    for row in top_rows:
        row["customer"] = names[row["customer_id"]]
    week_end = today + dt.timedelta(days=6)
    due = lines.filter(due_on__gte=today, due_on__lte=week_end).aggregate(
        items=Count("id"), amount=Sum("open_functional")
    )
    return Dashboard(
        as_of=today,
        currency=report.currency,
        aging=report,
        total=report.total,
        overdue=overdue,
        not_due=totals[first_key],
        top_overdue=top_rows,
        due_this_week={"items": due["items"], "amount": due["amount"] or 0},
        week_end=week_end,
    )
