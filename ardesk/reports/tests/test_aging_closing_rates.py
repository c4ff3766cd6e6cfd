"""The aging at the closing rates (issue 19): foreign-currency items at the rate of the report date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.apps import apps
from django.test import Client

from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.models import ExchangeRate
from ardesk.ledger.tests.factories import invoice
from ardesk.reports import selectors
from ardesk.reports.defaults import bucket_sets_ensure

D = dt.date
AS_OF = D(2024, 11, 30)


@pytest.fixture
def ledger(accountant, company):
    bucket_sets_ensure(apps)
    c1, c2 = CustomerFactory(company=company, code="C1"), CustomerFactory(company=company, code="C2")
    ExchangeRate.objects.create(currency="USD", rate_on=D(2024, 10, 1), rate=Decimal("7.00"))
    invoice(accountant, c1, "U-1", "1000", issue_on=D(2024, 10, 10), currency="USD")  # 7,000.00 at 7.00
    invoice(accountant, c1, "N-1", "500", issue_on=D(2024, 11, 10))
    invoice(accountant, c2, "N-2", "300", issue_on=D(2024, 11, 10))
    ExchangeRate.objects.create(currency="USD", rate_on=D(2024, 11, 29), rate=Decimal("7.25"))
    return c1, c2


def test_foreign_items_are_shown_at_the_closing_rate_and_the_reconciliation_names_the_difference(company, ledger):
    bucket_set = selectors.bucket_set_named()
    historical = selectors.aging(as_of=AS_OF, company_ids=[company.pk], bucket_set=bucket_set)
    closing = selectors.aging_at_closing_rates(as_of=AS_OF, company_ids=[company.pk], bucket_set=bucket_set)
    # C1: 7,000.00 + 500.00 at historical rates; 1,000 USD × 7.25 = 7,250.00 + 500.00 at the closing rate.
    assert [(r.key, r.total) for r in historical.rows] == [("C1", 750000), ("C2", 30000)]
    assert [(r.key, r.total) for r in closing.rows] == [("C1", 775000), ("C2", 30000)]
    assert closing.unrealised == 25000 and closing.closing_rates == {"USD": Decimal("7.25")}
    assert historical.difference == 0 and closing.difference == 0


def test_a_currency_with_nothing_open_on_the_date_needs_no_rate(company, accountant, ledger):
    customer = CustomerFactory(company=company, code="J1")
    ExchangeRate.objects.create(currency="JPY", rate_on=D(2024, 12, 1), rate=Decimal("0.05"))
    invoice(accountant, customer, "J-1", "1000", issue_on=D(2024, 12, 1), currency="JPY")
    closing = selectors.aging_at_closing_rates(
        as_of=AS_OF, company_ids=[company.pk], bucket_set=selectors.bucket_set_named()
    )
    assert closing.closing_rates == {"USD": Decimal("7.25")} and closing.difference == 0


def test_the_option_on_the_screen_and_the_api(accountant, ledger):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(accountant)
    page = client.get("/reports/aging/?as_of=2024-11-30&rates=closing")
    assert page.status_code == 200 and b'id="unrealised"' in page.content and b"250.00" in page.content
    data = client.get("/api/v1/reports/aging?as_of=2024-11-30&rates=closing").json()
    assert data["rates"] == "closing" and data["closing_rates"] == {"USD": "7.25000000"}
    assert data["totals"]["total"] == "8050.00" and data["reconciliation"]["difference"] == "0.00"
    assert data["reconciliation"]["unrealised_exchange_differences"] == "250.00"
