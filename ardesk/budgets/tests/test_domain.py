"""Profitability rules without a database: rounding once per customer, exact totals, ABC, whale curve."""

from __future__ import annotations

from dataclasses import fields
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ardesk.budgets import domain

RATES = domain.CostRates(cost_of_capital=Decimal("7.5"), notice_cost=1_000, contact_cost=3_000)
minor = st.integers(min_value=-(10**12), max_value=10**12)
count = st.integers(min_value=0, max_value=50)
customer = st.fixed_dictionaries(
    {
        "sales": minor,
        "cost": minor,
        "credit_notes": minor,
        "balance_days": st.integers(min_value=-(10**14), max_value=10**14),
        "provision_charge": minor,
        "write_offs": minor,
        "recoveries": minor,
        "notices": count,
        "contacts": count,
    }
)


@settings(deadline=None)  # the machine is shared: a slow example is not a wrong one
@given(
    customers=st.lists(st.tuples(customer, st.integers(0, 4), st.integers(0, 2)), min_size=1, max_size=40),
)
def test_per_customer_figures_add_up_exactly_to_group_and_company_totals(customers):
    profits = [(n, domain.customer_profit(**figures, rates=RATES)) for n, (figures, _g, _s) in enumerate(customers)]
    group_of = {n: group for n, (_f, group, _s) in enumerate(customers)}
    segment_of = {n: segment for n, (_f, _g, segment) in enumerate(customers)}
    company = domain.rollup(profits, lambda n: "company")["company"]
    for key in (group_of, segment_of):
        totals = domain.rollup(profits, key.__getitem__)
        for f in fields(domain.Profit):
            assert sum(getattr(t, f.name) for t in totals.values()) == getattr(company, f.name)
            for member, total in totals.items():
                assert getattr(total, f.name) == sum(getattr(p, f.name) for n, p in profits if key[n] == member)
    # and each customer's net contribution is its margin less every cost, so the totals' are too
    assert company.net_contribution == (
        company.gross_margin - company.discounts - company.carrying_cost - company.bad_debt - company.collection_effort
    )


def test_carrying_cost_is_rounded_half_up_once():
    # 1,000 fen-days at 36.5 % a year: 1,000 × 0.365 / 365 = 1.0 fen; 1,500 fen-days: 1.5 -> 2
    assert domain.carrying_cost(balance_days=1_000, cost_of_capital=Decimal("36.5")) == 1
    assert domain.carrying_cost(balance_days=1_500, cost_of_capital=Decimal("36.5")) == 2


def test_abc_classes_follow_the_pareto_shares():
    classes = domain.abc_classes({"a": 70, "b": 15, "c": 10, "d": 5, "e": -3})
    assert classes == {"a": "A", "b": "A", "c": "B", "d": "C", "e": "C"}


def test_whale_curve_rises_above_and_returns_to_one_hundred_percent():
    assert domain.whale_curve([50, -20, 100, -30]) == [
        Decimal("100.0"),
        Decimal("150.0"),
        Decimal("130.0"),
        Decimal("100.0"),
    ]
    assert domain.top_share([50, -20, 100, -30], 1) == Decimal("100.0")


def test_forecast_by_budget_or_trend():
    common = {"actual_to_date": 300, "months_elapsed": 3, "budget_rest": 1_000, "budget_year_end": 70}
    assert domain.forecast_year(measure="sales", method="budget", **common) == 1_300
    assert domain.forecast_year(measure="sales", method="trend", **common) == 1_200
    assert domain.forecast_year(measure="receivable", method="budget", **common) == 70
    assert domain.forecast_year(measure="receivable", method="trend", **common) == 300


def test_segment_is_the_first_whose_criteria_the_customer_meets():
    rules = [
        domain.SegmentRule(id=1, industry="C", region="31", size=""),
        domain.SegmentRule(id=2, industry="C", region="", size="large"),
        domain.SegmentRule(id=3, industry="", region="", size=""),
    ]
    large = domain.customer_size(200_000_000 * 100)
    assert domain.segment_of(industry="C", region="31", size=large, rules=rules) == 1
    assert domain.segment_of(industry="C", region="44", size=large, rules=rules) == 2
    assert domain.segment_of(industry="F", region="44", size="small", rules=rules) == 3
