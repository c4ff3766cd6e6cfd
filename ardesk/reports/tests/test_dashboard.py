"""The dashboard's figures on the hand-worked ledger (see test_aging.py for its items on D = 2024-12-31)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger import services
from ardesk.ledger.tests.factories import invoice
from ardesk.reports import dashboard, kept, selectors
from ardesk.reports.models import KeptAging
from ardesk.reports.tests.conftest import D


def test_the_dashboard_totals_are_the_aging_of_today(ledger, company):
    data = dashboard.dashboard_data(today=D, company_ids=[company.pk])
    aging = selectors.aging(as_of=D, company_ids=[company.pk], bucket_set=selectors.bucket_set_named())
    assert data.totals == aging.totals
    assert data.total == 266000
    # Overdue on D: 1-30 1,160.00 + 31-60 300.00 + 61-90 400.00 + 91-180 450.00.
    assert data.overdue == 231000
    assert data.not_due == 50000
    assert data.totals["unapplied"] == -15000


def test_the_top_overdue_customers_come_largest_first_with_their_items(ledger, company, accountant):
    other = CustomerFactory(company=company, code="B")
    services.document_post(
        by=accountant,
        company=company,
        customer=other,
        doc_type="invoice",
        number="B-1",
        issue_on=dt.date(2024, 6, 1),
        currency="CNY",
        amount="5000.00",
        due_on=dt.date(2024, 7, 1),
    )
    data = dashboard.dashboard_data(today=D, company_ids=[company.pk], top=1)
    assert [(r["customer"].code, r["overdue"], r["items"]) for r in data.top_overdue] == [("B", 500000, 1)]
    data = dashboard.dashboard_data(today=D, company_ids=[company.pk])
    # A's overdue lines on D: I1 (rest 400.00), I3's first instalment, I3's second, I5, I6.
    assert [(r["customer"].code, r["overdue"], r["items"]) for r in data.top_overdue] == [
        ("B", 500000, 1),
        ("A", 231000, 5),
    ]


def test_what_falls_due_this_week_counts_the_open_lines_due_from_today_to_the_week_end(ledger, company):
    # On 2024-12-26 the week runs to 2025-01-01: I3's second instalment (due 2024-12-30, 450.00) and
    # I5 (USD, due 2024-12-25) is already overdue then.
    data = dashboard.dashboard_data(today=dt.date(2024, 12, 26), company_ids=[company.pk])
    assert data.due_this_week == {"items": 1, "amount": 45000}
    assert data.week_end == dt.date(2025, 1, 1)


def test_the_dashboard_reads_the_kept_aging_with_the_same_figures(ledger, company, accountant, monkeypatch):
    other = CustomerFactory(company=company, code="B")
    invoice(accountant, other, "B-1", "5000.00", issue_on=dt.date(2024, 6, 1), due_on=dt.date(2024, 7, 1))
    from_items = dashboard.dashboard_data(today=D, company_ids=[company.pk])
    kept_sums = kept.sums
    kept.refresh(bucket_set=selectors.bucket_set_named(), as_of=D)
    # Posted after the refresh: a third customer, overdue and due in the week.
    late = CustomerFactory(company=company, code="L")
    for number, due_on in (("L-1", dt.date(2024, 12, 1)), ("L-2", dt.date(2025, 1, 3))):
        invoice(accountant, late, number, "80.00", issue_on=dt.date(2024, 11, 1), due_on=due_on)
    read = []
    monkeypatch.setattr(kept, "sums", lambda **scope: read.append(kept_sums(**scope)) or read[-1])
    with_kept = dashboard.dashboard_data(today=D, company_ids=[company.pk])
    assert read and read[0] is not None  # the kept rows were read
    assert with_kept.totals["1-30"] == from_items.totals["1-30"] + 8000
    assert with_kept.totals["not_due"] == from_items.totals["not_due"] + 8000
    assert with_kept.due_this_week == {
        "items": from_items.due_this_week["items"] + 1,
        "amount": from_items.due_this_week["amount"] + 8000,
    }
    rows = [(r["customer"].code, r["overdue"], r["items"]) for r in with_kept.top_overdue]
    assert rows == [(r["customer"].code, r["overdue"], r["items"]) for r in from_items.top_overdue] + [("L", 8000, 1)]
    with transaction.atomic():
        KeptAging.objects.all().delete()
        again = dashboard.dashboard_data(today=D, company_ids=[company.pk])
        transaction.set_rollback(True)
    assert (again.totals, again.top_overdue, again.due_this_week) == (
        with_kept.totals,
        with_kept.top_overdue,
        with_kept.due_this_week,
    )
