"""Relations fixtures: a customer with a Chinese and an English contact, the shipped survey template."""

from __future__ import annotations

import pytest
from django.apps import apps

from ardesk.customers.tests.factories import ContactFactory, CustomerFactory
from ardesk.relations.defaults import survey_template_ensure


@pytest.fixture
def customer(company, collector):
    customer = CustomerFactory(company=company, code="C100", name="华东机电有限公司", collector=collector)
    ContactFactory(
        customer=customer, name="李娜", email="li.na@example.cn", is_primary=True, preferred_language="zh-hans"
    )
    ContactFactory(customer=customer, name="Anna Smith", email="anna@example.com", preferred_language="en")
    return customer


@pytest.fixture
def template(db):
    """The shipped template (an earlier transactional test's flush may have deleted it)."""
    return survey_template_ensure(apps)
