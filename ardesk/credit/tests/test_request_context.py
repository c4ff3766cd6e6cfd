"""The approver sees a request's context (limit, exposure, overdue by age, the suggestion) and its warnings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from ardesk.credit import selectors, services
from ardesk.credit.models import CreditRequest
from ardesk.credit.tests.test_services import STATEMENT
from ardesk.ledger.tests.factories import invoice

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(user)
    return client


def ask(analyst, customer, amount: str) -> CreditRequest:
    return services.credit_request_create(by=analyst, customer=customer, kind="limit", amount=amount, reason="x")


@pytest.fixture
def scored(analyst, customer, settings):
    settings.ARDESK_LIMIT_STEP = "1"
    services.financial_statement_save(by=analyst, customer=customer, period_end=dt.date(2024, 12, 31), lines=STATEMENT)
    return services.customer_score(by=analyst, customer=customer)


def test_the_context_shows_limit_exposure_overdue_and_the_suggestion(analyst, customer, scored, today):
    request = ask(analyst, customer, str(Decimal(scored.recommended_limit) / 100 + 1))
    [context] = selectors.request_contexts([request], today=today).values()
    # C1 owes 900.00 less 50.00 unapplied; 600.00 is 30 days overdue (due 2025-03-01).
    assert (context.current_limit, context.exposure, context.overdue) == (None, Decimal("850.00"), Decimal("600.00"))
    assert [amount for _label, amount in context.overdue_bands] == [Decimal("600.00"), 0, 0]
    assert context.recommended == Decimal(scored.recommended_limit) / 100
    assert context.warnings == []  # just above the suggestion, and nothing 90 days late


def test_a_limit_far_above_the_suggestion_warns_the_approver(analyst, manager, customer, scored, settings, today):
    settings.ARDESK_LIMIT_WARNING_FACTOR = "1.5"
    suggested = Decimal(scored.recommended_limit) / 100
    request = ask(analyst, customer, str(suggested * 2))
    [warning] = selectors.request_contexts([request], today=today)[request.pk].warnings
    assert "2.0 times the scorecard's suggestion" in warning and f"{suggested:,}" in warning
    page = client_for(manager).get(reverse("credit:requests")).content.decode()
    assert f'data-warning="{request.pk}"' in page and "2.0 times" in page


def test_a_customer_with_a_large_overdue_warns_the_approver(analyst, accountant, manager, customer, today):
    invoice(accountant, customer, "OLD", "100.00", issue_on=dt.date(2024, 11, 1), due_on=dt.date(2024, 12, 1))
    request = ask(analyst, customer, "5000.00")
    [warning] = selectors.request_contexts([request], today=today)[request.pk].warnings
    assert warning == "The customer has 700.00 CNY overdue, 100.00 of it more than 90 days."
    page = client_for(manager).get(reverse("credit:requests")).content.decode()
    assert f'data-context="{request.pk}"' in page and "more than 90 days" in page
