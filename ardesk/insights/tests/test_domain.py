"""Features as of a date, the five baselines on hand-worked sets, the split, the forecast's sums."""

from __future__ import annotations

import datetime as dt

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ardesk.insights import domain

D0 = dt.date(2024, 1, 1).toordinal()


def history(rows, events=()):
    """rows: (customer, issue offset, term days, settled offset or None, amount)."""
    return domain.History(
        customer=np.array([r[0] for r in rows], dtype=np.int64),
        issue=np.array([D0 + r[1] for r in rows], dtype=np.int64),
        due=np.array([D0 + r[1] + r[2] for r in rows], dtype=np.int64),
        settled=np.array([D0 + r[3] if r[3] is not None else -1 for r in rows], dtype=np.int64),
        amount=np.array([float(r[4]) for r in rows]),
        seq=np.ones(len(rows), dtype=np.int64),
        event_customer=np.array([e[0] for e in events], dtype=np.int64),
        event_day=np.array([D0 + e[1] for e in events], dtype=np.int64),
        event_kind=np.array([e[2] for e in events], dtype=np.int64),
    )


# Customer 0 paid three 30-day invoices: issued day 0 paid day 40 (10 late, 40 to pay), issued day 10
# paid day 40 (0 late, 30), issued day 20 paid day 90 (40 late, 70). A fourth is issued on day 100.
PAID = [(0, 0, 30, 40, 100), (0, 10, 30, 40, 200), (0, 20, 30, 90, 300)]
ASKED = (0, 100, 30, None, 400)


def test_the_five_baselines_on_a_hand_worked_customer():
    h = history([*PAID, ASKED])
    f = domain.features_as_of(h, domain.Questions.at_issue(h, np.array([False, False, False, True])))
    b = {name: float(values[0]) for name, values in f.baselines.items()}
    assert b["due_date"] == 0
    assert b["customer_mean_days_late"] == (10 + 0 + 40) / 3  # 16.67
    assert b["customer_median_days_late"] == 10
    assert b["customer_mean_days_to_pay"] == (40 + 30 + 70) / 3 - 30  # 46.67 to pay, 16.67 after due
    assert b["customer_median_days_to_pay"] == 40 - 30
    assert f.column("late_share")[0] == 2 / 3
    assert f.column("open_count")[0] == 0
    assert f.column("recent3_days_late")[0] == (10 + 0 + 40) / 3


def test_the_invoice_medium_is_the_items_own_and_unknown_without_it():
    h = history([*PAID, ASKED])
    asked = np.array([False, False, False, True])
    f = domain.features_as_of(h, domain.Questions.at_issue(h, asked))
    assert np.isnan(f.column("electronic_invoice")[0])
    marked = domain.History(**{**h.__dict__, "electronic": np.array([1.0, 1.0, 0.0, 0.0])})
    f = domain.features_as_of(marked, domain.Questions.at_issue(marked, asked))
    assert f.column("electronic_invoice")[0] == 0.0  # a paper invoice, whatever its customer's others were
    assert marked.subset(asked).electronic.tolist() == [0.0]


def test_a_feature_only_counts_payments_made_before_the_day_asked():
    # Asked on day 60: only the two invoices paid on day 40 are known (the third is paid on day 90).
    h = history([*PAID, (0, 60, 30, None, 400)])
    f = domain.features_as_of(h, domain.Questions.at_issue(h, np.array([False, False, False, True])))
    assert f.column("history_count")[0] == 2
    assert f.column("mean_days_late")[0] == 5  # (10 + 0) / 2
    assert f.column("open_count")[0] == 1  # the third invoice, issued day 20, still open on day 60
    assert f.column("open_amount_log")[0] == np.log1p(300)


def test_an_invoice_paid_on_its_own_date_is_not_in_its_own_history():
    h = history([(0, 5, 30, 5, 100)])
    f = domain.features_as_of(h, domain.Questions.at_issue(h))
    assert f.column("history_count")[0] == 0


line = st.tuples(
    st.integers(0, 3), st.integers(0, 200), st.sampled_from([0, 30, 60]), st.integers(0, 120), st.integers(1, 10_000)
)


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(line, min_size=1, max_size=25), later=st.lists(line, min_size=1, max_size=10))
def test_features_as_of_a_day_never_change_when_later_documents_are_added(rows, later):
    """Leakage: invoices issued and payments made on or after D leave every feature as of D as it was."""
    asked_on = 150
    before = [(c, i, t, i + s if i + s < asked_on else None, a) for c, i, t, s, a in rows if i < asked_on]
    if not before:
        return
    # The same invoices with their payments after D, plus new invoices issued after D.
    after = [(c, i, t, i + s, a) for c, i, t, s, a in rows if i < asked_on]
    after = [(c, i, t, s if s < asked_on else s + 200, a) for c, i, t, s, a in after]
    added = [(c, asked_on + i % 50, t, asked_on + i % 50 + s, a) for c, i, t, s, a in later]
    questions = lambda h: domain.Questions.on_day(h, np.arange(len(h)) < len(before), D0 + asked_on)  # noqa: E731
    known = history(before)
    full = history(after + added)
    a = domain.features_as_of(known, questions(known))
    b = domain.features_as_of(full, questions(full))
    np.testing.assert_array_equal(a.matrix, b.matrix)
    for name in domain.BASELINES:
        np.testing.assert_array_equal(a.baselines[name], b.baselines[name])


def test_the_hold_out_is_the_last_fifth_by_date_and_no_day_is_on_both_sides():
    issue = np.array([1, 2, 3, 4, 5, 6, 7, 8, 9, 9])
    train, holdout, cut = domain.time_ordered_split(issue)
    assert cut == 9 and holdout.sum() == 2 and train.sum() == 8


def test_accuracy_counts_errors_within_seven_days():
    result = domain.accuracy(np.array([0, 10, 20]), np.array([7, 0, 20]))
    assert result.mae_days == (7 + 10 + 0) / 3 and result.within_7_days == 2 / 3


@settings(max_examples=40, deadline=None)
@given(
    items=st.lists(
        st.tuples(st.integers(0, 120), st.integers(0, 30), st.integers(0, 30), st.integers(1, 100_000)),
        min_size=1,
        max_size=30,
    )
)
def test_the_forecast_never_collects_more_than_is_open(items):
    expected = np.array([D0 + e for e, _lo, _hi, _a in items], dtype=float)
    low = expected - np.array([lo for _e, lo, _hi, _a in items])
    high = expected + np.array([hi for _e, _lo, hi, _a in items])
    amount = np.array([a for *_x, a in items], dtype=float)
    weeks = domain.collection_forecast(expected=expected, low=low, high=high, amount=amount, start=D0, weeks=30)
    total = sum(w["expected"] for w in weeks)
    assert total <= amount.sum() + 1e-6
    assert all(w["low"] <= w["expected"] <= w["high"] for w in weeks)
