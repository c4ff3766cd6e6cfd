"""Pure collections rules: amount at risk, promises, credit split, policy definitions."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from ardesk.collections import domain
from ardesk.collections.defaults import DEFAULT_POLICY


def test_an_item_not_yet_due_is_not_at_risk_and_an_old_one_fully():
    assert [domain.risk_weight(d) for d in (-5, 0, 1, 30, 31, 60, 61, 90, 91, 180, 181, 900)] == [
        0,
        0,
        10,
        10,
        25,
        25,
        50,
        50,
        75,
        75,
        100,
        100,
    ]


def test_amount_at_risk_weights_each_item_by_its_age():
    # 1,000.00 ten days late (10 %) + 2,000.00 seventy days late (50 %) + 500.00 not due.
    assert domain.amount_at_risk([(100000, 10), (200000, 70), (50000, -3)]) == 10000 + 100000


def test_a_promise_is_kept_only_when_the_payments_cover_it():
    assert domain.promise_outcome(amount=50000, paid=50000) == "kept"
    assert domain.promise_outcome(amount=50000, paid=49999) == "broken"


@settings(max_examples=50)
@given(open_amounts=st.lists(st.integers(min_value=1, max_value=10**9), min_size=1, max_size=8), data=st.data())
def test_a_credit_spread_over_items_adds_up_and_never_exceeds_an_item(open_amounts, data):
    amount = data.draw(st.integers(min_value=1, max_value=sum(open_amounts)))
    parts = domain.spread_credit(amount, open_amounts)
    assert sum(parts) == amount
    assert all(0 <= part <= item for part, item in zip(parts, open_amounts, strict=True))


def test_the_shipped_policy_is_a_valid_policy_definition():
    specs, problems = domain.parse_policies({"policies": [DEFAULT_POLICY]})
    assert problems == []
    assert [(level.days, level.channel) for level in specs[0].levels] == [
        (-3, "email"),
        (7, "email"),
        (21, "email"),
        (35, "phone"),
        (60, "letter"),
        (90, "legal"),
    ]


def test_two_default_policies_and_a_duplicate_code_are_reported_together():
    level = {"name": "N", "days": 1, "channel": "email"}
    policies = [
        {"code": "A", "name": "A", "is_default": True, "levels": [level]},
        {"code": "A", "name": "B", "is_default": True, "levels": [level]},
    ]
    _specs, problems = domain.parse_policies(policies)
    assert problems == ["Policy 2: code: A appears twice.", "Only one policy can be the default."]


# The shipped policy's shape: a reminder 3 days before the due date, then notices 7, 21 and 35 days after.
STEPS = (
    domain.DunningStep(1, -3),
    domain.DunningStep(2, 7, 10_000),
    domain.DunningStep(3, 21, 10_000),
    domain.DunningStep(4, 35, 10_000),
)
DUE = dt.date(2026, 3, 31)


def _next(run_on, **facts):
    level = domain.next_level(run_on=run_on, due_on=DUE, levels=STEPS, min_days_between=7, **facts)
    return level.seq if level else None


def test_an_item_not_yet_due_gets_the_reminder_from_three_days_before():
    assert _next(dt.date(2026, 3, 27)) is None
    assert _next(dt.date(2026, 3, 28)) == 1


def test_an_item_already_due_skips_the_reminder_and_starts_at_the_first_notice():
    assert _next(DUE) is None  # due today: the reminder is past and the first notice is 7 days off
    assert _next(dt.date(2026, 4, 7)) == 2


def test_an_item_climbs_one_level_per_run_and_waits_the_days_between_notices():
    assert _next(dt.date(2026, 5, 30), reached=2, last_notice_on=dt.date(2026, 5, 24)) is None  # 6 days
    assert _next(dt.date(2026, 5, 31), reached=2, last_notice_on=dt.date(2026, 5, 24)) == 3  # not 4
    assert _next(dt.date(2026, 5, 31), reached=4, last_notice_on=dt.date(2026, 5, 1)) is None  # no level 5


def test_a_dispute_an_open_promise_or_a_block_holds_the_item():
    day = dt.date(2026, 4, 10)
    assert _next(day, disputed=True) is None
    assert _next(day, promised_on=day) is None  # the promise's date has not passed
    assert _next(day, promised_on=day - dt.timedelta(days=1)) == 2
    assert _next(day, blocked=True) is None


def test_a_notice_is_sent_when_its_items_reach_the_levels_minimum():
    second, reminder = STEPS[1], STEPS[0]
    items = [(7, second, 6_000), (7, second, 4_000), (8, second, 9_999), (8, reminder, 1)]
    assert domain.notices_due(items) == {(7, 2): [6_000, 4_000], (8, 1): [1]}


def test_a_dispute_credit_note_is_dated_between_the_claim_and_today():
    opened, today = dt.date(2025, 3, 10), dt.date(2025, 3, 31)
    assert domain.credit_note_date_problem(on=dt.date(2025, 3, 10), opened_on=opened, today=today) is None
    assert domain.credit_note_date_problem(on=today, opened_on=opened, today=today) is None
    assert "after today" in domain.credit_note_date_problem(on=dt.date(2025, 4, 1), opened_on=opened, today=today)
    assert "before the dispute was opened" in domain.credit_note_date_problem(
        on=dt.date(2025, 3, 9), opened_on=opened, today=today
    )
