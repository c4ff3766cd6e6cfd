"""Rules of insights as plain functions over arrays: features as of a date, the baselines, the measures.

Everything here takes the history of due lines as plain numpy arrays (days are proleptic ordinals,
``date.toordinal()``), and the date a question is asked as an argument. A feature "as of D" reads
only what was known at the start of day D: lines issued before D, and of those the ones settled
before D. A line issued or paid on D or later cannot change it, so a model trained on features
as of each invoice's date never sees its own outcome or anything that followed (no leakage).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

# The key that sorts a customer's lines by day: customer number in the high bits, the day below.
# Day ordinals stay under 2**20 until the year 2870.
_DAY_BITS = 20

FEATURES: tuple[str, ...] = (
    "history_count",
    "mean_days_late",
    "median_days_late",
    "std_days_late",
    "late_share",
    "mean_days_to_pay",
    "median_days_to_pay",
    "recent3_days_late",
    "recent6_days_late",
    "trend_days_late",
    "recent3_days_to_pay",
    "days_since_last_payment",
    "open_count",
    "open_amount_log",
    "amount_log",
    "amount_to_usual",
    "term_days",
    "issue_month",
    "issue_weekday",
    "instalment",
    "disputes_12m",
    "broken_promises_12m",
    "electronic_invoice",
)

# Features that say the same thing in words: the reasons a prediction gives are per group.
REASON_GROUPS: dict[str, tuple[str, ...]] = {
    "recent_payments": ("recent3_days_late", "recent6_days_late", "trend_days_late", "recent3_days_to_pay"),
    "usual_payments": (
        "mean_days_late",
        "median_days_late",
        "std_days_late",
        "late_share",
        "mean_days_to_pay",
        "median_days_to_pay",
        "history_count",
        "days_since_last_payment",
    ),
    "amount": ("amount_log", "amount_to_usual"),
    "open_balance": ("open_count", "open_amount_log"),
    "terms": ("term_days", "instalment"),
    "season": ("issue_month", "issue_weekday"),
    "disputes": ("disputes_12m", "broken_promises_12m"),
    "medium": ("electronic_invoice",),
}

BASELINES: tuple[str, ...] = (
    "due_date",
    "customer_mean_days_late",
    "customer_median_days_late",
    "customer_mean_days_to_pay",
    "customer_median_days_to_pay",
)


@dataclass(frozen=True)
class History:
    """Every due line of a company: settled lines carry their day of settlement, open ones -1.

    ``events`` are per-customer dated events that count against the customer (disputes opened,
    promises broken), as (customer, day, kind) with kind 0 = dispute, 1 = broken promise.
    ``electronic`` is per line 1.0 for an electronic invoice, 0.0 for a paper one, NaN when not
    known (None: not known for any line).
    """

    customer: np.ndarray  # int64, a dense customer number
    issue: np.ndarray  # int64 day
    due: np.ndarray  # int64 day
    settled: np.ndarray  # int64 day, -1 while open
    amount: np.ndarray  # float64, functional minor units
    seq: np.ndarray  # int64 instalment number
    event_customer: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    event_day: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    event_kind: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    electronic: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.customer)

    @property
    def is_settled(self) -> np.ndarray:
        return self.settled >= 0

    @property
    def medium(self) -> np.ndarray:
        """Each line's ``electronic`` value, NaN where it is not known."""
        return self.electronic if self.electronic is not None else np.full(len(self.customer), np.nan)

    def subset(self, mask: np.ndarray) -> History:
        return History(
            self.customer[mask],
            self.issue[mask],
            self.due[mask],
            self.settled[mask],
            self.amount[mask],
            self.seq[mask],
            self.event_customer,
            self.event_day,
            self.event_kind,
            self.medium[mask],
        )


def day(value: dt.date) -> int:
    return value.toordinal()


def _keys(customer: np.ndarray, days: np.ndarray) -> np.ndarray:
    return (customer.astype(np.int64) << _DAY_BITS) + days.astype(np.int64)


def _cumsum0(values: np.ndarray) -> np.ndarray:
    out = np.zeros(len(values) + 1, dtype=np.float64)
    np.cumsum(values, out=out[1:])
    return out


class PaidLines:
    """The settled lines sorted by customer and day of settlement, with running sums for ranges."""

    def __init__(self, history: History):
        paid = history.is_settled
        customer, settled = history.customer[paid], history.settled[paid]
        order = np.lexsort((settled, customer))
        self.keys = _keys(customer[order], settled[order])
        self.settled = settled[order]
        self.late = np.maximum(settled - history.due[paid], 0)[order].astype(np.float64)
        self.to_pay = (settled - history.issue[paid])[order].astype(np.float64)
        self.sum_late = _cumsum0(self.late)
        self.sum_late2 = _cumsum0(self.late**2)
        self.count_late = _cumsum0((self.late > 0).astype(np.float64))
        self.sum_to_pay = _cumsum0(self.to_pay)
        self.sum_amount = _cumsum0(history.amount[paid][order])
        # Everyone's history by day, for a customer without any: the company's figures as of D.
        by_day = np.argsort(settled, kind="stable")
        self.all_days = settled[by_day]
        self.all_late = _cumsum0(np.maximum(settled - history.due[paid], 0)[by_day].astype(np.float64))
        self.all_to_pay = _cumsum0((settled - history.issue[paid])[by_day].astype(np.float64))

    def ranges(self, customer: np.ndarray, as_of: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each question, the slice [start, end) of the customer's lines settled before its day."""
        start = np.searchsorted(self.keys, _keys(customer, np.zeros_like(as_of)), "left")
        end = np.searchsorted(self.keys, _keys(customer, as_of), "left")
        return start, end

    def company_means(self, as_of: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Mean days late and days to pay over every customer's lines settled before each day."""
        n = np.searchsorted(self.all_days, as_of, "left")
        safe = np.maximum(n, 1)
        late = np.where(n > 0, self.all_late[n] / safe, 0.0)
        to_pay = np.where(n > 0, self.all_to_pay[n] / safe, np.nan)
        return late, to_pay


def _range_medians(values: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """The median of values[start:end] for each pair (NaN for an empty slice), each distinct pair once."""
    out = np.full(len(start), np.nan)
    pairs = np.stack([start, end], axis=1)
    unique, inverse = np.unique(pairs, axis=0, return_inverse=True)
    medians = np.full(len(unique), np.nan)
    for n, (lo, hi) in enumerate(unique):
        if hi > lo:
            medians[n] = np.median(values[lo:hi])
    out[:] = medians[inverse.reshape(-1)]
    return out


@dataclass(frozen=True)
class Questions:
    """Items to predict: each item's customer, dates, amount and instalment, and the day it is asked."""

    customer: np.ndarray
    issue: np.ndarray
    due: np.ndarray
    amount: np.ndarray
    seq: np.ndarray
    as_of: np.ndarray
    electronic: np.ndarray

    @classmethod
    def at_issue(cls, history: History, mask: np.ndarray | None = None) -> Questions:
        """Each line asked on the day it was issued (how the model learns)."""
        h = history if mask is None else history.subset(mask)
        return cls(h.customer, h.issue, h.due, h.amount, h.seq, h.issue.copy(), h.medium)

    @classmethod
    def on_day(cls, history: History, mask: np.ndarray, as_of: int) -> Questions:
        """The lines in ``mask`` asked on one day (open items today, or open items on a past day)."""
        h = history.subset(mask)
        return cls(h.customer, h.issue, h.due, h.amount, h.seq, np.full(len(h), as_of, dtype=np.int64), h.medium)


@dataclass(frozen=True)
class Features:
    matrix: np.ndarray  # rows × FEATURES
    baselines: dict[str, np.ndarray]  # predicted days late (pay date − due date) per baseline

    def column(self, name: str) -> np.ndarray:
        return self.matrix[:, FEATURES.index(name)]


def features_as_of(history: History, questions: Questions) -> Features:
    """Each question's features and baseline predictions from what was known at the start of its day."""
    paid = PaidLines(history)
    cust, as_of = questions.customer, questions.as_of
    start, end = paid.ranges(cust, as_of)
    n = (end - start).astype(np.float64)
    has = n > 0
    safe = np.maximum(n, 1)
    company_late, company_to_pay = paid.company_means(as_of)

    mean_late = np.where(has, (paid.sum_late[end] - paid.sum_late[start]) / safe, company_late)
    mean_late2 = np.where(has, (paid.sum_late2[end] - paid.sum_late2[start]) / safe, company_late**2)
    std_late = np.sqrt(np.maximum(mean_late2 - mean_late**2, 0))
    late_share = np.where(has, (paid.count_late[end] - paid.count_late[start]) / safe, np.nan)
    mean_to_pay = np.where(has, (paid.sum_to_pay[end] - paid.sum_to_pay[start]) / safe, company_to_pay)
    median_late = np.where(has, _range_medians(paid.late, start, end), mean_late)
    median_to_pay = np.where(has, _range_medians(paid.to_pay, start, end), mean_to_pay)

    def recent(sums: np.ndarray, k: int, fallback: np.ndarray) -> np.ndarray:
        lo = np.maximum(start, end - k)
        count = end - lo
        return np.where(count > 0, (sums[end] - sums[lo]) / np.maximum(count, 1), fallback)

    recent3 = recent(paid.sum_late, 3, mean_late)
    recent6 = recent(paid.sum_late, 6, mean_late)
    recent3_to_pay = recent(paid.sum_to_pay, 3, mean_to_pay)
    last_paid = np.where(has, paid.settled[np.maximum(end - 1, 0)] if len(paid.settled) else 0, 0)
    since_payment = np.where(has, as_of - last_paid, np.nan)

    # Open at the start of D: issued before D less settled before D (count and amount).
    issued_order = np.lexsort((history.issue, history.customer))
    issued_keys = _keys(history.customer[issued_order], history.issue[issued_order])
    issued_amount = _cumsum0(history.amount[issued_order])
    i_start = np.searchsorted(issued_keys, _keys(cust, np.zeros_like(as_of)), "left")
    i_end = np.searchsorted(issued_keys, _keys(cust, as_of), "left")
    paid_amount = paid.sum_amount
    open_count = (i_end - i_start) - (end - start)
    open_amount = (issued_amount[i_end] - issued_amount[i_start]) - (paid_amount[end] - paid_amount[start])
    issued_n = i_end - i_start
    usual_amount = np.where(
        issued_n > 0, (issued_amount[i_end] - issued_amount[i_start]) / np.maximum(issued_n, 1), np.nan
    )

    disputes, broken = _event_counts(history, cust, as_of)
    month, weekday = _month_and_weekday(questions.issue)

    matrix = np.column_stack(
        [
            n,
            mean_late,
            median_late,
            std_late,
            late_share,
            mean_to_pay,
            median_to_pay,
            recent3,
            recent6,
            recent6 - mean_late,
            recent3_to_pay,
            since_payment,
            open_count,
            np.log1p(np.maximum(open_amount, 0)),
            np.log1p(questions.amount),
            questions.amount / usual_amount,
            questions.due - questions.issue,
            month,
            weekday,
            questions.seq,
            disputes,
            broken,
            questions.electronic,
        ]
    ).astype(np.float64)

    term = (questions.due - questions.issue).astype(np.float64)
    baselines = {
        "due_date": np.zeros(len(cust)),
        "customer_mean_days_late": mean_late,
        "customer_median_days_late": median_late,
        "customer_mean_days_to_pay": np.nan_to_num(mean_to_pay - term, nan=0.0),
        "customer_median_days_to_pay": np.nan_to_num(median_to_pay - term, nan=0.0),
    }
    return Features(matrix, baselines)


def _month_and_weekday(days: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Calendar month (1–12) and weekday (0 = Monday) of day ordinals, computed once per distinct day."""
    unique, inverse = np.unique(days, return_inverse=True)
    dates = [dt.date.fromordinal(int(d)) for d in unique]
    months = np.array([d.month for d in dates], dtype=np.float64)
    weekdays = np.array([d.weekday() for d in dates], dtype=np.float64)
    return months[inverse], weekdays[inverse]


def _event_counts(history: History, customer: np.ndarray, as_of: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Disputes opened and promises broken by the customer in the 365 days before each question's day."""
    counts = []
    for kind in (0, 1):
        mask = history.event_kind == kind
        keys = np.sort(_keys(history.event_customer[mask], history.event_day[mask]))
        hi = np.searchsorted(keys, _keys(customer, as_of), "left")
        lo = np.searchsorted(keys, _keys(customer, np.maximum(as_of - 365, 0)), "left")
        counts.append((hi - lo).astype(np.float64))
    return counts[0], counts[1]


# --- measures ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Accuracy:
    """How far predicted pay dates fell from the actual ones: mean absolute error and share within ±7 days."""

    mae_days: float
    within_7_days: float
    count: int

    def as_dict(self) -> dict:
        return {"mae_days": round(self.mae_days, 2), "within_7_days": round(self.within_7_days, 4), "count": self.count}


def accuracy(predicted_days_late: np.ndarray, actual_days_late: np.ndarray) -> Accuracy:
    """MAE in days and the share of predictions within ±7 days of the actual pay date."""
    error = np.abs(np.asarray(predicted_days_late, dtype=float) - np.asarray(actual_days_late, dtype=float))
    if len(error) == 0:
        return Accuracy(0.0, 0.0, 0)
    return Accuracy(float(error.mean()), float((error <= 7).mean()), len(error))


def time_ordered_split(issue: np.ndarray, holdout_share: float = 0.2) -> tuple[np.ndarray, np.ndarray, int]:
    """Split items by date: the last ``holdout_share`` of them (by issue date) are held out.

    Returns the training mask, the hold-out mask and the first day of the hold-out. Items issued on
    the cut-off day all go to the hold-out, so no day is on both sides.
    """
    order = np.sort(issue)
    cut = int(order[min(len(order) - 1, int(np.floor(len(order) * (1 - holdout_share))))])
    holdout = issue >= cut
    return ~holdout, holdout, cut


def best_baseline(figures: dict[str, dict]) -> str:
    """The baseline with the smallest MAE on the hold-out (the first listed wins a tie)."""
    return min(BASELINES, key=lambda name: (figures[name]["mae_days"], BASELINES.index(name)))


def model_beats(figures: dict[str, dict], baseline: str) -> bool:
    """Whether the model's hold-out MAE is below the best baseline's (it is then used; otherwise the baseline)."""
    return figures["model"]["mae_days"] < figures[baseline]["mae_days"]


# --- the cash-collection forecast ----------------------------------------------------------------

Z_90 = 1.2816  # the standard normal's 90 % point: a 10–90 % interval is the mean ± 1.2816 σ


def _cdf(bound: float, knots: list[np.ndarray]) -> np.ndarray:
    """Each item's probability of being paid before ``bound``: linear between its knots (0, 10, 50, 90, 100 %)."""
    shares = (0.0, 0.1, 0.5, 0.9, 1.0)
    result = np.zeros(len(knots[0]))
    for k in range(4):
        lo, hi = knots[k], knots[k + 1]
        width = np.maximum(hi - lo, 1e-9)
        inside = (bound > lo) & (bound <= hi)
        result = np.where(inside, shares[k] + (shares[k + 1] - shares[k]) * (bound - lo) / width, result)
    return np.where(bound > knots[4], 1.0, result)


def collection_forecast(
    *, expected: np.ndarray, low: np.ndarray, high: np.ndarray, amount: np.ndarray, start: int, weeks: int
) -> list[dict]:
    """Expected collections per week from open items, with a 10–90 % interval.

    Each item's pay day is spread over its interval: 10 % of the chance before its 10 % day, 40 %
    up to the expected day, 40 % to its 90 % day, 10 % after (tails as wide as the inner parts).
    A week's total is the sum of amount × chance; treating items as independent, its spread is
    √Σ amount² × p × (1 − p). Items expected before ``start`` count in the first week.
    """
    expected = expected.astype(np.float64)
    low = np.minimum(low, expected).astype(np.float64)
    high = np.maximum(high, expected).astype(np.float64) + 1
    knots = [low - np.maximum(expected - low, 1), low, expected + 0.5, high, high + np.maximum(high - expected, 1)]
    amount = amount.astype(np.float64)
    rows = []
    previous = np.zeros(len(amount))
    for week in range(weeks):
        bound = start + 7 * (week + 1)
        cumulative = _cdf(bound, knots)
        chance = cumulative - previous
        previous = cumulative
        mean = float((amount * chance).sum())
        spread = float(np.sqrt((amount**2 * chance * (1 - chance)).sum()))
        rows.append(
            {
                "week_start": dt.date.fromordinal(start + 7 * week).isoformat(),
                "expected": mean,
                "low": max(mean - Z_90 * spread, 0.0),
                "high": mean + Z_90 * spread,
            }
        )
    return rows
