from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from ardesk.audit.models import AuditEvent
from ardesk.core.errors import InvalidInput, NotPermitted
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger import selectors, services
from ardesk.ledger.errors import LedgerError, MissingExchangeRate
from ardesk.ledger.models import Allocation, CustomerTerms, Document, DueLine, ExchangeRate, PaymentTerm
from ardesk.ledger.tests.factories import D0, invoice, net_term, receipt

D = Decimal


@pytest.fixture
def customer(company):
    return CustomerFactory(company=company)


def balance(customer, as_of):
    return selectors.balance_minor(as_of=as_of, customer_ids=[customer.pk])


def open_amounts(customer, as_of):
    return {
        line.document.number: line.open_amount
        for line in selectors.open_lines(as_of=as_of, customer_ids=[customer.pk]).select_related("document")
    }


def test_invoice_is_posted_with_one_due_line_and_an_audit_event(accountant, customer):
    doc = invoice(accountant, customer, "INV-1", "1200.50")
    assert doc.amount == 120050 and doc.functional_amount == 120050 and doc.rate == 1
    assert DueLine.objects.get(document=doc).due_on == dt.date(2024, 1, 31)
    assert AuditEvent.objects.filter(action="document.post", object_id=str(customer.pk)).exists()


def test_receipts_are_credits(accountant, customer):
    doc = receipt(accountant, customer, "R-1", "100.00")
    assert doc.amount == -10000 and not DueLine.objects.filter(document=doc).exists()


def test_duplicate_number_is_refused_per_company_and_type(accountant, customer):
    invoice(accountant, customer, "INV-1", "10")
    with pytest.raises(InvalidInput) as caught:
        invoice(accountant, customer, "INV-1", "20")
    assert "number" in caught.value.errors
    receipt(accountant, customer, "INV-1", "5")  # a receipt may carry the same number


def test_foreign_currency_uses_the_latest_rate_on_or_before_the_date(accountant, customer):
    ExchangeRate.objects.create(currency="USD", quote_currency="CNY", rate_on=dt.date(2023, 12, 29), rate=D("7.0827"))
    ExchangeRate.objects.create(currency="USD", quote_currency="CNY", rate_on=dt.date(2024, 1, 2), rate=D("7.1000"))
    doc = invoice(accountant, customer, "US-1", "1000.00", currency="USD")
    assert doc.rate == D("7.0827") and doc.functional_amount == 708270


def test_a_missing_rate_is_an_error_not_one(accountant, customer):
    with pytest.raises(MissingExchangeRate):
        invoice(accountant, customer, "US-1", "1000.00", currency="USD")
    assert not Document.objects.exists()


def test_bad_amounts_are_refused(accountant, customer):
    for amount in ("-5", "0", "1.234", "abc"):
        with pytest.raises(InvalidInput):
            invoice(accountant, customer, f"X{amount}", amount)


def test_customer_of_another_company_is_refused(accountant, customer, other_company):
    with pytest.raises(InvalidInput):
        services.document_post(
            by=accountant,
            company=other_company,
            customer=customer,
            doc_type="invoice",
            number="A",
            issue_on=D0,
            currency="CNY",
            amount="1",
            due_on=D0,
            check_access=False,
        )


def test_collector_cannot_post(collector, customer):
    with pytest.raises(NotPermitted):
        invoice(collector, customer, "INV-1", "10")


def test_customer_default_term_gives_the_due_date(accountant, customer):
    CustomerTerms.objects.create(customer=customer, payment_term=net_term("N60", 60))
    doc = services.document_post(
        by=accountant,
        company=customer.company,
        customer=customer,
        doc_type="invoice",
        number="T1",
        issue_on=D0,
        currency="CNY",
        amount="10",
    )
    assert doc.due_on == dt.date(2024, 3, 1)


def test_instalment_invoice_ages_per_instalment(accountant, customer):
    term = PaymentTerm.objects.create(code="I3", name="3 instalments", kind="instalments", days=0)
    for seq, (percent, days) in enumerate([(D("30"), 30), (D("30"), 60), (D("40"), 90)], start=1):
        term.instalments.create(seq=seq, percent=percent, days=days)
    doc = services.document_post(
        by=accountant,
        company=customer.company,
        customer=customer,
        doc_type="invoice",
        number="I-1",
        issue_on=D0,
        currency="CNY",
        amount="1000.01",
        payment_term=term,
    )
    lines = list(doc.lines.order_by("seq").values_list("due_on", "amount"))
    assert lines == [(dt.date(2024, 1, 31), 30000), (dt.date(2024, 3, 1), 30000), (dt.date(2024, 3, 31), 40001)]


def test_early_payment_discount_is_recorded(accountant, customer):
    term = net_term("2/10N30", 30, discount_percent=D("2"), discount_days=10)
    doc = services.document_post(
        by=accountant,
        company=customer.company,
        customer=customer,
        doc_type="invoice",
        number="D-1",
        issue_on=D0,
        currency="CNY",
        amount="500",
        payment_term=term,
    )
    assert (doc.discount_until, doc.discount_amount) == (dt.date(2024, 1, 11), 1000)


def test_partial_allocation_and_open_amount_as_of_any_date(accountant, customer):
    inv = invoice(accountant, customer, "INV-1", "1000")
    rec = receipt(accountant, customer, "R-1", "600", issue_on=dt.date(2024, 2, 1))
    services.allocation_create(by=accountant, source=rec, line=inv.lines.get(), amount="400", on=dt.date(2024, 2, 5))
    assert open_amounts(customer, dt.date(2024, 2, 4)) == {"INV-1": 100000}
    assert open_amounts(customer, dt.date(2024, 2, 5)) == {"INV-1": 60000}
    unapplied = {
        d.number: d.unapplied for d in selectors.open_credits(as_of=dt.date(2024, 2, 5), customer_ids=[customer.pk])
    }
    assert unapplied == {"R-1": 20000}
    assert balance(customer, dt.date(2024, 2, 5)) == 40000


def test_allocation_cannot_exceed_the_open_amount_or_the_receipt(accountant, customer):
    inv = invoice(accountant, customer, "INV-1", "100")
    rec = receipt(accountant, customer, "R-1", "300")
    with pytest.raises(LedgerError):
        services.allocation_create(by=accountant, source=rec, line=inv.lines.get(), amount="100.01", on=D0)
    small = receipt(accountant, customer, "R-2", "50")
    with pytest.raises(LedgerError):
        services.allocation_create(by=accountant, source=small, line=inv.lines.get(), amount="60", on=D0)


def test_a_backdated_allocation_cannot_overdraw_a_past_day(accountant, customer):
    inv = invoice(accountant, customer, "INV-1", "100")
    first = receipt(accountant, customer, "R-1", "100")
    second = receipt(accountant, customer, "R-2", "100")
    allocation = services.allocation_create(
        by=accountant, source=first, line=inv.lines.get(), amount="100", on=dt.date(2024, 1, 10)
    )
    services.allocation_reverse(by=accountant, allocation=allocation, on=dt.date(2024, 1, 20))
    with pytest.raises(LedgerError):
        services.allocation_create(
            by=accountant, source=second, line=inv.lines.get(), amount="100", on=dt.date(2024, 1, 15)
        )
    services.allocation_create(
        by=accountant, source=second, line=inv.lines.get(), amount="100", on=dt.date(2024, 1, 20)
    )


def test_allocation_reversal_restores_the_open_amount_from_its_date(accountant, customer):
    inv = invoice(accountant, customer, "INV-1", "100")
    rec = receipt(accountant, customer, "R-1", "100")
    allocation = services.allocation_create(
        by=accountant, source=rec, line=inv.lines.get(), amount="100", on=dt.date(2024, 1, 10)
    )
    services.allocation_reverse(by=accountant, allocation=allocation, on=dt.date(2024, 1, 20))
    assert open_amounts(customer, dt.date(2024, 1, 15)) == {}
    assert open_amounts(customer, dt.date(2024, 1, 20)) == {"INV-1": 10000}
    with pytest.raises(LedgerError):
        services.allocation_reverse(by=accountant, allocation=allocation, on=dt.date(2024, 1, 21))


def test_document_reversal_restores_the_balance_before_the_original(accountant, customer):
    inv = invoice(accountant, customer, "INV-1", "100", issue_on=dt.date(2024, 1, 5))
    services.document_reverse(by=accountant, document=inv, on=dt.date(2024, 1, 9), reason="wrong price")
    assert balance(customer, dt.date(2024, 1, 8)) == 10000
    assert balance(customer, dt.date(2024, 1, 9)) == 0
    assert open_amounts(customer, dt.date(2024, 1, 9)) == {}
    with pytest.raises(LedgerError):
        services.document_reverse(by=accountant, document=inv, on=dt.date(2024, 1, 10))


def test_the_database_refuses_a_second_reversal_of_one_document_or_allocation(accountant, customer):
    """uniq_document_reversal, uniq_allocation_reversal: partial unique indexes, without the originals (NULL)."""
    inv = invoice(accountant, customer, "INV-1", "100")
    rec = receipt(accountant, customer, "R-1", "100")
    allocation = services.allocation_create(
        by=accountant, source=rec, line=inv.lines.get(), amount="100", on=dt.date(2024, 1, 10)
    )
    services.allocation_reverse(by=accountant, allocation=allocation, on=dt.date(2024, 1, 20))
    second = Allocation.objects.filter(reverses=allocation).values()[0]
    del second["id"]
    with pytest.raises(IntegrityError), transaction.atomic():
        Allocation.objects.create(**second)
    reversal = services.document_reverse(by=accountant, document=receipt(accountant, customer, "R-2", "5"), on=D0)
    copy = Document.objects.filter(pk=reversal.pk).values()[0]
    del copy["id"]
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.create(**{**copy, "number": "R-2-again"})
    assert Document.objects.filter(reversal_of=None).count() == 3
    assert Allocation.objects.filter(reverses=None).count() == 1


def test_a_document_with_allocations_must_have_them_reversed_first(accountant, customer):
    inv = invoice(accountant, customer, "INV-1", "100")
    rec = receipt(accountant, customer, "R-1", "100")
    allocation = services.allocation_create(by=accountant, source=rec, line=inv.lines.get(), amount="100", on=D0)
    with pytest.raises(LedgerError):
        services.document_reverse(by=accountant, document=rec, on=D0)
    services.allocation_reverse(by=accountant, allocation=allocation, on=D0)
    services.document_reverse(by=accountant, document=rec, on=D0)
    assert balance(customer, D0) == 10000


def test_receipt_with_an_invoice_reference_is_allocated_to_it(accountant, customer):
    invoice(accountant, customer, "INV-1", "100")
    invoice(accountant, customer, "INV-2", "250", issue_on=dt.date(2024, 1, 2))
    receipt(accountant, customer, "R-1", "300", reference="INV-2", auto_allocate=True, issue_on=dt.date(2024, 1, 3))
    assert open_amounts(customer, dt.date(2024, 1, 3)) == {"INV-1": 5000}


def test_unallocated_cash_stays_on_the_customer(accountant, customer):
    invoice(accountant, customer, "INV-1", "100")
    receipt(accountant, customer, "R-1", "130", auto_allocate=True)
    credits = selectors.open_credits(as_of=D0, customer_ids=[customer.pk])
    assert [c.unapplied for c in credits] == [3000]
    assert balance(customer, D0) == -3000


def test_foreign_allocation_closing_the_item_takes_the_remaining_functional_amount(accountant, customer):
    ExchangeRate.objects.create(currency="USD", quote_currency="CNY", rate_on=D0, rate=D("7.12345"))
    inv = invoice(accountant, customer, "US-1", "100.01", currency="USD")
    rec = receipt(accountant, customer, "UR-1", "100.01", currency="USD")
    first = services.allocation_create(by=accountant, source=rec, line=inv.lines.get(), amount="33.33", on=D0)
    second = services.allocation_create(by=accountant, source=rec, line=inv.lines.get(), amount="66.68", on=D0)
    assert first.functional_amount + second.functional_amount == inv.functional_amount
    assert open_amounts(customer, D0) == {}


def test_a_reversal_cannot_be_dated_before_the_documents_last_allocation(accountant, customer):
    inv = invoice(accountant, customer, "INV-1", "100")
    rec = receipt(accountant, customer, "R-1", "100")
    allocation = services.allocation_create(by=accountant, source=rec, line=inv.lines.get(), amount="100", on=D0)
    services.allocation_reverse(by=accountant, allocation=allocation, on=dt.date(2024, 2, 20))
    with pytest.raises(InvalidInput) as caught:
        services.document_reverse(by=accountant, document=inv, on=dt.date(2024, 1, 5))
    assert "2024-02-20" in caught.value.errors["on"][0]
    services.document_reverse(by=accountant, document=inv, on=dt.date(2024, 2, 20))
