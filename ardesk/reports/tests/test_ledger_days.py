"""The ledger's daily totals, kept by database triggers, always equal the documents and allocations summed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.db.models import F, Sum
from hypothesis import HealthCheck, given, settings

from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger import daily_totals, services, tasks
from ardesk.ledger.models import Allocation, Document, DocumentStatus, ExchangeDay, LedgerDay
from ardesk.ledger.tests.test_invariants import apply, operations
from ardesk.reports.tests.conftest import D

pytestmark = pytest.mark.django_db


def kept() -> tuple[dict, dict]:
    """The daily totals as the triggers left them (a day's rows summed), without days that sum to nothing."""
    days: dict = {}
    for d in LedgerDay.objects.all():
        balance, functional, sales = days.get((d.company_id, d.currency, d.day), (0, 0, 0))
        days[(d.company_id, d.currency, d.day)] = (
            balance + d.balance,
            functional + d.balance_functional,
            sales + d.sales_functional,
        )
    exchange: dict = {}
    for e in ExchangeDay.objects.all():
        exchange[(e.company_id, e.day)] = exchange.get((e.company_id, e.day), 0) + e.realised
    return {k: v for k, v in days.items() if v != (0, 0, 0)}, {k: v for k, v in exchange.items() if v}


def summed() -> tuple[dict, dict]:
    """The same totals summed from the posted documents and the allocations."""
    days: dict = {}
    for document in Document.objects.filter(status=DocumentStatus.POSTED):
        key = (document.company_id, document.currency, document.issue_on)
        balance, functional, sales = days.get(key, (0, 0, 0))
        is_sale = document.doc_type in ("invoice", "debit_note", "credit_note")
        days[key] = (
            balance + document.amount,
            functional + document.functional_amount,
            sales + (document.functional_amount if is_sale else 0),
        )
    exchange = {
        (row["company_id"], row["allocated_on"]): row["realised"]
        for row in Allocation.objects.exclude(functional_amount=F("source_functional_amount"))
        .values("company_id", "allocated_on")
        .annotate(realised=Sum(F("functional_amount") - F("source_functional_amount")))
    }
    return {k: v for k, v in days.items() if v != (0, 0, 0)}, {k: v for k, v in exchange.items() if v}


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(ops=operations)
def test_the_daily_totals_equal_the_ledger_after_any_history(ops, accountant, company):
    with transaction.atomic():
        apply(accountant, CustomerFactory(company=company), ops)
        assert kept() == summed()
        transaction.set_rollback(True)


def test_the_hand_worked_ledger_gives_its_balance_sales_and_exchange_difference(ledger, company):
    days, exchange = kept()
    assert days == summed()[0]
    balance_on_d = sum(v[1] for (c, _cur, day), v in days.items() if c == company.pk and day <= D)
    assert balance_on_d == 266000
    # The USD receipt of 2025-01-05 (7.20) paid the invoice booked at 7.10: 10.00 CNY realised.
    assert exchange == {(company.pk, dt.date(2025, 1, 5)): -1000}
    # Credit sales of December 2024: invoices I2 500.00 and I5 710.00 (USD 100.00 at 7.10), less the
    # credit note CN1 100.00 and I7's reversal of 15 December (200.00); receipts are not sales.
    december = sum(v[2] for (_c, _cur, day), v in days.items() if day.year == 2024 and day.month == 12)
    assert december == 50000 + 71000 - 10000 - 20000


def test_changing_or_deleting_a_posted_row_outside_the_services_still_keeps_the_totals(ledger, company):
    invoice = Document.objects.filter(customer__code="A", doc_type="invoice", amount__gt=0).order_by("pk").first()
    Document.objects.filter(pk=invoice.pk).update(amount=F("amount") + 1, functional_amount=F("functional_amount") + 1)
    Document.objects.filter(pk=invoice.pk).update(issue_on=invoice.issue_on - dt.timedelta(days=3))
    assert kept() == summed()
    Document.objects.filter(pk=invoice.pk).update(status=DocumentStatus.DRAFT)
    assert kept() == summed()
    foreign = Allocation.objects.exclude(functional_amount=F("source_functional_amount")).get()
    Allocation.objects.filter(pk=foreign.pk).update(allocated_on=foreign.allocated_on + dt.timedelta(days=1))
    assert kept() == summed()
    Allocation.objects.filter(pk=foreign.pk).delete()
    assert kept() == summed()
    assert kept()[1] == {}


def test_compacting_leaves_one_row_per_day_with_the_same_totals(ledger, company):
    before = kept()
    Document.objects.filter(doc_type="invoice").update(status=DocumentStatus.DRAFT)
    Document.objects.filter(doc_type="invoice").update(status=DocumentStatus.POSTED)
    assert LedgerDay.objects.count() > len(before[0])
    left = daily_totals.totals_compact()
    assert kept() == before == summed()
    assert LedgerDay.objects.count() == len(before[0])
    assert ExchangeDay.objects.count() == len(before[1])
    assert left == len(before[0]) + len(before[1])
    assert tasks.daily_totals_compact() == left


def test_a_rebuild_from_the_ledger_gives_what_the_triggers_kept(ledger):
    before = kept()
    with connection.cursor() as cursor:
        for sql in daily_totals.REBUILD:
            cursor.execute(sql)
    assert kept() == before


def test_a_bulk_insert_is_summed_per_day(accountant, company):
    """Several documents in one INSERT statement (as imports write them) are added once each."""
    customer = CustomerFactory(company=company)
    services.document_post(
        by=accountant,
        company=company,
        customer=customer,
        doc_type="invoice",
        number="B-1",
        issue_on=dt.date(2024, 3, 1),
        currency="CNY",
        amount=Decimal("100.00"),
        due_on=dt.date(2024, 3, 31),
    )
    copies = [
        Document(
            company=company,
            customer=customer,
            doc_type="receipt",
            number=f"R-{n}",
            issue_on=dt.date(2024, 3, 1 + n % 2),
            currency="CNY",
            amount=-1000 * (n + 1),
            functional_amount=-1000 * (n + 1),
            status=DocumentStatus.POSTED,
            posted_by=accountant,
        )
        for n in range(4)
    ]
    Document.objects.bulk_create(copies)
    days, _exchange = kept()
    assert days[(company.pk, "CNY", dt.date(2024, 3, 1))] == (10000 - 1000 - 3000, 10000 - 1000 - 3000, 10000)
    assert days[(company.pk, "CNY", dt.date(2024, 3, 2))] == (-2000 - 4000, -2000 - 4000, 0)


def test_an_import_merges_the_daily_totals_it_appended(accountant, company):
    """Three invoices on two days, imported: one row per day right after, the same totals as the documents."""
    import io

    from ardesk.core.integrity import run_all
    from ardesk.ledger.imports.engine import run_import

    CustomerFactory(company=company, code="IMP1")
    csv = (
        "number,customer,issue_date,due_date,currency,amount\n"
        "M-1,IMP1,2024-05-02,2024-06-01,CNY,100.00\n"
        "M-2,IMP1,2024-05-02,2024-06-01,CNY,250.50\n"
        "M-3,IMP1,2024-05-03,2024-06-02,CNY,49.50\n"
    )
    report = run_import(
        kind="invoices", handle=io.BytesIO(csv.encode()), file_name="m.csv", company=company, user=accountant
    )
    assert report.ok and report.created == 3
    days = {(d.day, d.balance) for d in LedgerDay.objects.filter(company=company)}
    assert days == {(dt.date(2024, 5, 2), 35050), (dt.date(2024, 5, 3), 4950)}
    assert run_all()[1] == []


def test_every_trigger_of_the_daily_totals_is_installed_after_the_migrations():
    assert daily_totals.triggers_missing() == []


def test_a_missing_trigger_of_the_daily_totals_is_named_by_the_integrity_check():
    from ardesk.ledger.integrity import daily_totals as check

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP TRIGGER ledger_allocation_removed ON ledger_allocation")
        else:
            cursor.execute("DROP TRIGGER ledger_allocation_removed")
    assert daily_totals.triggers_missing() == ["ledger_allocation_removed"]
    problems = check()
    assert [(p.check, p.count, p.examples) for p in problems] == [
        ("ledger.daily_totals.triggers", 1, ["ledger_allocation_removed"])
    ]
