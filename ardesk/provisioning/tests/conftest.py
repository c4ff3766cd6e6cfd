"""Fixtures of the bad-debt tests: the shipped bucket sets, policies and a small ledger helper."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.apps import apps

from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.tests.factories import invoice
from ardesk.provisioning import services
from ardesk.reports.defaults import bucket_sets_ensure
from ardesk.reports.models import BucketSet

YEAR_END = dt.date(2024, 12, 31)

# IFRS 9 IE Example 12 (provision matrix), with its ">90 days" rate on every bucket beyond 90 days.
IFRS_RATES = {
    "not_due": "0.3",
    "1-30": "1.6",
    "31-60": "3.6",
    "61-90": "6.6",
    "91-180": "10.6",
    "181-365": "10.6",
    "365+": "10.6",
}
AGE_RATES = {"0-6m": "1", "6-12m": "5", "1-2y": "10", "2-3y": "30", "3y+": "50"}


@pytest.fixture(autouse=True)
def _shipped_bucket_sets(db):
    """The shipped bucket sets, which an earlier transactional test's flush may have deleted."""
    bucket_sets_ensure(apps)


def bucket_set(code: str) -> BucketSet:
    return BucketSet.objects.prefetch_related("buckets").get(code=code)


@pytest.fixture
def aging_policy(manager, company):
    return services.policy_save(
        by=manager, company=company, method="aging", bucket_set=bucket_set("age"), rates=AGE_RATES
    )


@pytest.fixture
def matrix_policy(manager, company):
    return services.policy_save(
        by=manager, company=company, method="matrix", bucket_set=bucket_set("overdue"), rates=IFRS_RATES
    )


def sale(by, customer, number: str, amount: str, *, issue_on: dt.date, due_on: dt.date | None = None):
    return invoice(by, customer, number, amount, issue_on=issue_on, due_on=due_on or issue_on)


@pytest.fixture
def customers(company):
    return [CustomerFactory(company=company, code=f"C{n}") for n in range(1, 4)]


def money(value: str) -> int:
    """An amount in fen."""
    return int(Decimal(value) * 100)
