"""Demo risk data: the day's scan of each company (signals, the watch list by rule, alerts), and one customer
put on the watch list by hand with an action, so the risk screens are not empty."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count

from ardesk.customers.selectors import preferred_language
from ardesk.risk import services
from ardesk.risk.models import Alert, RiskSignal, WatchEntry, WatchStatus

# The watch-list reason and the action's note, as the analyst and the collector write them.
TEXTS = ("多项预警信号同时出现，需重点跟进", "与财务负责人确认付款计划")


def demo_risk(*, companies, users, anchor: dt.date) -> dict[str, int]:
    """Scan each company on the anchor date; watch by hand the customer with most signals not already watched."""
    analyst, collector = users["analyst"], users["collector"]
    counts = {"signals": 0, "watched": 0}
    for company in companies:
        scan = services.risk_scan(company=company, as_of=anchor)
        counts["signals"] += scan.signals
        watched = WatchEntry.objects.filter(company=company, status=WatchStatus.OPEN).values("customer_id")
        candidates = (
            RiskSignal.objects.filter(company=company, status="active")
            .exclude(customer_id__in=watched)
            .values("customer_id")
            .annotate(n=Count("id"))
            .order_by("-n", "customer_id")[:20]
        )
        # A customer whose file is kept in Chinese, as the analyst writes the reason in Chinese.
        customers = company.customers.in_bulk([row["customer_id"] for row in candidates])
        chosen = [
            c for c in (customers[row["customer_id"]] for row in candidates) if preferred_language(c) == "zh-hans"
        ]
        if not chosen:
            continue
        customer = chosen[0]
        reason, note = TEXTS
        entry = services.watch_add(
            by=analyst,
            customer=customer,
            reason=reason,
            owner=collector,
            review_on=anchor + dt.timedelta(days=14),
        )
        services.watch_action_add(
            by=collector,
            entry=entry,
            kind="call",
            note=note,
            due_on=anchor + dt.timedelta(days=3),
        )
        counts["watched"] += 1
    # The demo's alerts are read in the inbox, not e-mailed to the demo users' made-up addresses.
    Alert.objects.filter(company__in=companies).update(email_pending=False)
    return counts
