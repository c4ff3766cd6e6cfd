"""The rules of customer relations on hand-worked numbers: deadlines, steps, NPS and CSAT, quarters."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ardesk.relations import domain


def test_the_deadline_follows_the_severity():
    opened = dt.date(2026, 3, 2)
    assert domain.complaint_deadline(opened_on=opened, severity="critical") == dt.date(2026, 3, 3)
    assert domain.complaint_deadline(opened_on=opened, severity="high") == dt.date(2026, 3, 5)
    assert domain.complaint_deadline(opened_on=opened, severity="medium") == dt.date(2026, 3, 9)
    assert domain.complaint_deadline(opened_on=opened, severity="low") == dt.date(2026, 3, 16)


def test_a_complaint_is_late_the_day_after_its_deadline_until_it_is_resolved():
    due = dt.date(2026, 3, 5)
    assert not domain.is_late(status="open", due_on=due, as_of=due)
    assert domain.is_late(status="waiting", due_on=due, as_of=due + dt.timedelta(days=1))
    assert not domain.is_late(status="resolved", due_on=due, as_of=due + dt.timedelta(days=9))


def test_a_complaint_is_closed_only_after_it_is_resolved():
    assert not domain.may_move("open", "closed")
    assert domain.may_move("open", "resolved")
    assert domain.may_move("resolved", "closed")
    assert domain.may_move("resolved", "in_progress")  # reopened
    assert not domain.may_move("closed", "open")


def test_nps_on_a_hand_worked_set():
    # 10 answers: 9, 10, 10, 9 are promoters (4); 7, 8 passives (2); 0, 3, 6, 6 detractors (4).
    # NPS = 40 % - 40 % = 0.
    result = domain.nps([9, 10, 10, 9, 7, 8, 0, 3, 6, 6])
    assert (result.promoters, result.passives, result.detractors) == (4, 2, 4)
    assert result.score == Decimal("0.0")
    # 3 answers: 10, 9 promoters, 5 detractor: 66.67 % - 33.33 % = 33.3.
    assert domain.nps([10, 9, 5]).score == Decimal("33.3")
    # 4 answers all 6: -100.
    assert domain.nps([6, 6, 6, 6]).score == Decimal("-100.0")
    assert domain.nps([]).score is None


def test_csat_on_a_hand_worked_set():
    # 8 answers: 5, 5, 4, 4, 4 satisfied (5 of 8 = 62.5 %); 3, 2, 1 not. Average 28 / 8 = 3.50.
    result = domain.csat([5, 5, 4, 4, 4, 3, 2, 1])
    assert result.score == Decimal("62.5")
    assert result.average == Decimal("3.50")
    # 3 answers 5, 4, 2: 2 of 3 = 66.7 %, average 11 / 3 = 3.67.
    assert domain.csat([5, 4, 2]).score == Decimal("66.7")
    assert domain.csat([5, 4, 2]).average == Decimal("3.67")


def test_response_rate():
    assert domain.response_rate(sent=8, answered=3) == Decimal("37.5")
    assert domain.response_rate(sent=0, answered=0) is None


@settings(deadline=None)  # a shared test machine: no time limit per example
@given(st.lists(st.integers(min_value=0, max_value=10), min_size=1, max_size=200))
def test_every_answer_is_in_one_nps_group_and_the_score_stays_within_100(scores):
    result = domain.nps(scores)
    assert result.promoters + result.passives + result.detractors == len(scores)
    assert Decimal(-100) <= result.score <= Decimal(100)


def test_a_key_accounts_revisit_is_due_in_the_middle_month_of_the_quarter():
    assert domain.quarter_key(dt.date(2026, 2, 10)) == "2026Q1"
    assert domain.quarter_revisit_on(dt.date(2026, 1, 5)) == dt.date(2026, 2, 28)
    assert domain.quarter_revisit_on(dt.date(2026, 12, 31)) == dt.date(2026, 11, 30)
    assert domain.quarter_revisit_on(dt.date(2024, 3, 1)) == dt.date(2024, 2, 29)


def test_age_bands():
    assert [domain.age_band(d) for d in (0, 7, 8, 30, 31, 90, 91)] == [
        "0-7",
        "0-7",
        "8-30",
        "8-30",
        "31-90",
        "31-90",
        "90+",
    ]
