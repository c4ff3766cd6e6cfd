"""The hand-worked ledger of test_aging.py, shared by the report tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.apps import apps

from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger import services
from ardesk.ledger.models import DueLine, ExchangeRate
from ardesk.ledger.tests.factories import credit_note, invoice, receipt
from ardesk.reports.defaults import bucket_sets_ensure

D = dt.date(2024, 12, 31)


def allocate(by, source, document, amount, on):
    line = DueLine.objects.filter(document=document).order_by("seq").first()
    return services.allocation_create(by=by, source=source, line=line, amount=Decimal(amount), on=on)


@pytest.fixture(autouse=True)
def _shipped_bucket_sets(db):
    """The shipped bucket sets, which an earlier transactional test's flush may have deleted."""
    bucket_sets_ensure(apps)


@pytest.fixture
def ledger(accountant, company):
    ExchangeRate.objects.create(currency="USD", quote_currency="CNY", rate_on=dt.date(2024, 12, 1), rate="7.10")
    ExchangeRate.objects.create(currency="USD", quote_currency="CNY", rate_on=dt.date(2025, 1, 1), rate="7.20")
    a = CustomerFactory(company=company, code="A")
    by = accountant
    i1 = invoice(by, a, "I1", "1000.00", issue_on=dt.date(2024, 10, 1), due_on=dt.date(2024, 10, 31))
    invoice(by, a, "I2", "500.00", issue_on=dt.date(2024, 12, 1), due_on=dt.date(2025, 1, 15))
    term = services.payment_term_create(
        by=by,
        code="HALF",
        name="Half now, half later",
        kind="instalments",
        instalments=[{"percent": "50", "days": 30}, {"percent": "50", "days": 120}],
    )
    invoice(by, a, "I3", "900.00", issue_on=dt.date(2024, 9, 1), due_on=None, payment_term=term)
    i5 = invoice(by, a, "I5", "100.00", currency="USD", issue_on=dt.date(2024, 12, 10), due_on=dt.date(2024, 12, 25))
    i6 = invoice(by, a, "I6", "300.00", issue_on=dt.date(2024, 11, 1), due_on=dt.date(2024, 11, 30))
    i7 = invoice(by, a, "I7", "200.00", issue_on=dt.date(2024, 11, 1), due_on=dt.date(2024, 11, 30))
    invoice(by, a, "I4", "700.00", issue_on=dt.date(2025, 1, 5), due_on=dt.date(2025, 2, 5))
    r1 = receipt(by, a, "R1", "600.00", issue_on=dt.date(2024, 11, 15))
    allocate(by, r1, i1, "600.00", dt.date(2024, 11, 15))
    r2 = receipt(by, a, "R2", "400.00", issue_on=dt.date(2025, 1, 10))
    allocate(by, r2, i1, "400.00", dt.date(2025, 1, 10))
    usd = receipt(by, a, "RU", "100.00", currency="USD", issue_on=dt.date(2025, 1, 5))
    allocate(by, usd, i5, "100.00", dt.date(2025, 1, 5))
    services.document_reverse(by=by, document=i6, on=dt.date(2025, 1, 3))
    services.document_reverse(by=by, document=i7, on=dt.date(2024, 12, 15))
    credit_note(by, a, "CN1", "100.00", issue_on=dt.date(2024, 12, 20))
    receipt(by, a, "R3", "50.00", issue_on=D)
    receipt(by, a, "R4", "80.00", issue_on=dt.date(2025, 1, 2))
    return a
