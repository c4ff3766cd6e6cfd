"""The month-end FX revaluation, worked by hand (企业会计准则第19号: monetary items at the closing rate)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ardesk.closing import domain, services
from ardesk.closing.models import EntryKind, JournalEntry, RevaluationStatus
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger import services as ledger
from ardesk.ledger.errors import MissingExchangeRate
from ardesk.ledger.models import DueLine, ExchangeRate
from ardesk.ledger.periods import PeriodClosed
from ardesk.ledger.tests.factories import invoice, receipt

D = dt.date
NOVEMBER = D(2024, 11, 1)


def rate(currency, on, value):
    ExchangeRate.objects.create(currency=currency, rate_on=on, rate=Decimal(value))


@pytest.fixture
def ledger_in_currencies(accountant, company):
    """C1 owes 600 USD (1,000 at 7.00 less 400 paid), C2 2,000 EUR at 7.80 and 500 CNY, C3 has 100 USD unallocated."""
    c1, c2, c3 = (CustomerFactory(company=company, code=f"C{n}") for n in (1, 2, 3))
    rate("USD", D(2024, 10, 1), "7.00")
    rate("EUR", D(2024, 10, 1), "7.80")
    bill = invoice(accountant, c1, "U-1", "1000", issue_on=D(2024, 10, 10), currency="USD")
    cash = receipt(accountant, c1, "UR-1", "400", issue_on=D(2024, 11, 5), currency="USD")
    line = DueLine.objects.get(document=bill)
    ledger.allocation_create(by=accountant, source=cash, line=line, amount="400", on=D(2024, 11, 5))
    invoice(accountant, c2, "E-1", "2000", issue_on=D(2024, 10, 15), currency="EUR")
    invoice(accountant, c2, "N-1", "500", issue_on=D(2024, 10, 15))
    receipt(accountant, c3, "UR-3", "100", issue_on=D(2024, 11, 10), currency="USD")
    # The closing rates of November; a rate of December must not be used.
    rate("USD", D(2024, 11, 29), "7.20")
    rate("EUR", D(2024, 11, 30), "7.50")
    rate("USD", D(2024, 12, 2), "9.99")
    # Paid after the month end: on 30 November C1 still owed 600 USD.
    later = receipt(accountant, c1, "UR-2", "200", issue_on=D(2024, 12, 2), currency="USD")
    ledger.allocation_create(by=accountant, source=later, line=line, amount="200", on=D(2024, 12, 2))
    return c1, c2, c3


def test_open_items_are_revalued_per_customer_and_currency(accountant, company, ledger_in_currencies):
    c1, c2, c3 = ledger_in_currencies
    run = services.revaluation_run(by=accountant, company=company, period=NOVEMBER)
    lines = {(line.customer_id, line.currency): line for line in run.lines.all()}
    assert set(lines) == {(c1.pk, "USD"), (c2.pk, "EUR"), (c3.pk, "USD")}  # the CNY invoice is not revalued
    # C1: 600 USD booked at 7.00 = 4,200.00; at 7.20 = 4,320.00; gain 120.00.
    assert (lines[c1.pk, "USD"].amount, lines[c1.pk, "USD"].booked) == (60000, 420000)
    assert (lines[c1.pk, "USD"].revalued, lines[c1.pk, "USD"].difference) == (432000, 12000)
    # C2: 2,000 EUR booked at 7.80 = 15,600.00; at 7.50 = 15,000.00; loss 600.00.
    assert (lines[c2.pk, "EUR"].booked, lines[c2.pk, "EUR"].difference) == (1560000, -60000)
    # C3: 100 USD unallocated, booked at 7.00 = -700.00; at 7.20 = -720.00; loss 20.00.
    assert (lines[c3.pk, "USD"].amount, lines[c3.pk, "USD"].difference) == (-10000, -2000)
    assert (run.gain, run.loss, run.net) == (12000, 62000, -50000)
    assert run.rates == {"EUR": "7.50000000", "USD": "7.20000000"}
    assert run.status == RevaluationStatus.PROPOSED and not JournalEntry.objects.exists()


def test_posting_books_the_entry_on_the_month_end_and_its_reversal_on_the_next_first_day(
    accountant, manager, company, ledger_in_currencies
):
    c1, c2, c3 = ledger_in_currencies
    run = services.revaluation_run(by=accountant, company=company, period=NOVEMBER)
    services.revaluation_post(by=manager, run=run)
    entry, reversal = JournalEntry.objects.order_by("on")
    assert (entry.on, entry.kind, entry.number) == (D(2024, 11, 30), EntryKind.REVALUATION, "FX202411-0001")
    assert (reversal.on, reversal.kind, reversal.number) == (D(2024, 12, 1), EntryKind.REVERSAL, "FX202412-0001")
    lines = [(line.account, line.customer_id, line.debit, line.credit) for line in entry.lines.all()]
    # Dr 1122 C1 120.00 / Cr 1122 C2 600.00 / Cr 1122 C3 20.00 / Dr 6603 500.00: debits 620.00 = credits 620.00.
    assert sorted(lines, key=str) == sorted(
        [("1122", c1.pk, 12000, 0), ("1122", c2.pk, 0, 60000), ("1122", c3.pk, 0, 2000), ("6603", None, 50000, 0)],
        key=str,
    )
    back = [(line.account, line.customer_id, line.debit, line.credit) for line in reversal.lines.all()]
    assert sorted(back, key=str) == sorted([(a, c, cr, dr) for a, c, dr, cr in lines], key=str)
    run.refresh_from_db()
    assert run.status == RevaluationStatus.POSTED and run.posted_by == manager
    with pytest.raises(Exception, match="already posted"):
        services.revaluation_run(by=accountant, company=company, period=NOVEMBER)


def test_a_missing_closing_rate_is_an_error_naming_the_currency_and_date(accountant, company):
    customer = CustomerFactory(company=company, code="J1")
    rate("JPY", D(2024, 10, 1), "0.048")
    invoice(accountant, customer, "J-1", "100000", issue_on=D(2024, 10, 2), currency="JPY")
    # October's rate is not a closing rate of November: an error, never 1.0 nor a stale rate.
    with pytest.raises(MissingExchangeRate, match="JPY/CNY closing rate for 2024-11-30"):
        services.revaluation_run(by=accountant, company=company, period=NOVEMBER)


def test_a_revaluation_into_a_closed_month_or_reversed_into_one_is_refused(
    accountant, manager, company, ledger_in_currencies
):
    run = services.revaluation_run(by=accountant, company=company, period=NOVEMBER)
    from ardesk.ledger import periods

    periods.period_lock(company_id=company.pk, period=D(2024, 12, 1), by=manager)
    with pytest.raises(PeriodClosed, match="December 2024 is closed"):
        services.revaluation_post(by=manager, run=run)
    assert not JournalEntry.objects.exists()
    periods.period_lock(company_id=company.pk, period=NOVEMBER, by=manager)
    with pytest.raises(PeriodClosed, match="November 2024 is closed"):
        services.revaluation_run(by=accountant, company=company, period=NOVEMBER)


def test_a_new_run_replaces_the_proposal(accountant, company, ledger_in_currencies):
    first = services.revaluation_run(by=accountant, company=company, period=NOVEMBER)
    second = services.revaluation_run(by=accountant, company=company, period=NOVEMBER)
    first.refresh_from_db()
    assert first.status == RevaluationStatus.REPLACED and second.status == RevaluationStatus.PROPOSED


def test_the_collector_may_not_revalue(collector, company):
    from ardesk.core.errors import NotPermitted

    with pytest.raises(NotPermitted):
        services.revaluation_run(by=collector, company=company, period=NOVEMBER)


def test_the_entry_balances_and_the_reversal_cancels_it():
    revalued = domain.revalue(
        [domain.OpenBalance(1, "USD", 12345, 86000), domain.OpenBalance(2, "JPY", 1000000, 480000)],
        {"USD": Decimal("7.1234"), "JPY": Decimal("0.04851")},
        "CNY",
    )
    # 123.45 USD × 7.1234 = 879.383... → 879.38; 1,000,000 JPY × 0.04851 = 48,510.00.
    assert [r.revalued for r in revalued] == [87938, 4851000]
    lines = domain.revaluation_entry(revalued)
    assert sum(line.debit for line in lines) == sum(line.credit for line in lines)
    both = lines + domain.reversal_entry(lines)
    assert sum(line.debit - line.credit for line in both if line.account == domain.FX_ACCOUNT) == 0
