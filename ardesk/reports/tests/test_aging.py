"""Aging as of a date, checked against a ledger worked out by hand (the ``ledger`` fixture).

The ledger of customer A (company in CNY), and what it looks like on D = 2024-12-31 (default
overdue buckets; days past due = D - due date):

    I1  invoice 2024-10-01, due 2024-10-31, 1,000.00; R1 600.00 allocated 2024-11-15; R2 400.00
        allocated 2025-01-10 (after D)                     -> 400.00 open, 61 days  -> 61-90
    I2  invoice 2024-12-01, due 2025-01-15, 500.00       -> not due                 -> not_due
    I3  invoice 2024-09-01, 900.00, two instalments: 450.00 due 2024-10-01 (91 days) and
        450.00 due 2024-12-30 (1 day)                     -> 450.00 in 91-180, 450.00 in 1-30
    I5  invoice USD 100.00 at 7.10 on 2024-12-10, due 2024-12-25 (6 days); paid by a USD receipt at
        7.20 on 2025-01-05 (after D)                      -> 710.00 in 1-30
    I6  invoice 2024-11-01, due 2024-11-30, 300.00, reversed 2025-01-03 (after D) -> 31-60
    I7  invoice 2024-11-01, 200.00, reversed 2024-12-15 (before D)               -> gone
    I4  invoice 2025-01-05 (after D)                                             -> not yet issued
    CN1 credit note 2024-12-20, 100.00, unallocated; R3 receipt 2024-12-31, 50.00, unallocated
                                                          -> unapplied -150.00
    R4  receipt 2025-01-02, 80.00                        -> not yet received

    not_due 500.00 · 1-30 1,160.00 · 31-60 300.00 · 61-90 400.00 · 91-180 450.00 · unapplied -150.00
    total 2,660.00 = the ledger balance on D (1000 + 500 + 900 + 710 + 300 + 200 - 200 - 600 - 100 - 50).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ardesk.core.errors import InvalidInput
from ardesk.reports import selectors
from ardesk.reports.aging_output import aging_json
from ardesk.reports.kpi_selectors import receivables_on_dates
from ardesk.reports.tests.conftest import D


def cents(minor: int) -> Decimal:
    return Decimal(minor) / 100


def test_aging_on_a_past_date_matches_the_hand_worked_ledger(ledger, company):
    report = selectors.aging(as_of=D, company_ids=[company.pk], bucket_set=selectors.bucket_set_named())
    assert [r.key for r in report.rows] == ["A"]
    assert {k: cents(v) for k, v in report.rows[0].buckets.items()} == {
        "not_due": Decimal("500"),
        "1-30": Decimal("1160"),
        "31-60": Decimal("300"),
        "61-90": Decimal("400"),
        "91-180": Decimal("450"),
        "181-365": 0,
        "365+": 0,
        "unapplied": Decimal("-150"),
    }
    assert cents(report.total) == Decimal("2660")
    assert cents(report.ledger_balance) == Decimal("2660")
    assert report.exchange_differences == 0
    assert report.difference == 0


def test_a_past_date_ignores_payments_made_after_it_and_today_counts_them(ledger, company):
    later = selectors.aging(
        as_of=dt.date(2025, 1, 31), company_ids=[company.pk], bucket_set=selectors.bucket_set_named()
    )
    # I1 and I5 are paid, I6 reversed, I4 issued; R4 (80.00) joined the unapplied credits.
    assert cents(later.totals["unapplied"]) == Decimal("-230")
    assert cents(later.total) == cents(later.ledger_balance) - cents(later.exchange_differences)
    # The USD receipt took 720.00 CNY at its rate to pay 710.00 of invoice: 10.00 realised difference.
    assert cents(later.exchange_differences) == Decimal("-10")
    assert later.difference == 0


def test_aging_in_the_document_currency_shows_only_that_currency(ledger, company):
    report = selectors.aging(as_of=D, company_ids=[company.pk], bucket_set=selectors.bucket_set_named(), currency="USD")
    assert report.currency == "USD"
    assert cents(report.total) == Decimal("100")
    assert cents(report.totals["1-30"]) == Decimal("100")
    assert report.difference == 0


def test_document_date_aging_buckets_by_months_since_the_invoice(ledger, company):
    report = selectors.aging(as_of=D, company_ids=[company.pk], bucket_set=selectors.bucket_set_named("age"))
    # Every item open on D was issued within six months of it.
    assert cents(report.totals["0-6m"]) == Decimal("2810")
    assert cents(report.totals["unapplied"]) == Decimal("-150")
    assert report.difference == 0


def test_grouping_by_currency_and_by_company_gives_the_same_totals(ledger, company):
    named = selectors.bucket_set_named()
    by_customer = selectors.aging(as_of=D, company_ids=[company.pk], bucket_set=named)
    for by in ("group", "company", "collector", "currency"):
        other = selectors.aging(as_of=D, company_ids=[company.pk], bucket_set=named, by=by)
        assert other.totals == by_customer.totals, by
    by_currency = selectors.aging(as_of=D, company_ids=[company.pk], bucket_set=named, by="currency")
    assert {r.key: cents(r.total) for r in by_currency.rows} == {"CNY": Decimal("1950"), "USD": Decimal("710")}


def test_json_follows_the_documented_contract(ledger, company):
    data = aging_json(selectors.aging(as_of=D, company_ids=[company.pk], bucket_set=selectors.bucket_set_named()))
    assert data["as_of"] == "2024-12-31"
    assert data["basis"] == "due"
    assert data["currency"] == "CNY"
    assert [b["key"] for b in data["buckets"]] == [
        "not_due",
        "1-30",
        "31-60",
        "61-90",
        "91-180",
        "181-365",
        "365+",
        "unapplied",
    ]
    assert data["rows"][0]["key"] == "A"
    assert data["rows"][0]["total"] == "2660.00"
    assert data["rows"][0]["buckets"]["1-30"] == "1160.00"
    assert data["totals"]["buckets"]["unapplied"] == "-150.00"
    assert data["reconciliation"] == {"ledger_balance": "2660.00", "exchange_differences": "0.00", "difference": "0.00"}


def test_companies_with_different_functional_currencies_need_a_choice(ledger, company, other_company):
    other_company.functional_currency = "USD"
    other_company.save()
    with pytest.raises(InvalidInput):
        selectors.aging(as_of=D, company_ids=[company.pk, other_company.pk], bucket_set=selectors.bucket_set_named())


def test_the_receivables_on_several_dates_equal_the_aging_totals_of_those_dates(ledger, company):
    """The DSO trend's ending AR (two grouped queries) is what the aging of each date adds up to,
    also after the USD receipt of 5 January 2025 realised an exchange difference."""
    dates = [dt.date(2024, 9, 30), D, dt.date(2025, 1, 4), dt.date(2025, 1, 5), dt.date(2025, 2, 28)]
    found = receivables_on_dates(company_ids=[company.pk], dates=dates)
    bucket_set = selectors.bucket_set_named()
    for on in dates:
        report = selectors.aging(as_of=on, company_ids=[company.pk], bucket_set=bucket_set)
        assert found[on] == report.total, on
    assert found[D] == 266000
    assert found[dt.date(2025, 2, 28)] != found[dt.date(2025, 1, 4)]
    assert (
        selectors.aging(
            as_of=dt.date(2025, 2, 28), company_ids=[company.pk], bucket_set=bucket_set
        ).exchange_differences
        != 0
    )


def test_the_report_session_restores_the_connections_settings(ledger, company):
    from django.db import connection

    from ardesk.reports.aging_sql import report_session

    if connection.vendor != "postgresql":
        pytest.skip("the report's planner settings are PostgreSQL's")
    names = ("jit", "work_mem", "max_parallel_workers_per_gather", "random_page_cost")

    def settings() -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(f"current_setting('{name}')" for name in names))
            return list(cursor.fetchone())

    before = settings()
    with report_session():
        assert settings() == ["off", "64MB", "0", "1.1"]
        selectors.aging(as_of=D, company_ids=[company.pk], bucket_set=selectors.bucket_set_named())
    assert settings() == before
