"""Ledger invariants, checked on random histories of postings, allocations and reversals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.db.models import Q
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ardesk.core.errors import ApplicationError
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger import selectors, services
from ardesk.ledger.models import Allocation, Document, DueLine

START = dt.date(2024, 1, 1)
amounts = st.integers(min_value=1, max_value=500_000).map(lambda c: Decimal(c) / 100)
days = st.integers(min_value=0, max_value=60)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("invoice"), amounts, days),
        st.tuples(st.just("receipt"), amounts, days),
        st.tuples(st.just("credit_note"), amounts, days),
        st.tuples(st.just("allocate"), amounts, days),
        st.tuples(st.just("unallocate"), st.integers(0, 20), days),
        st.tuples(st.just("reverse"), st.integers(0, 20), days),
    ),
    min_size=1,
    max_size=25,
)


def apply(user, customer, ops, first: int = 0) -> None:
    """Post the operations for the customer; documents are numbered from ``first``."""
    for n, (kind, value, offset) in enumerate(ops, start=first):
        on = START + dt.timedelta(days=offset)
        try:
            if kind in ("invoice", "receipt", "credit_note"):
                services.document_post(
                    by=user,
                    company=customer.company,
                    customer=customer,
                    doc_type=kind,
                    number=f"{kind}-{n}",
                    issue_on=on,
                    currency="CNY",
                    amount=value,
                    due_on=on + dt.timedelta(days=30) if kind == "invoice" else None,
                )
            elif kind == "allocate":
                source = Document.objects.filter(amount__lt=0, reversal_of=None).order_by("?").first()
                line = DueLine.objects.order_by("?").first()
                if source and line:
                    services.allocation_create(
                        by=user, source=source, line=line, amount=value, on=max(on, source.issue_on, line.issue_on)
                    )
            elif kind == "unallocate":
                allocations = list(Allocation.objects.filter(reverses=None, reversals=None, amount__gt=0))
                if allocations:
                    target = allocations[value % len(allocations)]
                    services.allocation_reverse(by=user, allocation=target, on=max(on, target.allocated_on))
            elif kind == "reverse":
                documents = list(Document.objects.filter(reversal_of=None))
                if documents:
                    target = documents[value % len(documents)]
                    last = (
                        Allocation.objects.filter(Q(source=target) | Q(line__document=target))
                        .order_by("-allocated_on")
                        .values_list("allocated_on", flat=True)
                        .first()
                    )
                    services.document_reverse(by=user, document=target, on=max(on, target.issue_on, last or on))
        except ApplicationError:
            pass  # refused operations (over-allocation, double reversal) must leave no trace


def open_by_line(as_of: dt.date) -> dict[int, int]:
    return {line.pk: line.open_amount for line in selectors.open_lines(as_of=as_of)}


def expected_open_by_line(customer, as_of: dt.date) -> dict[int, int]:
    """Each line's open amount on a date from first principles: amount less the allocations dated by then."""
    reversed_on = dict(Document.objects.filter(reversal_of__isnull=False).values_list("reversal_of_id", "issue_on"))
    expected = {}
    for line in DueLine.objects.filter(customer=customer, issue_on__lte=as_of):
        if line.document_id in reversed_on and reversed_on[line.document_id] <= as_of:
            continue
        remaining = line.amount - sum(a.amount for a in line.allocations.all() if a.allocated_on <= as_of)
        if remaining > 0:
            expected[line.pk] = remaining
    return expected


def check(customer) -> None:
    ids = [customer.pk]
    for offset in range(0, 95, 7):
        as_of = START + dt.timedelta(days=offset)
        balance = selectors.balance_minor(as_of=as_of, customer_ids=ids)
        open_total = sum(line.open_amount for line in selectors.open_lines(as_of=as_of, customer_ids=ids))
        credits = sum(c.unapplied for c in selectors.open_credits(as_of=as_of, customer_ids=ids))
        assert balance == open_total - credits, as_of
        assert open_by_line(as_of) == expected_open_by_line(customer, as_of), as_of
        later = Document.objects.filter(customer=customer, issue_on__gt=as_of)
        assert balance == sum(d.amount for d in Document.objects.filter(customer=customer)) - sum(
            d.amount for d in later
        )
    for line in DueLine.objects.all():
        assert 0 <= sum(a.amount for a in line.allocations.all()) <= line.amount
    for source in Document.objects.filter(amount__lt=0):
        assert 0 <= sum(a.amount for a in source.allocations_out.all()) <= -source.amount


@pytest.mark.django_db
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(ops=operations)
def test_balances_open_items_and_credits_always_agree(ops, accountant, company):
    with transaction.atomic():
        customer = CustomerFactory(company=company)
        apply(accountant, customer, ops)
        check(customer)
        transaction.set_rollback(True)


@pytest.mark.django_db
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations, reversal_day=days)
def test_a_reversal_restores_the_balance_before_the_original(ops, reversal_day, accountant, company):
    with transaction.atomic():
        customer = CustomerFactory(company=company)
        apply(accountant, customer, [op for op in ops if op[0] in ("invoice", "receipt")])
        on = START + dt.timedelta(days=90)
        before = selectors.balance_minor(as_of=on, customer_ids=[customer.pk])
        original = services.document_post(
            by=accountant,
            company=company,
            customer=customer,
            doc_type="invoice",
            number="X",
            issue_on=START,
            currency="CNY",
            amount="123.45",
            due_on=START,
        )
        services.document_reverse(by=accountant, document=original, on=START + dt.timedelta(days=reversal_day))
        assert selectors.balance_minor(as_of=on, customer_ids=[customer.pk]) == before
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_a_million_amounts_sum_exactly_in_the_database():
    """SQLite has no exact decimal: minor units in integer columns make the sum exact on every backend."""
    import random

    rng = random.Random(7)
    values = [rng.randrange(1, 10_000_000_00) for _ in range(1_000_000)]
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE money_check (amount BIGINT NOT NULL)")
        for start in range(0, len(values), 50_000):
            cursor.executemany(
                "INSERT INTO money_check (amount) VALUES (%s)", [(v,) for v in values[start : start + 50_000]]
            )
        cursor.execute("SELECT SUM(amount) FROM money_check")
        total = cursor.fetchone()[0]
        cursor.execute("DROP TABLE money_check")
    expected = sum((Decimal(v) / 100 for v in values), Decimal(0))
    assert Decimal(int(total)) / 100 == expected
