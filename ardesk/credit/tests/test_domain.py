"""Ratios, Altman Z-scores, scorecards and the order check as pure rules, against published worked examples."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ardesk.credit import domain
from ardesk.credit.defaults import DEMO_SCORECARD

D = Decimal

# Prufrock Corporation, the worked example of Ross, Westerfield & Jordan, "Fundamentals of Corporate
# Finance" (11th ed., ch. 3, Tables 3.1-3.2 and the ratios worked in §3.3), in $ millions.
PRUFROCK = {
    "cash": D(98),
    "receivables": D(188),
    "inventory": D(422),
    "current_assets": D(708),
    "total_assets": D(3588),
    "current_liabilities": D(540),
    "total_liabilities": D(997),  # 540 current + 457 long-term debt
    "equity": D(2591),
    "retained_earnings": D(2091),
    "revenue": D(2311),
    "cost_of_sales": D(1344),
    "operating_income": D(691),  # 营业利润
    "interest_expense": D(141),
    "total_profit": D(550),  # the textbook's taxable income: EBIT 691 − interest 141
    "net_income": D(363),
}


def values(lines, months=12):
    return {r.key: r.value for r in domain.ratios(lines, months)}


def test_ratios_match_the_prufrock_worked_example_to_the_published_rounding():
    ratios = values(PRUFROCK)
    # The textbook's figures: current 1.31, quick .53, cash .18, total debt .28, debt-equity .38,
    # times interest earned 4.9, profit margin 15.71%, ROA 10.12%, ROE 14.01%, receivables
    # turnover 12.29, inventory turnover 3.18.
    assert round(ratios["current_ratio"], 2) == D("1.31")
    assert round(ratios["quick_ratio"], 2) == D("0.53")
    assert round(ratios["cash_ratio"], 2) == D("0.18")
    assert round(ratios["debt_to_assets"], 2) == D("0.28")
    assert round(ratios["debt_to_equity"], 2) == D("0.38")
    assert round(ratios["interest_coverage"], 1) == D("4.9")
    assert round(ratios["net_margin"], 4) == D("0.1571")
    assert round(ratios["roa"], 4) == D("0.1012")
    assert round(ratios["roe"], 4) == D("0.1401")
    assert round(ratios["receivables_turnover"], 2) == D("12.29")
    assert round(ratios["inventory_turnover"], 2) == D("3.18")
    # By hand: (2311 - 1344) / 2311 = 967 / 2311 = 0.4184336 → 0.418434; 691 / 2311 = 0.299005.
    assert ratios["gross_margin"] == D("0.418434")
    assert ratios["operating_margin"] == D("0.299005")


def test_a_ratio_with_a_missing_input_is_not_available_with_the_reason_never_zero():
    ratios = {r.key: r for r in domain.ratios(PRUFROCK)}
    cash_flow = ratios["operating_cash_flow_ratio"]
    assert cash_flow.value is None
    assert "Net cash from operating activities" in cash_flow.reason


def test_a_zero_denominator_makes_a_ratio_not_available_instead_of_crashing():
    ratio = {r.key: r for r in domain.ratios({**PRUFROCK, "interest_expense": D(0)})}["interest_coverage"]
    assert ratio.value is None
    assert "denominator" in ratio.reason


def test_interim_income_is_annualised_for_returns_and_turnover_but_not_for_margins():
    half_year = {**PRUFROCK, "net_income": D("181.5"), "revenue": D("1155.5")}
    ratios = values(half_year, months=6)
    assert ratios["roa"] == D("0.101171")  # 181.5 × 12/6 ÷ 3588
    assert ratios["net_margin"] == D("0.157075")  # 181.5 ÷ 1155.5, a margin needs no annualising


# Altman, E. I. (1968), "Financial Ratios, Discriminant Analysis and the Prediction of Corporate
# Bankruptcy", Journal of Finance 23(4): Z = 1.2 X1 + 1.4 X2 + 3.3 X3 + 0.6 X4 + 1.0 X5.
# Textbook exercise (working capital 90,000; total assets 620,000; retained earnings 30,000;
# EBIT 55,000; market value of equity 100,000; total debt 280,000; sales 440,000), by hand:
# X1 = .145161, X2 = .048387, X3 = .088710, X4 = .357143, X5 = .709677
# Z = .174194 + .067742 + .292742 + .214286 + .709677 = 1.4586: distress zone (below 1.81).
EXERCISE = {
    "current_assets": D(290000),
    "current_liabilities": D(200000),  # working capital 90,000
    "total_assets": D(620000),
    "retained_earnings": D(30000),
    "total_profit": D(55000),  # no interest: EBIT = total profit
    "market_value_equity": D(100000),
    "total_liabilities": D(280000),
    "equity": D(340000),  # book equity: 620,000 - 280,000
    "revenue": D(440000),
}


def scores(lines):
    return {z.key: z for z in domain.z_scores(lines)}


def test_altman_z_of_the_textbook_exercise_is_1_4586_in_the_distress_zone():
    z = scores(EXERCISE)["z"]
    assert z.value == D("1.4586")
    assert z.zone == "distress"
    assert z.components == (D("0.145161"), D("0.048387"), D("0.088710"), D("0.357143"), D("0.709677"))


def test_altman_z_from_published_ratios_is_2_169_in_the_grey_zone():
    # Ratios given directly in a standard exercise: WC/TA .10, RE/TA .20, EBIT/TA .13,
    # MVE/TL .65, sales/TA .95 → 1.2×.10 + 1.4×.20 + 3.3×.13 + .6×.65 + .95 = .12+.28+.429+.39+.95 = 2.169.
    lines = {
        "current_assets": D(300),
        "current_liabilities": D(200),
        "total_assets": D(1000),
        "retained_earnings": D(200),
        "total_profit": D(130),
        "market_value_equity": D(650),
        "total_liabilities": D(1000),
        "equity": D(0),
        "revenue": D(950),
    }
    z = scores(lines)["z"]
    assert z.value == D("2.1690")
    assert z.zone == "grey"


def test_z_prime_and_z_double_prime_use_book_equity_and_their_own_zones():
    # Altman (1983) Z' = .717 X1 + .847 X2 + 3.107 X3 + .420 X4 + .998 X5, X4 = 340,000 / 280,000 = 1.214286:
    # .104081 + .040984 + .275621 + .510000 + .708258 = 1.6389 → grey (1.23 to 2.90).
    # Altman, Hartzell & Peck (1995) Z'' = 6.56 X1 + 3.26 X2 + 6.72 X3 + 1.05 X4:
    # .952258 + .157742 + .596129 + 1.275000 = 2.9811 → safe (above 2.60).
    result = scores(EXERCISE)
    assert (result["z_prime"].value, result["z_prime"].zone) == (D("1.6389"), "grey")
    assert (result["z_double_prime"].value, result["z_double_prime"].zone) == (D("2.9811"), "safe")


def test_z_without_a_market_value_is_not_available_but_the_private_variants_still_score():
    lines = {k: v for k, v in EXERCISE.items() if k != "market_value_equity"}
    result = scores(lines)
    assert result["z"].value is None and "Market value of equity" in result["z"].reason
    assert result["z_prime"].value == D("1.6389")


def test_trend_compares_the_last_two_available_periods():
    assert domain.trend([D(1), None, D(2)]) == "up"
    assert domain.trend([D(3), D(2)]) == "down"
    assert domain.trend([D(2)]) == ""


def test_statement_lines_are_named_in_english_and_chinese():
    assert domain.line_code("流动资产合计") == "current_assets"
    assert domain.line_code("Total current assets") == "current_assets"
    assert domain.line_code("current_assets") == "current_assets"
    assert domain.line_code("goodwill") is None


# ---------------------------------------------------------------------------- scorecards

STRONG = {
    "ratio": {"current_ratio": D("2.1"), "debt_to_assets": D("0.35"), "net_margin": D("0.12")},
    "z": {"z_prime": D("3.1")},
    "behaviour": {"avg_days_late": D(0), "late_share": D(0)},
    "qualitative": {"years_in_business": D(12), "industry_risk": "low", "external_rating": "AA"},
}


def test_the_demo_scorecard_is_valid():
    assert domain.validate_scorecard(DEMO_SCORECARD) == []


def test_a_strong_customer_scores_every_band_and_gets_aaa():
    result = domain.score(DEMO_SCORECARD, STRONG)
    # 15 + 15 + 10 + 10 + 20 + 10 + 10 + 5 + 5 × 90% = 99.5
    assert result.score == D("99.50")
    assert result.grade == "AAA"
    assert result.max_term_days == 90
    rating = next(f for f in result.factors if f.key == "external_rating")
    assert (rating.points, rating.contribution) == (D(90), D("4.50"))


def test_missing_inputs_score_their_missing_points_and_say_so():
    result = domain.score(DEMO_SCORECARD, {"qualitative": {"years_in_business": D(3)}})
    by_key = {f.key: f for f in result.factors}
    assert by_key["current_ratio"].points == 0 and by_key["current_ratio"].note == "input not available"
    assert by_key["avg_days_late"].points == 50  # the scorecard's missing_points
    # 20×.5 + 10×.5 + 10×.4 + 5×.5 + 5×.5 = 10 + 5 + 4 + 2.5 + 2.5 = 24 → grade C
    assert result.score == D("24.00")
    assert result.grade == "C"


def test_a_scorecard_whose_weights_do_not_add_to_100_is_refused():
    config = {**DEMO_SCORECARD, "factors": DEMO_SCORECARD["factors"][:2]}
    assert any("add up to 30" in p for p in domain.validate_scorecard(config))


def test_recommended_limit_as_a_share_of_equity_or_of_monthly_sales_times_term():
    limit, _why = domain.recommended_limit(
        {"rule": "equity_percent", "percent": 10}, equity=D("2000000"), monthly_sales=None, term_days=60
    )
    assert limit == D("200000.00")
    limit, _why = domain.recommended_limit(
        {"rule": "monthly_sales_times_term", "factor": 1.5}, equity=None, monthly_sales=D("100000"), term_days=45
    )
    assert limit == D("225000.00")  # 100,000 × 45/30 × 1.5
    limit, why = domain.recommended_limit(
        {"rule": "equity_percent", "percent": 10}, equity=None, monthly_sales=None, term_days=60
    )
    assert limit is None and "equity" in why


# ---------------------------------------------------------------------------- the order check

TODAY = dt.date(2025, 3, 31)


def facts(**overrides):
    base = dict(
        today=TODAY,
        customer_status="active",
        amount=100_00,
        open_receivables=500_00,
        unapplied_credits=0,
        open_orders=0,
        limit=1000_00,
        limit_valid_until=None,
    )
    return domain.CheckFacts(**{**base, **overrides})


def test_an_order_within_the_limit_is_released():
    result = domain.check_order(facts())
    assert (result.decision, result.codes, result.exposure) == ("release", [], 600_00)


def test_an_order_over_the_limit_is_held_counting_open_orders_and_unapplied_cash():
    assert domain.check_order(facts(open_orders=450_00)).codes == ["over_limit"]
    assert domain.check_order(facts(open_orders=450_00, unapplied_credits=50_00)).decision == "release"


def test_a_blocked_customer_is_blocked_and_one_on_hold_is_held():
    assert domain.check_order(facts(customer_status="blocked")).decision == "block"
    assert domain.check_order(facts(customer_status="on_hold")).codes == ["customer_on_hold"]


def test_overdue_days_hold_then_block():
    assert domain.check_order(facts(oldest_overdue_days=61)).codes == ["overdue_days"]
    assert domain.check_order(facts(oldest_overdue_days=60)).decision == "release"
    assert domain.check_order(facts(oldest_overdue_days=181)).decision == "block"


def test_an_overdue_amount_above_the_threshold_holds():
    assert domain.check_order(facts(overdue_amount=300_00, hold_overdue_amount=200_00)).codes == ["overdue_amount"]


def test_no_limit_an_expired_limit_or_an_overdue_review_hold():
    assert domain.check_order(facts(limit=None)).codes == ["no_limit"]
    assert domain.check_order(facts(limit_valid_until=dt.date(2025, 3, 30))).codes == ["limit_expired"]
    assert domain.check_order(facts(next_review_on=dt.date(2025, 3, 1))).codes == ["review_overdue"]


def test_the_group_limit_holds_even_when_the_customer_limit_fits():
    result = domain.check_order(facts(group_limit=2000_00, group_exposure=1950_00))
    assert result.codes == ["over_group_limit"]
    assert result.group_exposure == 2050_00


def test_a_special_approval_covers_an_excess_up_to_its_amount():
    assert domain.check_order(facts(amount=600_00, special_approval=100_00)).uses_special_approval
    assert domain.check_order(facts(amount=601_00, special_approval=100_00)).codes == ["over_limit"]


@pytest.mark.parametrize(("amount", "level"), [(100, "manager"), (500, "manager"), (501, "cfo"), (10**9, "board")])
def test_the_lowest_approval_level_covering_the_amount_is_needed(amount, level):
    levels = [("cfo", 5000), ("manager", 500), ("board", None)]
    assert domain.approval_level_needed(levels, amount) == level
