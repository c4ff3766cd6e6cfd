"""Pure collections rules: amount at risk, promises, credit split, policy definitions."""

from __future__ import annotations

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
