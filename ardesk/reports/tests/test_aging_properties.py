"""Property: on random ledgers and dates, the aging's buckets add up to the open balance computed
independently from the documents, and each bucket holds what a plain Python bucketing gives."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.models import Document, DueLine
from ardesk.ledger.tests.test_invariants import START, apply, expected_open_by_line, operations
from ardesk.reports import domain, selectors


def unapplied_by_hand(customer, as_of: dt.date) -> list[int]:
    """Each credit's unallocated amount on a date, from its amount and its allocations by then."""
    reversed_on = dict(Document.objects.filter(reversal_of__isnull=False).values_list("reversal_of_id", "issue_on"))
    found = []
    for credit in Document.objects.filter(customer=customer, amount__lt=0, reversal_of=None, issue_on__lte=as_of):
        if credit.pk in reversed_on and reversed_on[credit.pk] <= as_of:
            continue
        left = -credit.amount - sum(a.amount for a in credit.allocations_out.all() if a.allocated_on <= as_of)
        if left > 0:
            found.append(left)
    return found


@pytest.mark.django_db
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(ops=operations, offset=st.integers(0, 100))
def test_buckets_add_up_to_the_balance_of_the_documents(ops, offset, accountant, company):
    with transaction.atomic():
        customer = CustomerFactory(company=company)
        apply(accountant, customer, ops)
        as_of = START + dt.timedelta(days=offset)
        bucket_set = selectors.bucket_set_named()
        report = selectors.aging(as_of=as_of, company_ids=[company.pk], bucket_set=bucket_set)
        balance = sum(d.amount for d in Document.objects.filter(customer=customer, issue_on__lte=as_of))
        assert report.total == balance
        assert report.difference == 0
        open_lines = expected_open_by_line(customer, as_of)
        due = dict(DueLine.objects.filter(pk__in=open_lines).values_list("pk", "due_on"))
        by_hand = domain.age_buckets(
            [(due[pk], amount) for pk, amount in open_lines.items()],
            unapplied_by_hand(customer, as_of),
            as_of,
            selectors.bucket_rules(bucket_set),
        )
        assert report.totals == by_hand
        transaction.set_rollback(True)
