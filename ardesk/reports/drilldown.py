"""The items behind a cell of the aging: which open lines or unapplied credits make up an amount."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from ardesk.ledger import selectors as ledger
from ardesk.reports import domain
from ardesk.reports.models import AgingBasis, BucketSet
from ardesk.reports.selectors import bucket_rules

OVERDUE = "overdue"  # every line past its due date, whatever the bucket set


def _key_filter(by: str, key: str, company: str = "") -> Q:
    if by == "customer":
        found = Q(customer__code=key)
        return found & Q(company__code=company) if company else found
    if by == "group":
        found = Q(customer__parent__code=key) | Q(customer__code=key, customer__parent__isnull=True)
        return found & Q(company__code=company) if company else found
    if by == "company":
        return Q(company__code=key)
    if by == "collector":
        return Q(customer__collector__username=key) if key else Q(customer__collector__isnull=True)
    return Q(currency=key)


def aging_items(
    *,
    as_of: dt.date,
    company_ids: list[int],
    bucket_set: BucketSet,
    bucket: str = "",
    by: str = "",
    key: str | None = None,
    company: str = "",
    currency: str | None = None,
    due_from: dt.date | None = None,
    due_to: dt.date | None = None,
) -> tuple[str, QuerySet]:
    """The open lines (or, for the unapplied column, the credits) behind one cell, oldest first.

    Returns ("lines" | "credits", queryset); lines carry open_amount / open_functional and credits
    unapplied / unapplied_functional as of the date, like the aging itself.
    """
    if bucket == domain.UNAPPLIED:
        items = ledger.open_credits(as_of=as_of, company_ids=company_ids).select_related("customer", "company")
        kind = "credits"
        order = ["issue_on", "id"]
    else:
        items = ledger.open_lines(as_of=as_of, company_ids=company_ids).select_related(
            "customer", "company", "document"
        )
        kind = "lines"
        column = "due_on" if bucket_set.basis == AgingBasis.DUE else "issue_on"
        order = [column, "id"]
        rules = bucket_rules(bucket_set)
        keys = [r.key for r in rules]
        if bucket == OVERDUE:
            items = items.filter(due_on__lt=as_of)
        elif bucket in keys:
            index = keys.index(bucket)
            limits = domain.limits(rules, as_of, bucket_set.unit)
            if index < len(limits):
                items = items.filter(**{f"{column}__gte": limits[index]})
            if index > 0:
                items = items.filter(**{f"{column}__lt": limits[index - 1]})
    if kind == "lines" and due_from:
        items = items.filter(due_on__gte=due_from)
    if kind == "lines" and due_to:
        items = items.filter(due_on__lte=due_to)
    if currency:
        items = items.filter(currency=currency.upper())
    if by and key is not None:
        items = items.filter(_key_filter(by, key, company))
    return kind, items.order_by(*order)
