"""Concurrent checks for one customer cannot both pass a limit that only one fits (PostgreSQL row locks)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from ardesk.credit import services
from ardesk.credit.models import OpenOrder
from ardesk.credit.tests.conftest import give_limit
from ardesk.customers.tests.factories import CustomerFactory

pytestmark = pytest.mark.django_db(transaction=True)

WORKERS = 8


@pytest.fixture
def roles(django_db_setup):
    """Transactional tests flush the role groups the migrations made: make them again."""
    from ardesk.core.testing.browser import sync_roles

    sync_roles()


def test_concurrent_checks_release_only_the_orders_the_limit_fits(roles, persona, company, today):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are what is tested: run with DATABASE_URL pointing at PostgreSQL")
    analyst, manager = persona("analyst"), persona("manager")
    customer = CustomerFactory(company=company, code="RACE")
    give_limit(customer, "1000.00", analyst, manager)
    barrier = threading.Barrier(WORKERS)
    decisions: list[str] = []

    def check(n: int) -> None:
        try:
            barrier.wait()
            _order, result = services.credit_check(by=analyst, customer=customer, order_ref=f"SO-{n}", amount="600.00")
            decisions.append(result.decision)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=check, args=(n,)) for n in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(decisions) == ["hold"] * (WORKERS - 1) + ["release"]
    assert OpenOrder.objects.filter(customer=customer, status="released").count() == 1
