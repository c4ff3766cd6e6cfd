"""Two customers over the first quarter of 2025, worked by hand in test_profitability.py."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ardesk.budgets.models import ProfitabilitySettings
from ardesk.collections.models import ContactLog
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger import services as ledger
from ardesk.provisioning.models import ProvisionRun, RunLine

D = dt.date


def post(by, company, customer, doc_type, number, on, amount, cost=None):
    return ledger.document_post(
        by=by,
        company=company,
        customer=customer,
        doc_type=doc_type,
        number=number,
        issue_on=on,
        currency="CNY",
        amount=Decimal(amount),
        due_on=on + dt.timedelta(days=30) if doc_type == "invoice" else None,
        cost=Decimal(cost) if cost else None,
        check_access=False,
    )


def approved_run(company, by, as_of, required: dict):
    total = sum(required.values())
    run = ProvisionRun.objects.create(
        company=company,
        as_of=as_of,
        status="approved",
        currency="CNY",
        required=total,
        booked=total,
        difference=0,
        prepared_by=by,
        approved_by=by,
    )
    RunLine.objects.bulk_create([RunLine(run=run, customer=c, balance=0, required=r) for c, r in required.items()])
    return run


@pytest.fixture
def quarter(company, accountant, manager):
    """Customer A pays within the quarter; customer B buys late, gets a provision and pays nothing."""
    ProfitabilitySettings.objects.create(
        company=company, cost_of_capital=Decimal("10"), notice_cost=1000, contact_cost=5000
    )
    a = CustomerFactory(company=company, code="A001", name="甲公司")
    b = CustomerFactory(company=company, code="B001", name="乙公司", parent=a)
    post(accountant, company, a, "invoice", "INV-0", D(2024, 12, 1), "30000.00", "20000.00")
    post(accountant, company, a, "invoice", "INV-1", D(2025, 1, 11), "100000.00", "70000.00")
    post(accountant, company, a, "receipt", "RC-1", D(2025, 1, 31), "30000.00")
    post(accountant, company, a, "credit_note", "CN-1", D(2025, 2, 1), "2000.00")
    post(accountant, company, a, "receipt", "RC-2", D(2025, 3, 2), "98000.00")
    post(accountant, company, b, "invoice", "INV-2", D(2025, 2, 15), "50000.00", "45000.00")
    approved_run(company, manager, D(2024, 12, 31), {a: 0})
    approved_run(company, manager, D(2025, 3, 31), {b: 500000})
    for customer, day in ((a, D(2025, 1, 20)), (a, D(2025, 2, 20)), (b, D(2025, 3, 20))):
        ContactLog.objects.create(company=company, customer=customer, channel="call", outcome="reached", logged_on=day)
    return a, b
