"""The pure rules: rounding at the bucket, apportioning to customers, entries, approval levels, loss rates."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ardesk.provisioning import domain

balances = st.lists(st.integers(min_value=1, max_value=10**13), min_size=1, max_size=40)
rates = st.decimals(min_value=Decimal(0), max_value=Decimal(100), places=4)


@settings(max_examples=200, deadline=None)
@given(balances=balances, rate=rates)
def test_customer_shares_add_up_exactly_to_the_bucket_allowance(balances, rate):
    total = domain.bucket_allowance(sum(balances), rate)
    shares = domain.apportion(total, balances)
    assert sum(shares) == total
    # Each share is its exact proportion rounded down or up by less than one fen.
    for share, balance in zip(shares, balances, strict=True):
        exact = Decimal(total) * balance / sum(balances)
        assert abs(share - exact) < 1


@settings(max_examples=100, deadline=None)
@given(balances=balances, rate=rates)
def test_the_remainder_goes_to_the_same_customers_whatever_is_asked_twice(balances, rate):
    total = domain.bucket_allowance(sum(balances), rate)
    assert domain.apportion(total, balances) == domain.apportion(total, list(balances))


def test_remainder_goes_to_the_largest_fraction_then_to_the_earlier_customer():
    # 10 fen over three equal balances: 3.33 each, one fen left, to the first.
    assert domain.apportion(10, [100, 100, 100]) == [4, 3, 3]
    # 1 fen over 1 : 3: exact 0.25 and 0.75; the larger fraction gets it.
    assert domain.apportion(1, [1, 3]) == [0, 1]


def test_bucket_allowance_rounds_half_up_once_at_the_bucket():
    assert domain.bucket_allowance(364_500, Decimal("30")) == 109_350
    assert domain.bucket_allowance(5, Decimal("10")) == 1  # 0.5 fen rounds up (四舍五入)
    assert domain.bucket_allowance(4, Decimal("10")) == 0


def test_a_release_reverses_the_provision_entry():
    assert domain.provision_entry(500) == [
        domain.JournalLineSpec("loss", 500, 0),
        domain.JournalLineSpec("allowance", 0, 500),
    ]
    assert domain.provision_entry(-200) == [
        domain.JournalLineSpec("allowance", 200, 0),
        domain.JournalLineSpec("loss", 0, 200),
    ]
    assert domain.provision_entry(0) == []


def test_specific_provision_never_exceeds_the_balance():
    assert domain.specific_allowance(10_000, None, 25_000) == 10_000
    assert domain.specific_allowance(10_000, Decimal("40"), None) == 4_000
    assert domain.specific_allowance(0, Decimal("40"), None) == 0


def test_write_offs_above_the_limit_need_two_approvers():
    assert domain.approvals_needed(5_000_000, 5_000_000) == 1
    assert domain.approvals_needed(5_000_001, 5_000_000) == 2


def test_loss_rates_are_pooled_over_the_look_back_and_scaled_by_the_factor():
    """Two month ends: 1-30 days held 1,000 and 3,000, of which 20 and 40 were written off later.

    Pooled: 60 / 4,000 = 1.5 %; times a forward-looking factor of 1.2 = 1.8 %. 61-90 never had a
    balance: 0 %. Over 90: 300 of 500 = 60 %, × 1.2 = 72 %.
    """
    observations = [
        domain.Observation("2024-01-31", {"1-30": 100_000, "90+": 20_000}, {"1-30": 2_000, "90+": 10_000}),
        domain.Observation("2024-02-29", {"1-30": 300_000, "90+": 30_000}, {"1-30": 4_000, "90+": 20_000}),
    ]
    result = domain.derive_loss_rates(["1-30", "61-90", "90+"], observations, Decimal("1.2"))
    assert result.balance_totals == {"1-30": 400_000, "61-90": 0, "90+": 50_000}
    assert result.historical == {"1-30": Decimal("1.5000"), "61-90": Decimal("0.0000"), "90+": Decimal("60.0000")}
    assert result.rates == {"1-30": Decimal("1.8000"), "61-90": Decimal("0.0000"), "90+": Decimal("72.0000")}


def test_derived_rates_are_capped_at_one_hundred_percent():
    observation = domain.Observation("2024-01-31", {"b": 1_000}, {"b": 900})
    assert domain.derive_loss_rates(["b"], [observation], Decimal("2")).rates == {"b": Decimal("100")}
