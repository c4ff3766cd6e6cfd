"""Bucket rules: limits as dates, bucketing, and the property that buckets add up to the balance."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from ardesk.reports import domain

OVERDUE = [
    domain.BucketRule("not_due", "Not yet due", 0),
    domain.BucketRule("1-30", "1-30", 30),
    domain.BucketRule("31-60", "31-60", 60),
    domain.BucketRule("61+", "61+", None),
]
AGE = [
    domain.BucketRule("0-6m", "Within 6 months", 6),
    domain.BucketRule("6-12m", "6-12 months", 12),
    domain.BucketRule("1y+", "Over a year", None),
]
D = dt.date(2024, 12, 31)


def test_an_item_due_on_the_report_date_is_not_yet_due_and_one_day_later_is_overdue():
    limits = domain.limits(OVERDUE, D)
    assert domain.bucket_index(D, limits) == 0
    assert domain.bucket_index(D - dt.timedelta(days=1), limits) == 1
    assert domain.bucket_index(D - dt.timedelta(days=30), limits) == 1
    assert domain.bucket_index(D - dt.timedelta(days=31), limits) == 2
    assert domain.bucket_index(D - dt.timedelta(days=61), limits) == 3


def test_month_buckets_count_calendar_months_and_clamp_to_the_month_end():
    limits = domain.limits(AGE, D, "months")
    assert limits == [dt.date(2024, 6, 30), dt.date(2023, 12, 31)]
    assert domain.bucket_index(dt.date(2024, 6, 30), limits) == 0  # exactly six months old
    assert domain.bucket_index(dt.date(2024, 6, 29), limits) == 1


def test_unapplied_credits_are_a_negative_column():
    totals = domain.age_buckets([(D, 1000), (D - dt.timedelta(days=45), 250)], [300], D, OVERDUE)
    assert totals == {"not_due": 1000, "1-30": 0, "31-60": 250, "61+": 0, "unapplied": -300}


def test_a_bucket_set_must_rise_and_end_open():
    assert domain.bucket_problems(OVERDUE) == []
    wrong = [domain.BucketRule("a", "A", 30), domain.BucketRule("a", "B", 10), domain.BucketRule("c", "C", 5)]
    fields = [(n, field) for n, field, _reason in domain.bucket_problems(wrong)]
    assert (2, "key") in fields
    assert (2, "upper") in fields
    assert (3, "upper") in fields
    assert domain.bucket_problems([domain.BucketRule("unapplied", "x", None)])


items = st.lists(
    st.tuples(st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31)), st.integers(1, 10**12)),
    max_size=40,
)


@given(items=items, credits=st.lists(st.integers(1, 10**12), max_size=10), as_of=st.dates(), months=st.booleans())
def test_buckets_always_add_up_to_the_open_balance(items, credits, as_of, months):
    rules = AGE if months else OVERDUE
    if as_of.year < 10:  # months before the year 1 do not exist
        return
    totals = domain.age_buckets(items, credits, as_of, rules, "months" if months else "days")
    assert sum(totals.values()) == sum(a for _d, a in items) - sum(credits)
