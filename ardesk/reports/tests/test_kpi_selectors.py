"""KPIs read from the small hand-worked ledger of kpi_ledger.py: every figure is worked out in the docstrings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.tests.factories import invoice
from ardesk.reports import kpi_selectors
from ardesk.reports.tests.kpi_ledger import FEB_1, MAR_31, post_kpi_ledger

D = Decimal


@pytest.fixture
def ledger(company, accountant, collector):
    return post_kpi_ledger(company, accountant, collector)


def figures(row) -> dict:
    k = row.kpis
    return {
        "dso": k.dso,
        "countback_dso": k.countback_dso,
        "best_possible_dso": k.best_possible_dso,
        "add": k.add,
        "cei": k.cei,
        "overdue_ratio": k.overdue_ratio,
    }


def test_company_kpis_of_the_period(ledger, company):
    """Beginning 1,000; ending 4,900 of which 3,100 current and 2,000 overdue; sales 5,400; 60 days.

    DSO 4,900 / 5,400 × 60 = 54.4; countback: March 2,900 (31 days), 2,000 left of February's
    2,500 × 29 days = 23.2, so 54.2; best possible 3,100 / 5,400 × 60 = 34.4; ADD 20.0;
    CEI (1,000 + 5,400 − 4,900) / (1,000 + 5,400 − 3,100) = 1,500 / 3,300 = 45.5;
    overdue 2,000 / 4,900 = 40.8%.
    """
    report = kpi_selectors.kpi_report(date_from=FEB_1, date_to=MAR_31, company_ids=[company.pk], by="company")
    assert report.currency == "CNY"
    [row] = report.rows
    assert (row.key, row.name) == ("SH01", company.name)
    assert (row.inputs.beginning_ar, row.inputs.ending_ar, row.inputs.current_ar, row.inputs.overdue_ar) == (
        100000,
        490000,
        310000,
        200000,
    )
    assert row.inputs.credit_sales == 540000
    assert figures(row) == {
        "dso": D("54.4"),
        "countback_dso": D("54.2"),
        "best_possible_dso": D("34.4"),
        "add": D("20.0"),
        "cei": D("45.5"),
        "overdue_ratio": D("40.8"),
    }
    assert figures(report.totals) == figures(row)


def test_monthly_trend_of_the_company(ledger, company):
    """February (29 days): beginning 1,000, ending 3,500, current 2,500, sales 2,500:
    DSO 40.6, countback 29 + 1,000 / 1,000 × 31 = 60.0, best 29.0, ADD 11.6,
    CEI (1,000 + 2,500 − 3,500) / (1,000 + 2,500 − 2,500) = 0.0, overdue 1,000 / 3,500 = 28.6%.
    March (31 days): beginning 3,500, ending 4,900, current 3,100, sales 2,900:
    DSO 52.4, countback 54.2, best 33.1, ADD 19.3, CEI 1,500 / 3,300 = 45.5, overdue 40.8%.
    """
    report = kpi_selectors.kpi_report(date_from=FEB_1, date_to=MAR_31, company_ids=[company.pk], by="company")
    february, march = report.rows[0].trend
    assert february.month == dt.date(2024, 2, 1) and march.month == dt.date(2024, 3, 1)
    assert figures(february) == {
        "dso": D("40.6"),
        "countback_dso": D("60.0"),
        "best_possible_dso": D("29.0"),
        "add": D("11.6"),
        "cei": D("0.0"),
        "overdue_ratio": D("28.6"),
    }
    assert figures(march) == {
        "dso": D("52.4"),
        "countback_dso": D("54.2"),
        "best_possible_dso": D("33.1"),
        "add": D("19.3"),
        "cei": D("45.5"),
        "overdue_ratio": D("40.8"),
    }


def test_customer_kpis_net_credit_notes_and_unapplied_credits(ledger, company):
    """A: beginning 1,000; ending 1,800 (2,000 overdue less the 200 unapplied credit note), none
    current; sales 2,000 − 200 = 1,800. DSO 60.0; countback: March's −200 adds 31 days and leaves
    2,000, all of February's 2,000 × 29 days: 60.0; best 0.0; ADD 60.0; CEI (1,000 + 1,800 − 1,800) /
    (1,000 + 1,800 − 0) = 35.7; overdue 2,000 / 1,800 = 111.1% (the credit is not yet applied).
    B: beginning 0; ending 3,100 all current; sales 3,600. DSO 3,100 / 3,600 × 60 = 51.7; countback
    3,100 / 3,100 × 31 = 31.0; best 51.7; ADD 0.0; CEI (0 + 3,600 − 3,100) / (0 + 3,600 − 3,100) = 100.0.
    """
    report = kpi_selectors.kpi_report(date_from=FEB_1, date_to=MAR_31, company_ids=[company.pk], by="customer")
    a, b = report.rows
    assert (a.key, a.name, a.company, b.key) == ("A", "甲公司", "SH01", "B")
    assert a.inputs.credit_sales == 180000 and b.inputs.credit_sales == 360000
    assert figures(a) == {
        "dso": D("60.0"),
        "countback_dso": D("60.0"),
        "best_possible_dso": D("0.0"),
        "add": D("60.0"),
        "cei": D("35.7"),
        "overdue_ratio": D("111.1"),
    }
    assert figures(b) == {
        "dso": D("51.7"),
        "countback_dso": D("31.0"),
        "best_possible_dso": D("51.7"),
        "add": D("0.0"),
        "cei": D("100.0"),
        "overdue_ratio": D("0.0"),
    }
    # The totals come from the added amounts, not from averaging the rows.
    assert report.totals.kpis.dso == D("54.4")


def test_collector_rows_include_customers_without_a_collector(ledger, company):
    report = kpi_selectors.kpi_report(date_from=FEB_1, date_to=MAR_31, company_ids=[company.pk], by="collector")
    rows = {row.key: row for row in report.rows}
    assert set(rows) == {"", "collector"}
    assert rows[""].name == "No collector"
    assert rows["collector"].inputs.ending_ar == 180000
    assert rows[""].kpis.countback_dso == D("31.0")


def test_only_totals_without_a_grouping(ledger, company):
    report = kpi_selectors.kpi_report(date_from=FEB_1, date_to=MAR_31, company_ids=[company.pk], by=None)
    assert report.rows == []
    assert report.totals.kpis.dso == D("54.4")


def test_a_period_cut_inside_a_month_counts_only_its_own_sales(ledger, company):
    """2024-02-10 to 2024-02-29 (20 days): A-2 (2024-02-05) is before it, B-D1 (500) inside.

    Beginning (2024-02-09): A-1 1,000 due that day (current) + A-2 2,000 = 3,000; ending 3,500.
    DSO 3,500 / 500 × 20 = 140.0; CEI (3,000 + 500 − 3,500) / (3,000 + 500 − 2,500) = 0.0.
    """
    report = kpi_selectors.kpi_report(
        date_from=dt.date(2024, 2, 10), date_to=dt.date(2024, 2, 29), company_ids=[company.pk], by="company"
    )
    row = report.rows[0]
    assert row.inputs.credit_sales == 50000 and row.inputs.beginning_ar == 300000
    assert row.kpis.dso == D("140.0") and row.kpis.cei == D("0.0")


def test_no_sales_and_no_receivables_are_not_available(company):
    report = kpi_selectors.kpi_report(date_from=FEB_1, date_to=MAR_31, company_ids=[company.pk], by="company")
    assert report.rows == []
    assert figures(report.totals) == {
        "dso": None,
        "countback_dso": D("0.0"),
        "best_possible_dso": None,
        "add": None,
        "cei": None,
        "overdue_ratio": None,
    }


def test_a_user_without_companies_gets_an_empty_report(ledger):
    report = kpi_selectors.kpi_report(date_from=FEB_1, date_to=MAR_31, company_ids=[], by="customer")
    assert report.rows == [] and report.totals.inputs.ending_ar == 0


def test_a_customer_filter_keeps_only_that_customer(ledger, company):
    report = kpi_selectors.kpi_report(
        date_from=FEB_1, date_to=MAR_31, company_ids=[company.pk], by="customer", customer_ids=[ledger["b"].pk]
    )
    assert [row.key for row in report.rows] == ["B"]


def test_the_query_count_does_not_grow_with_the_customers(ledger, company, accountant):
    def queries_for_report() -> list[str]:
        with CaptureQueriesContext(connection) as captured:
            kpi_selectors.kpi_report(date_from=FEB_1, date_to=MAR_31, company_ids=[company.pk], by="customer")
        return [q["sql"] for q in captured.captured_queries]

    before = queries_for_report()
    for n in range(5):
        customer = CustomerFactory(company=company)
        invoice(accountant, customer, f"X-{n}", "100.00", issue_on=dt.date(2024, 2, 1 + n))
    after = queries_for_report()
    assert len(after) == len(before)
    # The credit sales of every customer and month: one grouped query.
    assert len([sql for sql in after if '"customer__code"' in sql]) == 1


def test_dso_trend_gives_each_month_end_and_its_dso(ledger, company):
    """February 2024: 3,500 / 2,500 × 29 = 40.6; March: 4,900 / 2,900 × 31 = 52.4; January:
    1,000 / 1,000 × 31 = 31.0."""
    trend = kpi_selectors.dso_trend(company_ids=[company.pk], as_of=MAR_31, months=3)
    assert trend == [
        (dt.date(2024, 1, 31), D("31.0")),
        (dt.date(2024, 2, 29), D("40.6")),
        (dt.date(2024, 3, 31), D("52.4")),
    ]


def test_a_period_that_ends_before_it_starts_is_refused(company):
    from ardesk.core.errors import InvalidInput

    with pytest.raises(InvalidInput):
        kpi_selectors.kpi_report(date_from=MAR_31, date_to=FEB_1, company_ids=[company.pk])
