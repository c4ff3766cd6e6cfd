"""The kept aging (ardesk.reports.kept): a day's sums per customer, read back with the customers
posted to since recomputed, give exactly the aging read from the open items."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.models import Document
from ardesk.ledger.tests.factories import invoice, receipt
from ardesk.ledger.tests.test_invariants import START, apply, operations
from ardesk.reports import domain, integrity, kept, selectors, tasks
from ardesk.reports.models import BucketSet, KeptAging
from ardesk.reports.services import bucket_set_save
from ardesk.reports.tests.conftest import D, allocate


def report_rows(report) -> list[tuple]:
    return [(r.key, r.name, r.company, r.buckets) for r in report.rows]


def both_ways(company_ids, as_of, bucket_set, by="customer"):
    """The aging as the report reads it (the kept sums where usable), then from the open items alone."""
    read = selectors.aging(as_of=as_of, company_ids=company_ids, bucket_set=bucket_set, by=by)
    with transaction.atomic():
        KeptAging.objects.all().delete()
        from_items = selectors.aging(as_of=as_of, company_ids=company_ids, bucket_set=bucket_set, by=by)
        transaction.set_rollback(True)
    return read, from_items


def kept_read(bucket_set, as_of, company_ids) -> bool:
    limits = domain.limits(selectors.bucket_rules(bucket_set), as_of, bucket_set.unit)
    scope = {"as_of": as_of, "bucket_set": bucket_set, "bucket_limits": limits, "company_ids": company_ids}
    rows, sums = kept.customer_rows(**scope), kept.sums(**scope)
    assert (rows is None) == (sums is None)
    return rows is not None


def test_the_kept_sums_are_the_hand_worked_aging(ledger, company):
    bucket_set = selectors.bucket_set_named()
    assert kept.refresh(bucket_set=bucket_set, as_of=D) == 1
    row = bucket_set.kept.rows.get()
    # test_aging.py's ledger on D: 500 · 1,160 · 300 · 400 · 450 · 0 · 0, unapplied -150 (cents).
    assert [row.b0, row.b1, row.b2, row.b3, row.b4, row.b5, row.b6] == [50000, 116000, 30000, 40000, 45000, 0, 0]
    assert row.u == -15000
    assert (row.seq, row.code, row.company_code) == (1, "A", company.code)
    assert kept_read(bucket_set, D, [company.pk])
    read, from_items = both_ways([company.pk], D, bucket_set)
    assert report_rows(read) == report_rows(from_items)
    assert read.difference == 0


def test_postings_after_the_refresh_are_read_from_the_open_items(ledger, accountant, company):
    bucket_set = selectors.bucket_set_named()
    kept.refresh(bucket_set=bucket_set, as_of=D)
    a = Document.objects.get(number="I2").customer
    b = CustomerFactory(company=company, code="B")
    quiet = CustomerFactory(company=company, code="Q")
    invoice(accountant, quiet, "Q1", "70.00", issue_on=dt.date(2024, 12, 1), due_on=dt.date(2024, 12, 5))
    kept.refresh(bucket_set=bucket_set, as_of=D)
    # After the refresh: A pays part of I2 on D, B is invoiced, a later-dated invoice is entered.
    paid = receipt(accountant, a, "R9", "120.00", issue_on=D)
    allocate(accountant, paid, Document.objects.get(number="I2"), "120.00", D)
    invoice(accountant, b, "B1", "250.00", issue_on=dt.date(2024, 11, 20), due_on=dt.date(2024, 12, 20))
    invoice(accountant, b, "B2", "90.00", issue_on=dt.date(2025, 1, 2), due_on=dt.date(2025, 2, 2))
    found = KeptAging.objects.get(bucket_set=bucket_set)
    assert sorted(kept.touched_customers(found)) == sorted([a.pk, b.pk])
    assert kept_read(bucket_set, D, [company.pk])
    for by in ("customer", "group", "company", "collector"):
        read, from_items = both_ways([company.pk], D, bucket_set, by=by)
        assert report_rows(read) == report_rows(from_items), by
    read = selectors.aging(as_of=D, company_ids=[company.pk], bucket_set=bucket_set)
    rows = {r.key: r.buckets for r in read.rows}
    assert rows["B"]["1-30"] == 25000 and sum(rows["B"].values()) == 25000
    assert rows["A"]["not_due"] == 38000
    assert rows["Q"]["1-30"] == 7000
    assert read.difference == 0


def test_a_kept_aging_serves_only_its_own_day_and_buckets(ledger, manager, company):
    bucket_set = selectors.bucket_set_named()
    kept.refresh(bucket_set=bucket_set, as_of=D)
    assert not kept_read(bucket_set, D + dt.timedelta(days=1), [company.pk])
    rules = selectors.bucket_rules(bucket_set)
    edited = [*rules[:-2], domain.BucketRule("181-400", "181-400", 400), domain.BucketRule("400+", "400+", None)]
    bucket_set_save(by=manager, code=bucket_set.code, name=bucket_set.name, basis="due", unit="days", buckets=edited)
    bucket_set = selectors.bucket_set_named()
    assert not kept_read(bucket_set, D, [company.pk])
    assert selectors.aging(as_of=D, company_ids=[company.pk], bucket_set=bucket_set).difference == 0


def test_too_many_customers_posted_to_since_reads_the_open_items(ledger, accountant, company, monkeypatch):
    bucket_set = selectors.bucket_set_named()
    kept.refresh(bucket_set=bucket_set, as_of=D)
    assert kept_read(bucket_set, D, [company.pk])
    receipt(accountant, CustomerFactory(company=company), "R10", "10.00", issue_on=D)
    monkeypatch.setattr(kept, "TOUCHED_LIMIT", 0)
    assert not kept_read(bucket_set, D, [company.pk])


def test_the_job_refreshes_the_default_sets_only_when_something_was_posted(ledger, accountant, company, monkeypatch):
    monkeypatch.setattr(tasks.clock, "today", lambda: D)
    defaults = BucketSet.objects.filter(is_default=True).count()
    assert defaults == 2
    assert tasks.kept_aging_refresh() == defaults
    assert tasks.kept_aging_refresh() == 0
    receipt(accountant, Document.objects.get(number="I2").customer, "R11", "10.00", issue_on=D)
    assert tasks.kept_aging_refresh() == defaults
    assert set(KeptAging.objects.values_list("as_of", flat=True)) == {D}


@pytest.mark.django_db
@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(before=operations, after=operations, other=operations, offset=st.integers(0, 100))
def test_kept_and_later_postings_equal_the_open_items(before, after, other, offset, accountant, company):
    with transaction.atomic():
        as_of = START + dt.timedelta(days=offset)
        customer = CustomerFactory(company=company)
        apply(accountant, customer, before)
        apply(accountant, CustomerFactory(company=company, parent=customer), other, first=100)
        bucket_set = selectors.bucket_set_named()
        kept.refresh(bucket_set=bucket_set, as_of=as_of)
        apply(accountant, customer, after, first=200)
        assert kept_read(bucket_set, as_of, [company.pk])
        for by in ("customer", "group"):
            read, from_items = both_ways([company.pk], as_of, bucket_set, by=by)
            assert report_rows(read) == report_rows(from_items)
            assert read.difference == 0
        transaction.set_rollback(True)


@pytest.fixture
def roles(django_db_setup):
    """Transactional tests flush the role groups the migrations made: make them again."""
    from ardesk.core.testing.browser import sync_roles

    sync_roles()


@pytest.mark.django_db(transaction=True)
def test_the_refresh_gives_up_while_a_writer_holds_the_ledger(roles, persona, company, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer at a time; PostgreSQL's writers are held by a table lock")
    accountant = persona("accountant")
    customer = CustomerFactory(company=company)
    monkeypatch.setattr(kept, "LOCK_TIMEOUT", "200ms")
    writing, done = threading.Event(), threading.Event()

    def writer() -> None:
        try:
            with transaction.atomic():
                receipt(accountant, customer, "R-W", "10.00", issue_on=D)
                writing.set()
                done.wait(10)
        finally:
            connection.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert writing.wait(10)
        assert kept.refresh(bucket_set=selectors.bucket_set_named(), as_of=D) is None
    finally:
        done.set()
        thread.join()
    assert kept.refresh(bucket_set=selectors.bucket_set_named(), as_of=D) == 1


def test_a_customer_renamed_after_the_refresh_shows_its_new_name(ledger, company):
    bucket_set = selectors.bucket_set_named()
    kept.refresh(bucket_set=bucket_set, as_of=D)
    customer = Document.objects.get(number="I2").customer
    customer.name = "Renamed Ltd"
    customer.save()
    found = KeptAging.objects.get(bucket_set=bucket_set)
    assert kept.touched_customers(found) == [customer.pk]
    report = selectors.aging(as_of=D, company_ids=[company.pk], bucket_set=bucket_set)
    assert [r.name for r in report.rows] == ["Renamed Ltd"]
    kept.refresh(bucket_set=bucket_set, as_of=D)
    assert kept.touched_customers(KeptAging.objects.get(bucket_set=bucket_set)) == []
    assert bucket_set.kept.rows.get().name == "Renamed Ltd"


def test_a_company_code_changed_after_the_refresh_reads_the_open_items(ledger, company):
    bucket_set = selectors.bucket_set_named()
    kept.refresh(bucket_set=bucket_set, as_of=D)
    company.code = "NEWCO"
    company.save()
    assert not kept_read(bucket_set, D, [company.pk])
    assert selectors.aging(as_of=D, company_ids=[company.pk], bucket_set=bucket_set).rows[0].company == "NEWCO"


def test_the_integrity_check_finds_a_kept_row_that_differs_from_the_open_items(ledger, company):
    bucket_set = selectors.bucket_set_named()
    kept.refresh(bucket_set=bucket_set, as_of=D)
    assert integrity.kept_aging() == []
    row = bucket_set.kept.rows.get()
    row.b0 += 1
    row.save()
    [problem] = integrity.kept_aging()
    assert problem.count == 1
    assert problem.examples == [f"{row.customer_id}/{company.pk}"]


def test_the_kept_agings_triggers_on_customers_and_companies_survive_every_migration():
    """They watch tables of other apps (see core/tests/test_table_owners.py): a migration of those apps
    that rebuilt the table on SQLite would drop them silently."""
    sql = (
        "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
        if connection.vendor == "postgresql"
        else "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        installed = {row[0] for row in cursor.fetchall()}
    assert {"reports_kept_customer_change", "reports_kept_company_change"} <= installed
