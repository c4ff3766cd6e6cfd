"""Training and using the pay-date model: scikit-learn's histogram gradient boosting over domain features.

Pure computation over arrays (no database, no clock): the services load the history, call these, and
store what they return. The model learns how far each item's payment falls from the customer's
usual delay (the strongest baseline, ``anchor``) and adds that back: on the IBM sample this cut the
mean error from 7.5 % to 10.5 % below the baseline, with the invoice medium as a feature. The point
prediction minimises squared error: the absolute-error loss (the measure it is judged by) did about
as well on the IBM sample but never split on a crafted history where most targets tie exactly
(tests/conftest.py), staying at the median. Two quantile models (10 % and 90 %) give each item its
interval.
"""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from ardesk.insights import domain

if TYPE_CHECKING:
    # scikit-learn (and SciPy under it) takes a second to import: it is loaded by what trains or
    # scores, not by every process that loads the API and the screens (the system checks, a worker).
    from sklearn.ensemble import HistGradientBoostingRegressor

# Shallow trees, many small steps: on the IBM sample these did best on the time-ordered hold-out
# among the few settings tried (see bench/README.md); the data of one company is rarely large.
PARAMS = {"max_iter": 300, "learning_rate": 0.03, "max_depth": 3, "min_samples_leaf": 30, "l2_regularization": 1.0}
LOW, HIGH = 0.1, 0.9
MIN_TRAINING_ITEMS = 50
IMPORTANCE_ROWS = 2000


def anchor(matrix: np.ndarray) -> np.ndarray:
    """The customer's usual delay as of each question: its median days to pay less the item's term
    (the baseline ``customer_median_days_to_pay``, 0 where the customer has no history yet)."""
    columns = domain.FEATURES.index("median_days_to_pay"), domain.FEATURES.index("term_days")
    return np.nan_to_num(matrix[:, columns[0]] - matrix[:, columns[1]], nan=0.0)


def _known(matrix: np.ndarray) -> np.ndarray:
    """The matrix to fit on: a feature not known for any item (no invoice medium in a company's
    data) is read as 0, a constant the trees never split on; scikit-learn cannot bin a column with
    no value at all. Predictions still see NaN there, which such a model ignores."""
    empty = np.isnan(matrix).all(axis=0)
    if not empty.any():
        return matrix
    filled = matrix.copy()
    filled[:, empty] = 0.0
    return filled


def _regressor(loss: str, quantile: float | None = None) -> HistGradientBoostingRegressor:
    from sklearn.ensemble import HistGradientBoostingRegressor

    extra = {"quantile": quantile} if quantile is not None else {}
    return HistGradientBoostingRegressor(loss=loss, random_state=0, **PARAMS, **extra)


@dataclass
class PayDateModel:
    """What is kept of a training: the method in use and, for the learned model, its three regressors."""

    method: str
    point: HistGradientBoostingRegressor | None = None
    low: HistGradientBoostingRegressor | None = None
    high: HistGradientBoostingRegressor | None = None
    # For a baseline in use: its hold-out errors' 10 % and 90 % points give the interval.
    residual_low: float = -7.0
    residual_high: float = 7.0
    reference: np.ndarray = field(default_factory=lambda: np.zeros(len(domain.FEATURES)))
    # The features it was trained on: a model of an earlier release, trained on others, is trained again.
    features: tuple[str, ...] = ()

    @property
    def current(self) -> bool:
        return self.features == domain.FEATURES

    def point_days(self, matrix: np.ndarray) -> np.ndarray:
        return anchor(matrix) + self.point.predict(matrix)

    def predict(self, features: domain.Features) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Predicted days late (pay date − due date), with the 10 % and 90 % points."""
        if self.method == "model":
            base = anchor(features.matrix)
            point = base + self.point.predict(features.matrix)
            low = np.minimum(base + self.low.predict(features.matrix), point)
            high = np.maximum(base + self.high.predict(features.matrix), point)
            return point, low, high
        point = features.baselines[self.method]
        return point, point + self.residual_low, point + self.residual_high


@dataclass
class Training:
    model: PayDateModel
    figures: dict[str, dict]
    best_baseline: str
    importance: list[dict]
    backtest: list[dict]
    data_from: dt.date
    data_to: dt.date
    holdout_from: dt.date
    train_count: int
    holdout_count: int


class NotEnoughHistory(ValueError):
    pass


def train(history: domain.History) -> Training:
    """Measure the model and the five baselines on a time-ordered hold-out, then fit on everything settled.

    The hold-out is the last 20 % of the settled items by invoice date. The model learns only from
    items issued before the hold-out *and* paid before it starts, so no outcome it learns from was
    unknown on the first day of the hold-out.
    """
    settled = history.is_settled
    if settled.sum() < MIN_TRAINING_ITEMS:
        raise NotEnoughHistory(f"{int(settled.sum())} settled items; at least {MIN_TRAINING_ITEMS} are needed")
    paid = history.subset(settled)
    features = domain.features_as_of(history, domain.Questions.at_issue(paid))
    actual = (paid.settled - paid.due).astype(np.float64)
    train_mask, holdout, cut = domain.time_ordered_split(paid.issue)
    learn = train_mask & (paid.settled < cut)
    figures = {
        name: domain.accuracy(features.baselines[name][holdout], actual[holdout]).as_dict() for name in domain.BASELINES
    }
    beyond = actual - anchor(features.matrix)
    evaluation = PayDateModel("model", _regressor("squared_error").fit(_known(features.matrix[learn]), beyond[learn]))
    evaluation.low = evaluation.high = evaluation.point
    figures["model"] = domain.accuracy(evaluation.point_days(features.matrix[holdout]), actual[holdout]).as_dict()
    best = domain.best_baseline(figures)
    importance = _importance(evaluation.point, features.matrix[holdout], actual[holdout])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a feature known for no item has no median: 0
        reference = np.nan_to_num(np.nanmedian(features.matrix[learn], axis=0))
    if domain.model_beats(figures, best):
        model = PayDateModel(
            "model",
            _regressor("squared_error").fit(_known(features.matrix), beyond),
            _regressor("quantile", LOW).fit(_known(features.matrix), beyond),
            _regressor("quantile", HIGH).fit(_known(features.matrix), beyond),
            reference=reference,
            features=domain.FEATURES,
        )
    else:
        errors = actual[holdout] - features.baselines[best][holdout]
        model = PayDateModel(
            best,
            residual_low=float(np.quantile(errors, LOW)),
            residual_high=float(np.quantile(errors, HIGH)),
            reference=reference,
            features=domain.FEATURES,
        )
    eval_model = evaluation if model.method == "model" else model
    return Training(
        model=model,
        figures=figures,
        best_baseline=best,
        importance=importance,
        backtest=backtest(history, eval_model, first_day=cut),
        data_from=dt.date.fromordinal(int(paid.issue.min())),
        data_to=dt.date.fromordinal(int(paid.settled.max())),
        holdout_from=dt.date.fromordinal(cut),
        train_count=int(learn.sum()),
        holdout_count=int(holdout.sum()),
    )


def _anchored_mae(regressor, matrix: np.ndarray, actual: np.ndarray) -> float:
    return -float(np.mean(np.abs(anchor(matrix) + regressor.predict(matrix) - actual)))


def _importance(regressor, matrix: np.ndarray, actual: np.ndarray) -> list[dict]:
    """Permutation importance on the hold-out: how many days of MAE each feature is worth (the
    anchor moves with the features it is read from)."""
    from sklearn.inspection import permutation_importance

    if len(actual) > IMPORTANCE_ROWS:
        pick = np.random.default_rng(0).choice(len(actual), IMPORTANCE_ROWS, replace=False)
        matrix, actual = matrix[pick], actual[pick]
    result = permutation_importance(regressor, matrix, actual, scoring=_anchored_mae, n_repeats=2, random_state=0)
    ranked = sorted(zip(domain.FEATURES, result.importances_mean, strict=True), key=lambda pair: -pair[1])
    return [{"feature": name, "days": round(float(value), 3)} for name, value in ranked]


def open_on(history: domain.History, day: int) -> np.ndarray:
    """The lines open at the start of a day: issued before it, not settled before it."""
    return (history.issue < day) & ((history.settled < 0) | (history.settled >= day))


def backtest(history: domain.History, model: PayDateModel, *, first_day: int, weeks: int = 26) -> list[dict]:
    """Past forecasts against what arrived: from each week's start in the hold-out, the collections
    forecast for that week from the items then open, and what of those items was actually paid in it."""
    last = int(history.settled.max()) if len(history) else first_day
    rows = []
    start = first_day
    while start + 7 <= last + 1 and len(rows) < weeks:
        mask = open_on(history, start)
        if mask.any():
            features = domain.features_as_of(history, domain.Questions.on_day(history, mask, start))
            point, _low, _high = model.predict(features)
            expected = np.maximum(history.due[mask] + np.rint(point), start)
            amounts = history.amount[mask]
            forecast = float(amounts[(expected >= start) & (expected < start + 7)].sum())
            settled = history.settled[mask]
            actual = float(amounts[(settled >= start) & (settled < start + 7)].sum())
            rows.append(
                {"week": dt.date.fromordinal(start).isoformat(), "forecast": round(forecast), "actual": round(actual)}
            )
        start += 7
    return rows


@dataclass(frozen=True)
class Predicted:
    days_late: np.ndarray
    expected: np.ndarray  # day ordinals, never before the day asked
    low: np.ndarray
    high: np.ndarray
    reasons: list[list[dict]]


def predict(model: PayDateModel, history: domain.History, mask: np.ndarray, as_of: int, reasons: int = 3) -> Predicted:
    """Expected pay dates of the lines in ``mask`` as of a day, with the interval and the top reasons.

    An item predicted to have been paid before the day it is asked (it is still open) is expected
    on that day at the earliest; its interval moves with it.
    """
    questions = domain.Questions.on_day(history, mask, as_of)
    features = domain.features_as_of(history, questions)
    point, low, high = model.predict(features)
    due = questions.due
    expected = np.maximum(due + np.rint(point), as_of).astype(np.int64)
    low_day = np.minimum(np.maximum(due + np.floor(low), as_of), expected).astype(np.int64)
    high_day = np.maximum(np.maximum(due + np.ceil(high), as_of), expected).astype(np.int64)
    return Predicted(
        days_late=(expected - due).astype(np.int64),
        expected=expected,
        low=low_day,
        high=high_day,
        reasons=_reasons(model, features, point, history, questions, reasons),
    )


def _reasons(model, features, point, history, questions, top: int) -> list[list[dict]]:
    """Each item's strongest reasons: the feature groups whose usual value would move its date most.

    A group's effect is the change in the prediction when the item's values of that group are
    replaced by the typical item's (the training median); for a baseline in use, the customer's own
    payment history is the one reason.
    """
    count = len(point)
    facts = _facts(history, questions, features)
    if model.method != "model":
        return [[{"code": "usual_payments", "days": 0, **facts[n]}] for n in range(count)]
    effects = {}
    for group, names in domain.REASON_GROUPS.items():
        changed = features.matrix.copy()
        for name in names:
            changed[:, domain.FEATURES.index(name)] = model.reference[domain.FEATURES.index(name)]
        effects[group] = point - model.point_days(changed)
    groups = list(effects)
    table = np.column_stack([effects[g] for g in groups])
    order = np.argsort(-np.abs(table), axis=1)[:, :top]
    result = []
    for n in range(count):
        chosen = []
        for k in order[n]:
            days = float(table[n, k])
            if abs(days) >= 1:
                chosen.append({"code": groups[k], "days": round(days), **facts[n]})
        result.append(chosen or [{"code": "usual_payments", "days": 0, **facts[n]}])
    return result


def _facts(history: domain.History, questions: domain.Questions, features: domain.Features) -> list[dict]:
    """The figures a reason quotes, per item: the customer's last payments and usual delay, the item's terms."""
    last_paid = _last_payments(history, questions, 6)
    facts = []
    column = features.column
    for n in range(len(questions.customer)):
        recent = last_paid[n]
        facts.append(
            {
                "recent_count": len(recent),
                "recent_min": int(min(recent)) if recent else None,
                "recent_max": int(max(recent)) if recent else None,
                "median_days_to_pay": _rounded(column("median_days_to_pay")[n]),
                "late_share": _rounded(column("late_share")[n] * 100),
                "history_count": int(column("history_count")[n]),
                "amount_to_usual": _rounded(column("amount_to_usual")[n], 1),
                "open_count": int(column("open_count")[n]),
                "term_days": int(column("term_days")[n]),
                "month": int(column("issue_month")[n]),
                "disputes": int(column("disputes_12m")[n]),
                "broken_promises": int(column("broken_promises_12m")[n]),
                "electronic": _rounded(column("electronic_invoice")[n]),
            }
        )
    return facts


def _rounded(value: float, places: int = 0):
    if value is None or np.isnan(value):
        return None
    return round(float(value), places) if places else int(round(float(value)))


def _last_payments(history: domain.History, questions: domain.Questions, k: int) -> list[list[int]]:
    """Days late of each item's customer's last ``k`` payments before the day asked (once per customer and day)."""
    paid = domain.PaidLines(history)
    start, end = paid.ranges(questions.customer, questions.as_of)
    cache: dict[tuple[int, int], list[int]] = {}
    out = []
    for lo, hi in zip(start.tolist(), end.tolist(), strict=True):
        key = (lo, hi)
        if key not in cache:
            cache[key] = paid.late[max(lo, hi - k) : hi].astype(int).tolist()
        out.append(cache[key])
    return out
