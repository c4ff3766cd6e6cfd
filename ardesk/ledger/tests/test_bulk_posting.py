"""Bulk posting of receipts and credit notes (ledger.bulk_posting): the same ledger as posting them one by one."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from ardesk.audit.models import AuditEvent
from ardesk.core.errors import ApplicationError, InvalidInput
from ardesk.core.money import from_minor
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger import periods, services
from ardesk.ledger.bulk_posting import CreditToPost, credits_post
from ardesk.ledger.errors import LedgerError
from ardesk.ledger.models import Allocation, Document, DueLine, ExchangeRate

START = dt.date(2024, 1, 1)
cents = st.integers(min_value=1, max_value=200_000)
receipts = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=40),  # days after the invoices
        st.lists(st.tuples(st.integers(min_value=0, max_value=5), cents), max_size=3),  # (invoice, share)
        st.integers(min_value=0, max_value=50_000),  # left on account
        st.sampled_from(["receipt", "credit_note"]),
    ),
    min_size=1,
    max_size=6,
)


def _invoices(user, customer, amounts: list[int], currency: str) -> list[int]:
    """Post the invoices and return their due lines' ids, in the order given."""
    lines = []
    for n, amount in enumerate(amounts):
        document = services.document_post(
            by=user,
            company=customer.company,
            customer=customer,
            doc_type="invoice",
            number=f"INV-{customer.pk}-{n}",
            issue_on=START,
            currency=currency,
            amount=Decimal(amount) / 100,
            due_on=START + dt.timedelta(days=30),
        )
        lines.append(DueLine.objects.get(document=document).pk)
    return lines


def _credits(customer, plan, lines: list[int]) -> list[CreditToPost]:
    return [
        CreditToPost(
            customer_id=customer.pk,
            doc_type=doc_type,
            number=f"R{customer.pk}-{n}",
            issue_on=START + dt.timedelta(days=offset),
            amount=sum(share for _i, share in shares) + extra,
            allocations=tuple((lines[index % len(lines)], share) for index, share in shares),
        )
        for n, (offset, shares, extra, doc_type) in enumerate(plan)
        if shares or extra
    ]


def _one_by_one(user, customer, credits: list[CreditToPost], currency: str) -> None:
    """The same credits through document_post and allocation_create, amounts given as cash application gives them."""
    for credit in credits:
        document = services.document_post(
            by=user,
            company=customer.company,
            customer=customer,
            doc_type=credit.doc_type,
            number=credit.number,
            issue_on=credit.issue_on,
            currency=currency,
            amount=from_minor(credit.amount, currency),
            check_access=False,
        )
        for line_id, share in credit.allocations:
            services.allocation_create(
                by=user,
                source=document,
                line=DueLine(pk=line_id),
                amount=from_minor(share, currency),
                on=credit.issue_on,
                method="bank",
                check_access=False,
            )


def _state(customer, lines: list[int]):
    """What the ledger holds for the customer, in terms that depend on neither ids nor the customer."""
    position = {pk: n for n, pk in enumerate(lines)}
    prefix = f"R{customer.pk}-"
    line_state = [
        DueLine.objects.values_list("open_now", "open_functional_now", "settled_on").get(pk=pk) for pk in lines
    ]
    documents = sorted(
        (doc_type, number.removeprefix(prefix), *rest)
        for doc_type, number, *rest in Document.objects.filter(customer=customer, amount__lt=0).values_list(
            "doc_type",
            "number",
            "amount",
            "functional_amount",
            "rate",
            "unapplied_now",
            "unapplied_functional_now",
            "settled_on",
        )
    )
    allocations = sorted(
        (source.removeprefix(prefix), position[line], *rest)
        for source, line, *rest in Allocation.objects.filter(customer=customer).values_list(
            "source__number",
            "line_id",
            "allocated_on",
            "amount",
            "functional_amount",
            "source_functional_amount",
            "method",
        )
    )
    events = sorted(
        (
            action,
            after.get("number", after.get("source", "")).removeprefix(prefix),
            after["amount"],
            after["date"],
            shown.replace(str(customer), "CUSTOMER").replace(prefix, "").replace(f"INV-{customer.pk}-", "INV-"),
        )
        for action, after, shown in AuditEvent.objects.filter(
            object_id=str(customer.pk), action__in=["document.post", "allocation.create"]
        ).values_list("action", "after", "object_repr")
        if after.get("number", after.get("source", "")).startswith(prefix)
    )
    return line_state, documents, allocations, events


@pytest.mark.django_db
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(
    invoice_amounts=st.lists(cents, min_size=1, max_size=6),
    plan=receipts,
    currency=st.sampled_from(["CNY", "USD"]),
)
def test_bulk_posting_leaves_the_ledger_as_posting_one_by_one(invoice_amounts, plan, currency, accountant, company):
    with transaction.atomic():
        ExchangeRate.objects.create(currency="USD", quote_currency="CNY", rate_on=START, rate=Decimal("7.12345678"))
        ExchangeRate.objects.create(
            currency="USD", quote_currency="CNY", rate_on=START + dt.timedelta(days=20), rate=Decimal("7.0311")
        )
        single, bulk = CustomerFactory(company=company), CustomerFactory(company=company)
        single_lines = _invoices(accountant, single, invoice_amounts, currency)
        bulk_lines = _invoices(accountant, bulk, invoice_amounts, currency)
        single_credits = _credits(single, plan, single_lines)
        refused = {}
        try:
            with transaction.atomic():
                _one_by_one(accountant, single, single_credits, currency)
        except ApplicationError:
            refused["single"] = True
        try:
            with transaction.atomic():
                credits_post(
                    by=accountant, company=company, currency=currency, credits=_credits(bulk, plan, bulk_lines)
                )
        except ApplicationError:
            refused["bulk"] = True
        # Refused one by one (an allocation over what is open) is refused as a batch, and the other way round.
        event("refused" if refused else "posted")
        assert refused.get("single") == refused.get("bulk")
        assert _state(single, single_lines) == _state(bulk, bulk_lines)
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_a_batch_pays_invoices_and_leaves_the_rest_on_account(accountant, company):
    customer = CustomerFactory(company=company)
    first, second = _invoices(accountant, customer, [100_000, 50_000], "CNY")  # 1,000.00 and 500.00
    ids = credits_post(
        by=accountant,
        company=company,
        currency="CNY",
        credits=[
            # 1,200.00: 1,000.00 settles the first invoice, 200.00 goes to the second
            CreditToPost(
                customer.pk,
                "R-1",
                START + dt.timedelta(days=3),
                120_000,
                allocations=((first, 100_000), (second, 20_000)),
            ),
            # 400.00: 300.00 closes the second (500.00 - 200.00), 100.00 stays unapplied
            CreditToPost(customer.pk, "R-2", START + dt.timedelta(days=5), 40_000, allocations=((second, 30_000),)),
        ],
    )
    r1, r2 = Document.objects.get(pk=ids[0]), Document.objects.get(pk=ids[1])
    assert (r1.amount, r1.unapplied_now, r1.settled_on) == (-120_000, 0, START + dt.timedelta(days=3))
    assert (r2.amount, r2.unapplied_now, r2.settled_on) == (-40_000, 10_000, None)
    assert DueLine.objects.get(pk=first).open_now == 0
    assert DueLine.objects.get(pk=second).settled_on == START + dt.timedelta(days=5)
    assert AuditEvent.objects.filter(action="document.post", object_id=str(customer.pk)).count() == 4
    assert AuditEvent.objects.filter(action="allocation.create", object_id=str(customer.pk)).count() == 3


@pytest.mark.django_db
def test_a_batch_over_what_is_open_writes_nothing(accountant, company):
    customer = CustomerFactory(company=company)
    (line,) = _invoices(accountant, customer, [100_000], "CNY")
    with pytest.raises(LedgerError, match="more than is open"):
        credits_post(
            by=accountant,
            company=company,
            currency="CNY",
            credits=[
                CreditToPost(customer.pk, "R-1", START, 60_000, allocations=((line, 60_000),)),
                # 600.00 + 500.00 is 100.00 more than the 1,000.00 invoice
                CreditToPost(customer.pk, "R-2", START, 50_000, allocations=((line, 50_000),)),
            ],
        )
    assert not Document.objects.filter(number__in=["R-1", "R-2"]).exists()
    assert DueLine.objects.get(pk=line).open_now == 100_000


@pytest.mark.django_db
def test_a_batch_dated_in_a_closed_month_or_reusing_a_number_is_refused(accountant, company):
    customer = CustomerFactory(company=company)
    (line,) = _invoices(accountant, customer, [100_000], "CNY")
    credits_post(
        by=accountant, company=company, currency="CNY", credits=[CreditToPost(customer.pk, "R-1", START, 1_000)]
    )
    with pytest.raises(InvalidInput, match="R-1 already exists"):
        credits_post(
            by=accountant, company=company, currency="CNY", credits=[CreditToPost(customer.pk, "R-1", START, 1_000)]
        )
    periods.period_lock(company_id=company.pk, period=START, by=accountant)
    with pytest.raises(periods.PeriodClosed):
        credits_post(
            by=accountant,
            company=company,
            currency="CNY",
            credits=[
                CreditToPost(customer.pk, "R-2", START + dt.timedelta(days=3), 1_000, allocations=((line, 1_000),))
            ],
        )
    assert DueLine.objects.get(pk=line).open_now == 100_000
