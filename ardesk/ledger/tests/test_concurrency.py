"""Two users allocating to one invoice at the same moment never over-allocate it (PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import pytest
from django.db import connection, connections

from ardesk.core.errors import ApplicationError
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger import services
from ardesk.ledger.models import Allocation, DueLine
from ardesk.ledger.tests.factories import D0, invoice, receipt

pytestmark = pytest.mark.django_db(transaction=True)

WORKERS = 12


@pytest.fixture
def roles(django_db_setup):
    """Transactional tests flush the role groups the migrations made: make them again."""
    from django.apps import apps

    from ardesk.accounts.roles import sync_all_roles

    sync_all_roles(apps)


def test_concurrent_allocations_never_exceed_the_open_amount(roles, persona, company):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are what is tested: run with DATABASE_URL pointing at PostgreSQL")
    user = persona("accountant")
    customer = CustomerFactory(company=company)
    target = invoice(user, customer, "INV-1", "1000.00")
    line = DueLine.objects.get(document=target)
    sources = [receipt(user, customer, f"R-{n}", "300.00") for n in range(WORKERS)]
    barrier = threading.Barrier(WORKERS)
    outcomes: list[str] = []

    def allocate(source) -> None:
        try:
            barrier.wait()
            services.allocation_create(
                by=user, source=source, line=line, amount=Decimal("300.00"), on=D0 + dt.timedelta(days=1)
            )
            outcomes.append("ok")
        except ApplicationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=allocate, args=(s,)) for s in sources]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("ok") == 3 and outcomes.count("refused") == WORKERS - 3
    assert sum(a.amount for a in Allocation.objects.filter(line=line)) == 90000


def test_concurrent_allocations_of_one_receipt_never_exceed_it(roles, persona, company):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are what is tested: run with DATABASE_URL pointing at PostgreSQL")
    user = persona("accountant")
    customer = CustomerFactory(company=company)
    lines = [DueLine.objects.get(document=invoice(user, customer, f"INV-{n}", "100.00")) for n in range(WORKERS)]
    source = receipt(user, customer, "R-1", "500.00")
    barrier = threading.Barrier(WORKERS)

    def allocate(line) -> None:
        try:
            barrier.wait()
            services.allocation_create(by=user, source=source, line=line, amount="100.00", on=D0)
        except ApplicationError:
            pass
        finally:
            connections.close_all()

    threads = [threading.Thread(target=allocate, args=(line,)) for line in lines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(a.amount for a in Allocation.objects.filter(source=source)) == 50000
