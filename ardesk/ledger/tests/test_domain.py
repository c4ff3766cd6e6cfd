from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ardesk.ledger import domain
from ardesk.ledger.domain import Instalment, OpenLine, Term

D = Decimal
cents = st.decimals(min_value=D("0.01"), max_value=D("1000000"), places=2)


def test_net_30_is_thirty_days_after_the_invoice():
    assert domain.due_date(dt.date(2024, 1, 31), Term("net", 30)) == dt.date(2024, 3, 1)


def test_end_of_month_plus_60_counts_from_the_last_day_of_the_month():
    assert domain.due_date(dt.date(2024, 1, 5), Term("eom", 60)) == dt.date(2024, 3, 31)
    assert domain.due_date(dt.date(2024, 2, 10), Term("eom", 0)) == dt.date(2024, 2, 29)


def test_instalments_split_with_the_remainder_in_the_last_part():
    term = Term(
        "instalments", instalments=(Instalment(D("33.33"), 30), Instalment(D("33.33"), 60), Instalment(D("33.34"), 90))
    )
    parts = domain.schedule(D("100.00"), "CNY", dt.date(2024, 1, 1), term)
    assert [p.amount for p in parts] == [D("33.33"), D("33.33"), D("33.34")]
    assert [p.due_on for p in parts] == [dt.date(2024, 1, 31), dt.date(2024, 3, 1), dt.date(2024, 3, 31)]


def test_explicit_due_date_wins_over_a_net_term():
    parts = domain.schedule(D("10"), "CNY", dt.date(2024, 1, 1), Term("net", 30), dt.date(2024, 1, 15))
    assert parts == [domain.DuePart(dt.date(2024, 1, 15), D("10"))]


def test_without_term_or_due_date_the_schedule_asks_for_one():
    with pytest.raises(domain.LedgerRuleError):
        domain.schedule(D("10"), "CNY", dt.date(2024, 1, 1), None)


def test_two_ten_net_thirty_discount():
    term = Term("net", 30, discount_percent=D("2"), discount_days=10)
    assert domain.early_payment_discount(D("1234.56"), "CNY", dt.date(2024, 3, 1), term) == (
        dt.date(2024, 3, 11),
        D("24.69"),
    )


def test_term_definition_problems_are_all_reported():
    bad = Term("instalments", instalments=(Instalment(D("50"), 30), Instalment(D("40"), 60)), discount_percent=D("2"))
    problems = domain.check_term(bad)
    assert len(problems) == 2


def test_functional_amount_rounds_once_half_up():
    assert domain.functional_amount(D("100.00"), D("7.12345"), "CNY") == D("712.35")
    assert domain.functional_amount(D("-100.00"), D("7.12345"), "CNY") == D("-712.35")


@given(amount=cents, percents=st.lists(st.integers(1, 100), min_size=1, max_size=6))
def test_split_parts_always_add_up_to_the_whole(amount, percents):
    total = sum(percents)
    shares = [D(p) * 100 / total for p in percents]
    assert sum(domain.split(amount, shares, "CNY"), D(0)) == amount


@given(open_items=st.lists(cents, min_size=1, max_size=20), receipt=cents)
def test_allocation_conserves_the_receipt(open_items, receipt):
    allocated, unapplied = domain.allocate_receipt(receipt, open_items)
    assert sum(allocated, D(0)) + unapplied == receipt
    assert all(D(0) <= a <= item for a, item in zip(allocated, open_items, strict=True))


def test_check_allocation_refuses_more_than_open_or_unapplied():
    domain.check_allocation(open_amount=D("10"), unapplied=D("10"), amount=D("10"))
    for open_amount, unapplied, amount in (
        (D("5"), D("10"), D("6")),
        (D("10"), D("5"), D("6")),
        (D("10"), D("10"), D("0")),
    ):
        with pytest.raises(domain.LedgerRuleError):
            domain.check_allocation(open_amount=open_amount, unapplied=unapplied, amount=amount)


def test_least_available_looks_at_every_later_day():
    moves = [(dt.date(2024, 1, 10), D("100")), (dt.date(2024, 1, 20), D("-100")), (dt.date(2024, 1, 25), D("80"))]
    # On the 15th, 100 is taken: nothing left that day although the net today is 80 taken.
    assert domain.least_available(D("100"), moves, dt.date(2024, 1, 15)) == D("0")
    assert domain.least_available(D("100"), moves, dt.date(2024, 1, 21)) == D("20")


LINES = [
    OpenLine(1, "INV-1", dt.date(2024, 1, 1), dt.date(2024, 1, 31), D("100")),
    OpenLine(2, "INV-2", dt.date(2024, 2, 1), dt.date(2024, 3, 2), D("250")),
    OpenLine(3, "INV-3", dt.date(2024, 3, 1), dt.date(2024, 3, 31), D("80")),
]


def test_auto_allocation_pays_the_referenced_invoice_first():
    assert domain.auto_allocation(D("250"), "INV-2", LINES) == [(2, D("250"))]


def test_auto_allocation_matches_an_exact_amount_before_the_oldest():
    assert domain.auto_allocation(D("80"), "", LINES) == [(3, D("80"))]


def test_auto_allocation_falls_back_to_the_oldest_first():
    assert domain.auto_allocation(D("150"), "", LINES) == [(1, D("100")), (2, D("50"))]


def test_auto_allocation_leaves_the_rest_unallocated():
    assert sum(share for _id, share in domain.auto_allocation(D("1000"), "", LINES)) == D("430")


def test_auto_allocation_follows_only_the_configured_rules():
    assert domain.auto_allocation(D("80"), "", LINES, rules=("reference",)) == []


@given(amount=cents, opens=st.lists(cents, min_size=1, max_size=8), reference=st.sampled_from(["", "N1", "N3"]))
def test_auto_allocation_never_exceeds_the_receipt_or_an_item(amount, opens, reference):
    lines = [
        OpenLine(i, f"N{i}", dt.date(2024, 1, 1), dt.date(2024, 1, 1) + dt.timedelta(days=i), o)
        for i, o in enumerate(opens)
    ]
    plan = domain.auto_allocation(amount, reference, lines)
    assert sum(share for _i, share in plan) <= amount
    by_id = {line.line_id: line.open_amount for line in lines}
    assert all(D(0) < share <= by_id[i] for i, share in plan)
