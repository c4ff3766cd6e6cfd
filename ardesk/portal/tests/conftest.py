"""Portal fixtures: two customers of the company, one of another company, each with an overdue and a coming item."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps
from django.core.cache import cache

from ardesk.accounts import roles
from ardesk.collections.defaults import dunning_policy_ensure
from ardesk.conftest import make_persona
from ardesk.core import clock
from ardesk.customers.tests.factories import ContactFactory, CustomerFactory
from ardesk.ledger.tests.factories import invoice


@pytest.fixture(autouse=True)
def _fresh_rate_limits_and_policy(db):
    """Rate-limit counters of an earlier test do not count here; the shipped dunning policy is there."""
    cache.clear()
    dunning_policy_ensure(apps)


def with_items(accountant, customer, prefix: str):
    """An invoice of 1,000.00 thirty days overdue and one of 500.00 due in ten days."""
    today = clock.today()
    invoice(
        accountant,
        customer,
        f"{prefix}-1",
        "1000.00",
        issue_on=today - dt.timedelta(days=60),
        due_on=today - dt.timedelta(days=30),
    )
    invoice(
        accountant,
        customer,
        f"{prefix}-2",
        "500.00",
        issue_on=today - dt.timedelta(days=5),
        due_on=today + dt.timedelta(days=10),
    )
    return customer


@pytest.fixture
def customer_a(company, collector, accountant):
    customer = CustomerFactory(company=company, code="A100", name="华东机电有限公司", collector=collector)
    ContactFactory(customer=customer, name="李娜", email="li.na@example.cn", preferred_language="zh-hans")
    return with_items(accountant, customer, "INV-A")


@pytest.fixture
def customer_b(company, collector, accountant):
    customer = CustomerFactory(company=company, code="B200", name="Pacific Parts Ltd", collector=collector)
    ContactFactory(customer=customer, name="Anna Smith", email="anna@example.com", preferred_language="en")
    return with_items(accountant, customer, "INV-B")


@pytest.fixture
def other_accountant(other_company):
    return make_persona("other-accountant", roles.AR_ACCOUNTANT, [other_company])


@pytest.fixture
def customer_c(other_company, other_accountant):
    customer = CustomerFactory(company=other_company, code="A100", name="深圳星辰电子有限公司")
    ContactFactory(customer=customer, name="张伟", email="zhang.wei@example.cn", preferred_language="zh-hans")
    return with_items(other_accountant, customer, "INV-C")
