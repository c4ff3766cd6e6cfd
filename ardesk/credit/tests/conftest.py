"""Credit fixtures: the shipped scorecard and approval level, a customer with a small hand-worked ledger."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.apps import apps
from django.test import Client

from ardesk.accounts.services import token_issue
from ardesk.core import clock
from ardesk.credit import services
from ardesk.credit.defaults import credit_defaults_ensure
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.tests.factories import invoice, receipt

TODAY = dt.date(2025, 3, 31)


@pytest.fixture(autouse=True)
def _shipped_credit_defaults(db):
    """The demo scorecard and approval level, which an earlier transactional test's flush may have deleted."""
    credit_defaults_ensure(apps)


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def customer(company, accountant, today):
    """C1 owes 600.00 (invoice 1,000.00 due 2025-03-01, 400.00 paid) and 300.00 not yet due; 50.00 cash unapplied."""
    c = CustomerFactory(company=company, code="C1", founded_on=dt.date(2015, 1, 1))
    i1 = invoice(accountant, c, "I1", "1000.00", issue_on=dt.date(2025, 2, 1), due_on=dt.date(2025, 3, 1))
    invoice(accountant, c, "I2", "300.00", issue_on=dt.date(2025, 3, 15), due_on=dt.date(2025, 4, 14))
    r1 = receipt(accountant, c, "R1", "400.00", issue_on=dt.date(2025, 3, 10))
    from ardesk.ledger import services as ledger_services
    from ardesk.ledger.models import DueLine

    line = DueLine.objects.get(document=i1)
    ledger_services.allocation_create(
        by=accountant, source=r1, line=line, amount=Decimal("400.00"), on=dt.date(2025, 3, 10)
    )
    receipt(accountant, c, "R2", "50.00", issue_on=dt.date(2025, 3, 20))
    return c


def give_limit(customer, amount: str, analyst, manager, valid_until=None):
    """A limit through the request flow: the analyst asks, the manager approves."""
    request = services.credit_request_create(
        by=analyst, customer=customer, kind="limit", amount=amount, reason="Annual limit", valid_until=valid_until
    )
    if request.status == "pending":
        services.credit_request_decide(by=manager, request=request, approve=True)
    return request


def api_client(user) -> Client:
    _token, raw = token_issue(user=user)
    return Client(headers={"Authorization": f"Bearer {raw}", "Accept-Language": "en"})


def post(client, path, body):
    return client.post(path, data=json.dumps(body), content_type="application/json")
