"""A customer goes bad month by month; the daily scan puts it on the watch list in time and tells its owner once.

The generated history: an invoice of 10,000.00 on the first of every month of 2024, due in 30 days.
The first six are paid 0–3 days late, then 8, 15, 24 and 33 days late; the November and December
invoices are never paid. November's falls due on 2024-12-01, so it is 60 days overdue on 2025-01-30.
The scan runs every Monday until November, then every day from December to the end of February 2025.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ardesk.core import clock
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger import services as ledger_services
from ardesk.ledger.models import DueLine
from ardesk.ledger.tests.factories import invoice, receipt
from ardesk.risk import services
from ardesk.risk.models import Alert, RiskSignal, WatchEntry

DAYS_LATE = [0, 2, 0, 1, 3, 0, 8, 15, 24, 33]  # January … October; November and December unpaid
SIXTY_DAYS_OVERDUE = dt.date(2024, 12, 1) + dt.timedelta(days=60)


def _events(customer, accountant):
    """What happens on each day: invoices issued, payments received (each allocated to its invoice)."""
    events: dict[dt.date, list] = {}
    for month in range(1, 13):
        issued = dt.date(2024, month, 1)
        due = issued + dt.timedelta(days=30)
        events.setdefault(issued, []).append(("invoice", f"I{month:02d}", due))
        if month <= len(DAYS_LATE):
            events.setdefault(due + dt.timedelta(days=DAYS_LATE[month - 1]), []).append(
                ("receipt", f"I{month:02d}", None)
            )
    return events


def _happen(day, events, customer, accountant) -> None:
    for kind, number, due in events.get(day, []):
        if kind == "invoice":
            invoice(accountant, customer, number, "10000.00", issue_on=day, due_on=due)
        else:
            source = receipt(accountant, customer, f"R{number}", "10000.00", issue_on=day)
            line = DueLine.objects.get(document__number=number, customer=customer)
            ledger_services.allocation_create(
                by=accountant, source=source, line=line, amount=Decimal("10000.00"), on=day
            )


@pytest.mark.django_db
def test_a_deteriorating_customer_is_watched_before_60_days_overdue_and_its_owner_told_once(
    company, accountant, analyst, collector, manager, monkeypatch
):
    customer = CustomerFactory(company=company, code="DOWN", analyst=analyst, collector=collector)
    events = _events(customer, accountant)
    day = dt.date(2024, 1, 1)
    while day <= dt.date(2025, 2, 28):
        _happen(day, events, customer, accountant)
        if day >= dt.date(2024, 12, 1) or day.weekday() == 0:
            monkeypatch.setattr(clock, "today", lambda d=day: d)
            services.risk_scan(company=company, as_of=day)
        day += dt.timedelta(days=1)

    entry = WatchEntry.objects.get(customer=customer)
    assert entry.source == "rule" and entry.owner == analyst
    assert entry.opened_on < SIXTY_DAYS_OVERDUE
    # Days late rose (the last five payments against the first five) and the unpaid invoice is slow.
    kinds = set(RiskSignal.objects.filter(customer=customer).values_list("kind", flat=True))
    assert {"days_late_trend", "payments_slowing"} <= kinds
    # Ninety daily scans found the customer again and again; its owner has one alert, not one a day,
    # holding the watch-list entry and each signal that appeared or grew, once.
    alerts = Alert.objects.filter(user=analyst, customer=customer)
    assert alerts.count() == 1
    changes = alerts.get().changes
    assert sum(1 for c in changes if c["kind"] == "watch_list") == 1
    # Each change told is a signal episode that began (or grew) that day, never the same one again.
    told = [(c["kind"], c["severity"], c["on"]) for c in changes if c["kind"] != "watch_list"]
    began = {(s.kind, s.severity, s.first_seen_on.isoformat()) for s in RiskSignal.objects.filter(customer=customer)}
    assert len(told) == len(set(told)) and set(told) <= began
    assert len(told) < 10
    assert Alert.objects.filter(user=collector).count() == 0  # the analyst comes first in the owner rule
