"""The credit portfolio: grades best first with the ungraded last, utilisation drawn from every limit."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client

from ardesk.core import clock
from ardesk.credit import selectors
from ardesk.credit.models import CreditAccount
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.tests.factories import invoice

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 6, 30)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def _account(company, code: str, grade: str, limit: int = 0):
    customer = CustomerFactory(company=company, code=code)
    CreditAccount.objects.create(customer=customer, company=company, grade=grade, limit=limit)
    return customer


def test_grades_are_listed_by_rank_and_the_ungraded_last(company, manager):
    for code, grade in [("G1", "C"), ("G2", "A"), ("G3", "AAA"), ("G4", "BBB"), ("G5", "AA"), ("G6", "A"), ("G7", "")]:
        _account(company, code, grade)
    CustomerFactory(company=company, code="G8")  # no credit account at all

    by_grade = selectors.portfolio(user=manager, as_of=TODAY)["by_grade"]

    assert [(row["grade"], row["customers"]) for row in by_grade] == [
        ("AAA", 1),
        ("AA", 1),
        ("A", 2),
        ("BBB", 1),
        ("C", 1),
        ("", 2),
    ]
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(manager)
    page = client.get("/credit/portfolio/").content.decode()
    table = page[page.index('id="by-grade"') : page.index('id="utilisation"')]
    shown = re.findall(r'<tr><td>([^<]+)</td><td class="num">(\d+)</td>', table)
    assert shown == [("AAA", "1"), ("AA", "1"), ("A", "2"), ("BBB", "1"), ("C", "1"), ("Not graded", "2")]


def test_the_highest_utilisation_is_found_among_all_limits(company, manager, accountant):
    # 0.00 of 1,000.00; 500.00 of 1,000.00 (50 %); 2,400.00 of 2,000.00 (120 %), created last
    _account(company, "U1", "A", limit=100_000)
    half = _account(company, "U2", "A", limit=100_000)
    invoice(accountant, half, "IU2", "500.00", issue_on=dt.date(2026, 6, 1), due_on=dt.date(2026, 7, 1))
    over = _account(company, "U3", "BBB", limit=200_000)
    invoice(accountant, over, "IU3", "2400.00", issue_on=dt.date(2026, 6, 1), due_on=dt.date(2026, 7, 1))

    rows = selectors.portfolio(user=manager, as_of=TODAY, highest=2)["utilisation"]

    assert [(row["account"].customer.code, str(row["utilisation"])) for row in rows] == [
        ("U3", "1.2000"),
        ("U2", "0.5000"),
    ]
    assert str(rows[0]["exposure"]) == "2400.00"


def test_the_credit_page_does_not_link_to_itself_and_the_customer_page_links_to_it(company, manager):
    customer = _account(company, "L1", "A", limit=100_000)
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(manager)
    link = f'href="/credit/customers/{customer.pk}/"'
    assert link not in client.get(f"/credit/customers/{customer.pk}/").content.decode()
    assert link in client.get(f"/credit/customers/{customer.pk}/panel/").content.decode()
