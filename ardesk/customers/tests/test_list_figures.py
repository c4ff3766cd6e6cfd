"""The customer list shows each customer's balance, overdue, credit limit and grade, without a query per row."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.html import strip_tags

from ardesk.core import clock
from ardesk.credit.models import CreditAccount
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.tests.factories import invoice, receipt

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 6, 30)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    client.post("/accounts/language/", {"language": "en", "next": "/"})
    return client


def test_each_row_shows_balance_overdue_limit_and_grade(company, accountant):
    customer = CustomerFactory(company=company, code="F1")
    invoice(accountant, customer, "I1", "1500.00", issue_on=dt.date(2026, 1, 1), due_on=dt.date(2026, 1, 31))
    invoice(accountant, customer, "I2", "700.00", issue_on=dt.date(2026, 6, 1), due_on=dt.date(2026, 7, 31))
    receipt(accountant, customer, "R1", "200.00", issue_on=dt.date(2026, 6, 15))  # not yet allocated
    CreditAccount.objects.create(customer=customer, company=company, limit=500_000, grade="BBB")

    text = strip_tags(_client(accountant).get("/customers/").content.decode())
    row = re.sub(r"\s+", " ", text[text.index("F1") :])
    # balance 1,500 + 700 - 200 unapplied = 2,000.00; overdue only I1 (due 31 Jan); limit 5,000.00 in fen
    assert re.search(r"2,000\.00 1,500\.00 5,000\.00 BBB", row), row[:300]


def test_an_ungraded_customer_without_items_shows_zero_and_dashes(company, accountant):
    CustomerFactory(company=company, code="F2")
    text = re.sub(r"\s+", " ", strip_tags(_client(accountant).get("/customers/").content.decode()))
    assert re.search(r"F2 .*? 0\.00 0\.00 — —", text)


def test_the_list_costs_the_same_queries_for_two_customers_as_for_twenty(company, accountant):
    client = _client(accountant)

    def queries_for_page() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/customers/").status_code == 200
        return len(queries)

    for n in range(2):
        customer = CustomerFactory(company=company, code=f"Q{n:02d}")
        invoice(accountant, customer, f"IQ{n}", "100.00", issue_on=dt.date(2026, 1, 1), due_on=dt.date(2026, 1, 31))
    two = queries_for_page()
    for n in range(2, 20):
        customer = CustomerFactory(company=company, code=f"Q{n:02d}")
        invoice(accountant, customer, f"IQ{n}", "100.00", issue_on=dt.date(2026, 1, 1), due_on=dt.date(2026, 1, 31))
        CreditAccount.objects.create(customer=customer, company=company, limit=100_000, grade="A")
    assert queries_for_page() == two
