"""A scorecard learned from outcomes: weight-of-evidence bins, logistic regression, points per bin.

Pure computation (no database). Each factor is cut into a few bins (numbers by a shallow decision
tree on the factor alone, categories one bin each); a bin's weight of evidence (WoE) is
ln(share of the goods in it ÷ share of the bads in it). A logistic regression on the WoE values
weighs the factors, and each bin's points are its part of the log-odds on a points-to-double-the-
odds scale (PDO), so a person can read the card: add the points of the customer's bins.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

# scikit-learn is imported by the functions that learn or measure (see learning.py): it takes a second.

BASE_SCORE = 600  # points at the base odds
BASE_ODDS = 20  # 20 goods to 1 bad
PDO = 20  # points to double the odds
MAX_BINS = 5
MIN_BIN_SHARE = 0.1  # bins of at least 10 % of the cases: steadier WoE (see bench/README.md)
MIN_INFORMATION_VALUE = 0.02


@dataclass
class Bin:
    label: str
    low: float | None = None  # numbers: low < value ≤ high
    high: float | None = None
    values: tuple[str, ...] = ()  # categories
    goods: int = 0
    bads: int = 0
    woe: float = 0.0
    points: int = 0

    def as_dict(self) -> dict:
        return {
            "label": self.label,
            "low": self.low,
            "high": self.high,
            "values": list(self.values),
            "goods": self.goods,
            "bads": self.bads,
            "woe": round(self.woe, 4),
            "points": self.points,
        }


@dataclass
class Factor:
    name: str
    numeric: bool
    bins: list[Bin]
    information_value: float
    coefficient: float = 0.0
    missing_points: int = 0

    def bin_of(self, value) -> Bin | None:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        if self.numeric:
            number = float(value)
            for b in self.bins:
                if (b.low is None or number > b.low) and (b.high is None or number <= b.high):
                    return b
            return None
        return next((b for b in self.bins if str(value) in b.values), None)


@dataclass
class LearnedScorecard:
    factors: list[Factor]
    intercept: float
    figures: dict = field(default_factory=dict)

    def points(self, rows: list[dict]) -> np.ndarray:
        """Each row's total points (higher is better)."""
        totals = np.zeros(len(rows))
        for factor in self.factors:
            for n, row in enumerate(rows):
                b = factor.bin_of(row.get(factor.name))
                totals[n] += b.points if b is not None else factor.missing_points
        return totals

    def as_dict(self) -> dict:
        return {
            "factors": [
                {
                    "name": f.name,
                    "information_value": round(f.information_value, 4),
                    "coefficient": round(f.coefficient, 4),
                    "bins": [b.as_dict() for b in f.bins],
                }
                for f in self.factors
            ],
            "figures": self.figures,
        }


def _woe(goods: int, bads: int, total_goods: int, total_bads: int) -> float:
    # Half a case added to each side keeps a bin without goods or bads finite.
    return math.log(((goods + 0.5) / (total_goods + 0.5)) / ((bads + 0.5) / (total_bads + 0.5)))


def _numeric_bins(values: np.ndarray, bad: np.ndarray) -> list[Bin]:
    from sklearn.tree import DecisionTreeClassifier

    known = ~np.isnan(values)
    tree = DecisionTreeClassifier(
        max_leaf_nodes=MAX_BINS, min_samples_leaf=max(1, int(MIN_BIN_SHARE * known.sum())), random_state=0
    )
    tree.fit(values[known].reshape(-1, 1), bad[known])
    cuts = sorted({float(t) for t in tree.tree_.threshold if t != -2})
    edges = [None, *cuts, None]
    bins = []
    for low, high in zip(edges[:-1], edges[1:], strict=True):
        if low is None and high is None:
            label = "all"
        elif low is None:
            label = f"≤ {high:g}"
        elif high is None:
            label = f"> {low:g}"
        else:
            label = f"{low:g} – {high:g}"
        bins.append(Bin(label, low, high))
    return bins


def _category_bins(values: np.ndarray) -> list[Bin]:
    return [Bin(str(v), values=(str(v),)) for v in sorted({str(v) for v in values})]


def learn(rows: list[dict], bad: np.ndarray, factors: list[str], numeric: set[str]) -> LearnedScorecard:
    """Learn the card from rows (factor → value) and outcomes (1 = bad); keeps factors with IV ≥ 0.02."""
    from sklearn.linear_model import LogisticRegression

    bad = np.asarray(bad, dtype=int)
    total_bads = int(bad.sum())
    total_goods = len(bad) - total_bads
    learned: list[Factor] = []
    columns = []
    for name in factors:
        raw = [row.get(name) for row in rows]
        if name in numeric:
            values = np.array([np.nan if v is None else float(v) for v in raw])
            bins = _numeric_bins(values, bad)
        else:
            values = np.array([str(v) for v in raw], dtype=object)
            bins = _category_bins(values)
        factor = Factor(name, name in numeric, bins, 0.0)
        which = np.array([_index(factor, v) for v in raw])
        iv = 0.0
        for k, b in enumerate(bins):
            inside = which == k
            b.bads = int(bad[inside].sum())
            b.goods = int(inside.sum()) - b.bads
            b.woe = _woe(b.goods, b.bads, total_goods, total_bads)
            iv += ((b.goods + 0.5) / (total_goods + 0.5) - (b.bads + 0.5) / (total_bads + 0.5)) * b.woe
        factor.information_value = iv
        if iv >= MIN_INFORMATION_VALUE:
            learned.append(factor)
            columns.append(np.array([bins[k].woe if k >= 0 else 0.0 for k in which]))
    if not learned:
        raise ValueError("no factor separates the goods from the bads (every information value is below 0.02)")
    matrix = np.column_stack(columns)
    regression = LogisticRegression(C=0.1, max_iter=1000).fit(matrix, bad)  # mild shrinkage of the weights
    # The regression gives ln(odds of bad) = a + Σ b·WoE; a card adds points for ln(odds of good).
    factor_scale = PDO / math.log(2)
    offset = BASE_SCORE - factor_scale * math.log(BASE_ODDS)
    intercept = -float(regression.intercept_[0])
    share = (offset + factor_scale * intercept) / len(learned)
    for factor, coefficient in zip(learned, regression.coef_[0], strict=True):
        factor.coefficient = float(coefficient)
        for b in factor.bins:
            b.points = round(share - factor_scale * coefficient * b.woe)
        factor.missing_points = round(share)
    return LearnedScorecard(learned, intercept)


def _index(factor: Factor, value) -> int:
    b = factor.bin_of(value)
    return factor.bins.index(b) if b is not None else -1


def discrimination(points: np.ndarray, bad: np.ndarray) -> dict:
    """AUC, KS and Gini of a score where higher points mean better (fewer bads)."""
    from sklearn.metrics import roc_auc_score

    bad = np.asarray(bad, dtype=int)
    auc = float(roc_auc_score(bad, -np.asarray(points, dtype=float)))
    order = np.argsort(points)
    bads = np.cumsum(bad[order]) / max(bad.sum(), 1)
    goods = np.cumsum(1 - bad[order]) / max((1 - bad).sum(), 1)
    return {"auc": round(auc, 4), "ks": round(float(np.max(np.abs(bads - goods))), 4), "gini": round(2 * auc - 1, 4)}


def learn_and_measure(
    rows: list[dict], bad: np.ndarray, factors: list[str], numeric: set[str], holdout_share: float = 0.3
) -> LearnedScorecard:
    """Learn on a stratified part, measure on the rest (AUC, KS, Gini), then learn again on everything."""
    from sklearn.model_selection import train_test_split

    bad = np.asarray(bad, dtype=int)
    index = np.arange(len(rows))
    train, test = train_test_split(index, test_size=holdout_share, stratify=bad, random_state=0)
    card = learn([rows[i] for i in train], bad[train], factors, numeric)
    figures = discrimination(card.points([rows[i] for i in test]), bad[test])
    final = learn(rows, bad, factors, numeric)
    final.figures = {**figures, "holdout_count": len(test), "train_count": len(train), "bad_share": float(bad.mean())}
    return final


def credit_config(card: LearnedScorecard, *, sources: dict[str, str], grades: list[dict]) -> dict:
    """The card in the credit module's scorecard format: weights adding up to 100, points 0–100 per band.

    A factor's weight is its share of the card's whole points range; a bin's points are where its
    points sit in the factor's own range. The total is then a straight rescaling of the learned
    card, so customers rank the same way.
    """
    spans = []
    for factor in card.factors:
        values = [b.points for b in factor.bins]
        spans.append((min(values), max(values)))
    ranges = [hi - lo for lo, hi in spans]
    total = sum(ranges) or 1
    weights = [round(100 * r / total) for r in ranges]
    weights[int(np.argmax(ranges))] += 100 - sum(weights)  # the remainder to the widest factor
    factors = []
    for factor, (lo, hi), weight in zip(card.factors, spans, weights, strict=True):
        if weight <= 0:
            continue
        width = (hi - lo) or 1
        bands = []
        for b in factor.bins:
            points = round(100 * (b.points - lo) / width)
            if factor.numeric:
                bands.append(
                    {"max": b.high, "points": points} if b.high is not None else {"min": b.low, "points": points}
                )
            else:
                bands.extend({"value": v, "points": points} for v in b.values)
        if factor.numeric:  # bands are read in order: the upper bounds from the lowest up, then the open top
            bands.sort(key=lambda band: (band.get("max") is None, band.get("max") or 0))
        factors.append(
            {
                "source": sources[factor.name],
                "key": factor.name,
                "weight": weight,
                "missing_points": min(max(round(100 * (factor.missing_points - lo) / width), 0), 100),
                "bands": bands,
            }
        )
    return {"factors": factors, "grades": grades}
