"""Fixtures of the month-end close tests: a ledger with a closed November 2024, two finance managers."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps

from ardesk.conftest import make_persona
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger import periods
from ardesk.reports.defaults import bucket_sets_ensure

NOVEMBER = dt.date(2024, 11, 1)


@pytest.fixture(autouse=True)
def _shipped_bucket_sets(db):
    bucket_sets_ensure(apps)


@pytest.fixture
def second_manager(company):
    from ardesk.accounts import roles

    return make_persona("manager2", roles.FINANCE_MANAGER, [company])


@pytest.fixture
def customer(company):
    return CustomerFactory(company=company, code="C1")


@pytest.fixture
def close_november(company, manager):
    """Lock November 2024 in the ledger, as the close does."""

    def lock():
        periods.period_lock(company_id=company.pk, period=NOVEMBER, by=manager)

    return lock
