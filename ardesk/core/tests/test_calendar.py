"""Calendar months: first and last days, months added and taken away, a period cut into months."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ardesk.core import calendar


def test_a_months_first_and_last_days():
    assert calendar.month_start(dt.date(2024, 2, 17)) == dt.date(2024, 2, 1)
    assert calendar.month_end(dt.date(2024, 2, 17)) == dt.date(2024, 2, 29)  # a leap year
    assert calendar.month_end(dt.date(2025, 2, 1)) == dt.date(2025, 2, 28)
    assert calendar.month_end(dt.date(2024, 12, 31)) == dt.date(2024, 12, 31)


def test_the_previous_month_end_is_the_day_before_the_months_first():
    assert calendar.previous_month_end(dt.date(2024, 3, 10)) == dt.date(2024, 2, 29)
    assert calendar.previous_month_end(dt.date(2024, 1, 1)) == dt.date(2023, 12, 31)


def test_adding_months_keeps_the_day_or_clamps_it_to_the_months_last_day():
    assert calendar.add_months(dt.date(2024, 8, 31), -6) == dt.date(2024, 2, 29)
    assert calendar.add_months(dt.date(2025, 3, 31), -1) == dt.date(2025, 2, 28)
    assert calendar.add_months(dt.date(2024, 1, 15), -13) == dt.date(2022, 12, 15)
    assert calendar.add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert calendar.add_months(dt.date(2024, 11, 30), 3) == dt.date(2025, 2, 28)
    assert calendar.add_months(dt.date(2024, 5, 20), 0) == dt.date(2024, 5, 20)


@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 28)), months=st.integers(-240, 240))
def test_months_added_then_taken_away_give_the_day_back_when_no_month_was_too_short(day, months):
    moved = calendar.add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    if day.day <= 28:
        assert calendar.add_months(moved, -months) == day


def test_the_months_of_a_period_are_cut_at_its_ends():
    assert calendar.month_periods(dt.date(2024, 1, 15), dt.date(2024, 3, 10)) == [
        (dt.date(2024, 1, 15), dt.date(2024, 1, 31)),
        (dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        (dt.date(2024, 3, 1), dt.date(2024, 3, 10)),
    ]
    assert calendar.month_periods(dt.date(2024, 3, 10), dt.date(2024, 3, 1)) == []


def test_month_ends_run_from_the_first_days_month_up_to_the_last_day():
    assert calendar.month_ends(dt.date(2023, 12, 5), dt.date(2024, 3, 30)) == [
        dt.date(2023, 12, 31),
        dt.date(2024, 1, 31),
        dt.date(2024, 2, 29),
    ]
    assert calendar.month_ends(dt.date(2024, 1, 5), dt.date(2024, 1, 31)) == [dt.date(2024, 1, 31)]
    assert calendar.month_ends(dt.date(2024, 1, 5), dt.date(2024, 1, 30)) == []


def test_a_period_written_yyyy_mm_ends_on_its_months_last_day():
    assert calendar.period_end("2024-02") == dt.date(2024, 2, 29)
    assert calendar.period_end("2025-12") == dt.date(2025, 12, 31)
    for wrong in ("2024-13", "2024/02", "Feb 2024"):
        with pytest.raises(ValueError):
            calendar.period_end(wrong)
