"""Questions about one customer that other contexts ask."""

from __future__ import annotations

import pytest

from ardesk.customers.selectors import preferred_language
from ardesk.customers.tests.factories import ContactFactory, CustomerFactory

pytestmark = pytest.mark.django_db


def test_a_customer_is_written_to_in_its_primary_contacts_language(company):
    customer = CustomerFactory(company=company)
    assert preferred_language(customer) == "zh-hans"  # no contact yet: Chinese
    ContactFactory(customer=customer, name="王伟", preferred_language="zh-hans")
    assert preferred_language(customer) == "zh-hans"
    ContactFactory(customer=customer, name="Alex Chan", preferred_language="en", is_primary=True)
    assert preferred_language(customer) == "en"


def test_without_a_primary_contact_the_first_contact_decides(company):
    customer = CustomerFactory(company=company)
    ContactFactory(customer=customer, name="Alex Chan", preferred_language="en")
    ContactFactory(customer=customer, name="王伟", preferred_language="zh-hans")
    assert preferred_language(customer) == "en"
