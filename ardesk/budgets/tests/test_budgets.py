"""Budget versions and budget against actual on a small budget, worked by hand.

Customer A's budget for 2025: sales 90,000 in January, 10,000 in February, none in March, 50,000 a
month from April (550,000 for the year). Its actual to the end of March (conftest ``quarter``):
invoice 100,000 less credit note 2,000 = net sales 98,000; customer B, not budgeted, sold 50,000.

    A: budget 100,000, actual 98,000, variance −2,000 (−2.0 %)
       forecast by budget: 98,000 + 9 × 50,000 = 548,000; by trend: 98,000 + 98,000 / 3 × 9 = 392,000
    B: budget 0, actual 50,000, variance +50,000 (no percent); trend 50,000 + 150,000 = 200,000
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import connection

from ardesk.budgets import selectors, services
from ardesk.budgets.models import BudgetLine, Dimension
from ardesk.collections import engine
from ardesk.collections import selectors as collections_selectors
from ardesk.collections.defaults import dunning_policy_ensure
from ardesk.collections.models import DunningLevel, DunningPolicy
from ardesk.core.errors import Conflict, NotPermitted
from ardesk.customers.tests.factories import CustomerFactory

from .conftest import post

pytestmark = pytest.mark.django_db


@pytest.fixture
def budget(company, quarter, accountant):
    a, _b = quarter
    version = services.version_create(by=accountant, company=company, year=2025, name="2025")
    months = {1: 9_000_000, 2: 1_000_000, 3: 0, **{m: 5_000_000 for m in range(4, 13)}}
    BudgetLine.objects.bulk_create(
        [
            BudgetLine(version=version, dimension=Dimension.CUSTOMER, member_id=a.pk, month=m, sales=v, cost=v // 2)
            for m, v in months.items()
        ]
        + [BudgetLine(version=version, dimension=Dimension.GROUP, member_id=a.pk, month=1, sales=12_000_000)]
    )
    return version


def test_variance_and_forecast_of_a_small_budget(budget, quarter):
    a, b = quarter
    result = selectors.budget_vs_actual(version=budget, dimension="customer", measure="sales", month=3)
    first, second = result.rows
    assert first.member_id == b.pk  # the biggest variance first
    assert (first.budget, first.actual, first.variance.amount, first.variance.percent) == (
        0,
        5_000_000,
        5_000_000,
        None,
    )
    assert first.forecast_trend == 20_000_000
    assert (second.budget, second.actual, second.variance.amount) == (10_000_000, 9_800_000, -200_000)
    assert second.variance.percent == Decimal("-2.0")
    assert second.budget_year == 55_000_000
    assert second.forecast_budget == 54_800_000
    assert second.forecast_trend == 39_200_000
    assert result.total().variance.amount == 4_800_000


def test_the_screens_page_and_totals_are_the_rows_and_their_sums(budget, quarter):
    """What the screen reads (one page, the count and the totals, one statement) is what the export reads."""
    result = selectors.budget_vs_actual(version=budget, dimension="customer", measure="sales", month=3)
    second = result.page(offset=1, limit=50)
    assert (second.count, second.rows) == (2, result.rows[1:])
    assert second.total == result.total()
    assert second.total.forecast_trend == 20_000_000 + 39_200_000
    # Past the end: nothing, with the count and the totals still.
    beyond = result.page(offset=4, limit=2)
    assert (beyond.count, beyond.total) == (2, result.total())


def test_group_budget_compares_with_the_group_customers_together(budget, quarter):
    result = selectors.budget_vs_actual(version=budget, dimension="group", measure="sales", month=3)
    (row,) = result.rows
    assert (row.budget, row.actual, row.variance.amount) == (12_000_000, 14_800_000, 2_800_000)


def test_collections_budget_against_cash_received_and_the_month_alone(budget, quarter):
    a, _b = quarter
    cash = selectors.budget_vs_actual(version=budget, dimension="customer", measure="collections", month=3)
    assert {r.member_id: r.actual for r in cash.rows}[a.pk] == 12_800_000  # receipts 30,000 + 98,000
    march = selectors.budget_vs_actual(version=budget, dimension="customer", measure="sales", month=2, period="month")
    assert {r.member_id: (r.budget, r.actual) for r in march.rows}[a.pk] == (1_000_000, -200_000)


def test_drill_down_finds_the_documents_of_the_group(budget, quarter, company):
    a, b = quarter
    assert sorted(selectors.member_customers(company.pk, "group", a.pk)) == sorted([a.pk, b.pk])


def test_approval_lock_and_revision_keep_the_original(budget, accountant, manager):
    with pytest.raises(NotPermitted):
        services.version_approve(by=accountant, version=budget)
    services.version_approve(by=manager, version=budget)
    with pytest.raises(Conflict):
        services.line_set(
            by=accountant, version=budget, dimension="customer", member_id=1, month=1, measure="sales", amount=1
        )
    revision = services.version_revise(by=accountant, version=budget)
    assert revision.revision == 1 and revision.lines.count() == budget.lines.count()
    services.version_approve(by=manager, version=revision)
    budget.refresh_from_db()
    assert budget.status == "superseded" and budget.lines.count() == 13
    assert selectors.current_version(budget.company_id, 2025) == revision
    services.version_lock(by=manager, version=revision)
    with pytest.raises(Conflict):
        services.version_revise(by=accountant, version=revision)


def test_copy_last_years_actuals_with_growth(company, quarter, accountant):
    version = services.version_create(by=accountant, company=company, year=2025, name="copy")
    count = services.budget_copy_actuals(by=accountant, version=version, growth=Decimal("1.10"))
    a = quarter[0]
    december = BudgetLine.objects.get(version=version, member_id=a.pk, month=12)
    assert count == 1
    assert (december.sales, december.cost, december.receivable) == (3_300_000, 2_200_000, 3_300_000)


def test_segment_chooses_the_dunning_policy_after_the_customers_own(company, manager, accountant):
    dunning_policy_ensure(apps)
    policy = DunningPolicy.objects.create(code="SEG-MFG", name="Manufacturing")
    level = DunningLevel.objects.create(policy=policy, seq=1, name="Letter", days=1, channel="letter")
    services.segment_save(by=manager, company=company, code="MFG", name="制造业", industry="C", dunning_policy=policy)
    maker = CustomerFactory(company=company, code="M001", industry="C")
    trader = CustomerFactory(company=company, code="T001", industry="F")
    assert collections_selectors.effective_policy(maker) == policy
    assert collections_selectors.effective_policy(trader) != policy
    post(accountant, company, maker, "invoice", "M-1", dt.date(2025, 1, 1), "1000.00")
    sql, params = engine.candidates_sql(company_id=company.pk, run_on=dt.date(2025, 3, 1))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        levels = {row[2] for row in cursor.fetchall()}
    assert levels == {level.pk}
