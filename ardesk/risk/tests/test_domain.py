"""The risk rules on hand-worked facts: one case per signal, points, the watch-list rule, concentration and HHI."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from ardesk.risk import domain
from ardesk.risk.defaults import DEFAULT_CONFIG

AS_OF = dt.date(2025, 6, 30)


def facts(**values) -> domain.CustomerFacts:
    return domain.CustomerFacts(customer_id=1, **values)


def kinds(signals) -> dict[str, str]:
    return {s.kind: s.severity for s in signals}


def test_utilisation_over_the_threshold_is_a_signal():
    # Exposure = 950 open - 50 unapplied + 100 released orders = 1,000 of a 1,000 limit: 100.0% ≥ 90 → medium.
    signals = domain.signals_for(facts(limit=1000, open=950, unapplied=50, released_orders=100), DEFAULT_CONFIG, AS_OF)
    assert kinds(signals) == {"utilisation": "medium"}
    assert signals[0].measure == Decimal("100.0")
    # 1,150 of 1,000 = 115% ≥ 110 → high; 800 = 80% → nothing.
    assert kinds(domain.signals_for(facts(limit=1000, open=1150), DEFAULT_CONFIG, AS_OF)) == {"utilisation": "high"}
    assert domain.signals_for(facts(limit=1000, open=800), DEFAULT_CONFIG, AS_OF) == []


def test_rising_days_late_triggers_the_trend_signal():
    # History: 4 earlier payments averaging 6 days late; the last 5 (6, 12, 24, 30, 48) average 24:
    # a rise of 18 days ≥ 10 → medium, and the evidence says "from 6.0 to 24.0".
    lateness = {
        "recent_count": 5,
        "recent_average": 24.0,
        "recent_first": 6,
        "recent_last": 48,
        "history_count": 4,
        "history_average": 6.0,
    }
    (signal,) = domain.signals_for(facts(lateness=lateness), DEFAULT_CONFIG, AS_OF)
    assert (signal.kind, signal.severity, signal.measure) == ("days_late_trend", "medium", Decimal("18.0"))
    assert "from 6.0 to 24.0" in domain.evidence(signal.kind, signal.figures, "CNY")


def test_high_but_stable_days_late_does_not_trigger_the_trend_signal():
    # Always about 40 days late: the last 5 average 41, the 10 before 40. A rise of 1 day is no trend.
    lateness = {
        "recent_count": 5,
        "recent_average": 41.0,
        "recent_first": 40,
        "recent_last": 42,
        "history_count": 10,
        "history_average": 40.0,
    }
    assert domain.signals_for(facts(lateness=lateness), DEFAULT_CONFIG, AS_OF) == []


def test_too_few_payments_give_no_trend():
    lateness = {"recent_count": 3, "recent_average": 50.0, "history_count": 4, "history_average": 0.0}
    assert domain.signals_for(facts(lateness=lateness), DEFAULT_CONFIG, AS_OF) == []


def test_broken_promises_disputes_and_special_approvals_count():
    # 1 broken promise → medium (2 → high); 1 dispute → low; 2 special approvals → medium.
    found = kinds(
        domain.signals_for(facts(broken_promises=1, new_disputes=1, special_approvals=2), DEFAULT_CONFIG, AS_OF)
    )
    assert found == {"broken_promises": "medium", "new_disputes": "low", "special_approvals": "medium"}
    assert kinds(domain.signals_for(facts(broken_promises=2), DEFAULT_CONFIG, AS_OF)) == {"broken_promises": "high"}


def test_grade_drop_by_notches():
    one = domain.signals_for(facts(grade_before="A", grade_now="BBB", grade_notches=1), DEFAULT_CONFIG, AS_OF)
    assert kinds(one) == {"grade_drop": "medium"}
    assert "from A to BBB" in domain.evidence("grade_drop", one[0].figures, "CNY")
    two = domain.signals_for(facts(grade_before="A", grade_now="BB", grade_notches=2), DEFAULT_CONFIG, AS_OF)
    assert kinds(two) == {"grade_drop": "high"}


def test_moving_into_the_distress_zone_is_high_but_staying_there_is_not_new():
    moved = facts(zone_now="distress", zone_before="grey", z_value="1.0500")
    assert kinds(domain.signals_for(moved, DEFAULT_CONFIG, AS_OF)) == {"distress_zone": "high"}
    stayed = facts(zone_now="distress", zone_before="distress")
    assert domain.signals_for(stayed, DEFAULT_CONFIG, AS_OF) == []


def test_payments_slowing_against_the_usual_pattern():
    # Usually 5 days late (all payments); the oldest overdue item fell due 2025-06-05: 25 days past
    # due, 20 beyond the usual → medium (15); 2025-05-20: 41 days, 36 beyond → high (30).
    usual = {"recent_count": 2, "recent_average": 5.0, "history_count": 0, "history_average": None}
    slow = facts(overdue=500, open=500, oldest_overdue_on=dt.date(2025, 6, 5), lateness=usual)
    (signal,) = domain.signals_for(slow, DEFAULT_CONFIG, AS_OF)
    assert (signal.kind, signal.severity, signal.measure) == ("payments_slowing", "medium", Decimal("20.0"))
    slower = facts(overdue=500, open=500, oldest_overdue_on=dt.date(2025, 5, 20), lateness=usual)
    assert kinds(domain.signals_for(slower, DEFAULT_CONFIG, AS_OF)) == {"payments_slowing": "high"}
    # A customer that always pays 30 days late is not slowing at 35 days past due (5 beyond).
    late_payer = {"recent_count": 5, "recent_average": 30.0, "history_count": 5, "history_average": 30.0}
    usual_late = facts(overdue=500, open=500, oldest_overdue_on=AS_OF - dt.timedelta(days=35), lateness=late_payer)
    assert domain.signals_for(usual_late, DEFAULT_CONFIG, AS_OF) == []


def test_large_item_falling_due_while_overdue():
    # 100 overdue (1 day: not slowing), 600 falling due within 7 days of a 1,000 balance: 60% ≥ 50 → high.
    position = facts(open=1000, overdue=100, oldest_overdue_on=AS_OF - dt.timedelta(days=1), largest_due_soon=600)
    assert kinds(domain.signals_for(position, DEFAULT_CONFIG, AS_OF)) == {"large_item_due": "high"}
    # Nothing overdue: a large item falling due is ordinary business.
    assert domain.signals_for(facts(open=1000, largest_due_soon=600), DEFAULT_CONFIG, AS_OF) == []


def test_statements_older_than_a_year_for_a_customer_with_a_limit():
    old = facts(limit=10_000, statement_period_end=dt.date(2024, 3, 31))  # 456 days → low
    assert kinds(domain.signals_for(old, DEFAULT_CONFIG, AS_OF)) == {"stale_statements": "low"}
    assert domain.signals_for(facts(statement_period_end=dt.date(2024, 3, 31)), DEFAULT_CONFIG, AS_OF) == []


def test_open_amount_predicted_to_slip_past_the_days_is_a_signal():
    # 40,000.00 open with predictions, 30,000.00 of it predicted > 30 days late: 75.0% ≥ 60 → high.
    high = domain.signals_for(facts(predicted_open=4_000_000, predicted_late=3_000_000), DEFAULT_CONFIG, AS_OF)
    assert [(s.kind, s.severity, s.measure) for s in high] == [("predicted_slip", "high", Decimal("75.0"))]
    with translation.override("en"):
        english = domain.evidence("predicted_slip", high[0].figures, "CNY")
    assert english == "30,000.00 CNY of the 40,000.00 CNY open (75.0%) is predicted to be paid more than 30 days late."
    with translation.override("zh-hans"):
        chinese = domain.evidence("predicted_slip", high[0].figures, "CNY")
    assert "30,000.00 CNY" in chinese and "75.0%" in chinese and "predicted" not in chinese
    # 12,000.00 of 40,000.00 = 30.0% → medium; 11,960.00 = 29.9% → nothing.
    medium = domain.signals_for(facts(predicted_open=4_000_000, predicted_late=1_200_000), DEFAULT_CONFIG, AS_OF)
    assert kinds(medium) == {"predicted_slip": "medium"}
    assert domain.signals_for(facts(predicted_open=4_000_000, predicted_late=1_196_000), DEFAULT_CONFIG, AS_OF) == []
    # No predictions at all: no measure, no signal, no error.
    assert domain.signals_for(facts(), DEFAULT_CONFIG, AS_OF) == []


def test_a_saved_configuration_without_the_predicted_slip_key_leaves_it_off():
    old = {**DEFAULT_CONFIG, "signals": {k: v for k, v in DEFAULT_CONFIG["signals"].items() if k != "predicted_slip"}}
    assert domain.validate_config(old) == []
    assert domain.signals_for(facts(predicted_open=4_000_000, predicted_late=3_000_000), old, AS_OF) == []


def test_points_and_the_watch_list_rule():
    medium_trend = domain.Signal("days_late_trend", "medium", Decimal(18))  # 30 × 1
    low_dispute = domain.Signal("new_disputes", "low", Decimal(1))  # 10 × 0.5
    medium_slowing = domain.Signal("payments_slowing", "medium", Decimal(20))  # 30 × 1
    assert domain.points([medium_trend, low_dispute], DEFAULT_CONFIG) == Decimal("35")
    assert not domain.should_watch([medium_trend, low_dispute], DEFAULT_CONFIG)  # 35 < 50
    assert domain.should_watch([medium_trend, medium_slowing], DEFAULT_CONFIG)  # 60 ≥ 50
    assert domain.should_watch([domain.Signal("distress_zone", "high", Decimal(1))], DEFAULT_CONFIG)  # any high
    medium_slip = domain.Signal("predicted_slip", "medium", Decimal(40))  # 20 × 1
    assert domain.points([medium_trend, medium_slip], DEFAULT_CONFIG) == Decimal("50")
    assert domain.should_watch([medium_trend, medium_slip], DEFAULT_CONFIG)  # 30 + 20 = 50 ≥ 50
    no_any_high = {**DEFAULT_CONFIG, "watch_list": {"min_points": 50, "any_high": False}}
    high_slip = domain.Signal("predicted_slip", "high", Decimal(75))  # 20 × 2
    assert domain.points([high_slip, low_dispute], no_any_high) == Decimal("45")
    assert not domain.should_watch([high_slip, low_dispute], no_any_high)  # 40 + 5 = 45 < 50


def test_concentration_and_hhi_on_a_small_portfolio():
    # Four customers owe 50, 30, 15 and 5 (total 100); one has a credit balance and is left out.
    # HHI = 50² + 30² + 15² + 5² = 2,500 + 900 + 225 + 25 = 3,650 on the 0–10,000 scale.
    figures = domain.concentration([5000, 3000, 1500, 500, -200])
    assert figures.total == 10000 and figures.count == 4
    assert figures.hhi == Decimal(3650)
    assert figures.top10_share == Decimal("100.00") == figures.top20_share
    # 25 equal customers: each 4%, HHI = 25 × 16 = 400; the top 10 hold 40%, the top 20 80%.
    equal = domain.concentration([100] * 25)
    assert (equal.hhi, equal.top10_share, equal.top20_share) == (Decimal(400), Decimal("40.00"), Decimal("80.00"))


def test_concentration_warnings_name_the_limits_crossed():
    customer = domain.concentration([5000, 3000, 1500, 500])  # HHI 3,650
    spread = domain.concentration([100] * 25)  # HHI 400
    warnings = domain.concentration_warnings(
        {"customer": customer, "group": spread, "industry": spread}, DEFAULT_CONFIG["concentration"]
    )
    assert [w.key for w in warnings] == ["top10_share_max", "top20_share_max", "hhi_customer_max"]


def test_transition_matrix_counts_moves_between_grades():
    matrix = domain.transition_matrix([("A", "A"), ("A", "B"), ("B", "C"), ("", "A"), ("C", "")], ["A", "B", "C"])
    assert matrix == [[1, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1], [1, 0, 0, 0]]


def test_the_shipped_configuration_is_valid_and_a_bad_one_is_refused():
    assert domain.validate_config(DEFAULT_CONFIG) == []
    bad = {"signals": {"utilisation": {"medium": 110, "high": 90}, "weather": {"high": 1}}}
    problems = domain.validate_config(bad)
    assert any("weather" in p for p in problems) and any("rise" in p for p in problems)
    slip = {"signals": {"predicted_slip": {"weight": 20, "days": 0, "medium": 30, "high": 60}}}
    assert domain.validate_config(slip) == ["signals.predicted_slip.days: must be a whole number of days, 1 or more."]
    slip["signals"]["predicted_slip"]["days"] = 45
    assert domain.validate_config(slip) == []


@given(st.lists(st.integers(min_value=1, max_value=10**9), min_size=1, max_size=40))
def test_hhi_lies_between_an_even_spread_and_a_monopoly(exposures):
    figures = domain.concentration(exposures)
    # Rounded to whole points: 10,000 / n ≤ HHI ≤ 10,000.
    assert Decimal(10000) / len(exposures) - 1 <= figures.hhi <= 10000
    assert figures.top10_share <= figures.top20_share <= Decimal(100)


def test_the_highest_severity_of_a_few():
    assert domain.highest_severity(s for s in ["low", "high", "medium"]) == "high"
    assert domain.highest_severity([]) == ""
