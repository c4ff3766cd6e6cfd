"""Collections fixtures: the shipped policy, a customer with a contact, dates of a story."""

from __future__ import annotations

import pytest
from django.apps import apps

from ardesk.collections.defaults import dunning_policy_ensure
from ardesk.customers.tests.factories import ContactFactory, CustomerFactory


@pytest.fixture(autouse=True)
def _shipped_policy(db):
    """The shipped dunning policy, which an earlier transactional test's flush may have deleted."""
    dunning_policy_ensure(apps)


@pytest.fixture
def customer(company, collector):
    customer = CustomerFactory(company=company, code="C100", name="华东机电有限公司", collector=collector)
    ContactFactory(
        customer=customer, name="李娜", email="li.na@example.cn", is_primary=True, preferred_language="zh-hans"
    )
    return customer


@pytest.fixture
def english_customer(company, collector):
    customer = CustomerFactory(company=company, code="C200", name="Pacific Parts Ltd", collector=collector)
    ContactFactory(
        customer=customer, name="Anna Smith", email="anna@example.com", is_primary=True, preferred_language="en"
    )
    return customer
