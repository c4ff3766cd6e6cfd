"""The learned scorecard: WoE on a hand-worked set, the German credit data against a plain regression."""

from __future__ import annotations

import csv
import math

import numpy as np
import pytest
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from ardesk.credit.domain import validate_scorecard
from ardesk.credit.domain.scorecards import score
from ardesk.insights import scorecard


def test_weight_of_evidence_of_a_bin_is_the_log_of_its_shares():
    # 100 goods and 100 bads; a bin with 40 goods and 10 bads: ln((40.5/100.5) / (10.5/100.5)) = ln(3.857) = 1.35.
    assert scorecard._woe(40, 10, 100, 100) == pytest.approx(math.log(40.5 / 10.5))


def test_a_card_gives_more_points_to_the_better_bin_and_ranks_like_the_outcomes():
    rng = np.random.default_rng(0)
    days = rng.integers(0, 90, 600).astype(float)
    bad = (rng.random(600) < days / 100).astype(int)  # the later a customer pays, the likelier a bad
    rows = [{"avg_days_late": d} for d in days]
    card = scorecard.learn_and_measure(rows, bad, ["avg_days_late"], {"avg_days_late"})
    bins = card.factors[0].bins
    assert bins[0].points > bins[-1].points  # paying on time scores more than paying late
    assert card.figures["auc"] > 0.6
    config = scorecard.credit_config(
        card,
        sources={"avg_days_late": "behaviour"},
        grades=[
            {
                "grade": "A",
                "min_score": 50,
                "limit": {"rule": "fixed", "amount": 0},
                "max_term_days": 30,
                "review_months": 12,
            },
            {
                "grade": "C",
                "min_score": 0,
                "limit": {"rule": "fixed", "amount": 0},
                "max_term_days": 0,
                "review_months": 3,
            },
        ],
    )
    assert validate_scorecard(config) == []
    on_time = score(config, {"behaviour": {"avg_days_late": 0}})
    late = score(config, {"behaviour": {"avg_days_late": 80}})
    assert on_time.score == 100 and late.score < 50


NUMERIC = {
    "duration_in_month",
    "credit_amount",
    "installment_rate_in_percentage_of_disposable_income",
    "present_residence_since",
    "age_in_years",
    "number_of_existing_credits_at_this_bank",
    "number_of_people_being_liable_to_provide_maintenance_for",
}


def test_on_the_german_credit_data_the_learned_card_beats_a_plain_regression(shared_data, capsys):
    with (shared_data / "german_credit" / "germancredit.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    bad = np.array([r.pop("creditability") == "bad" for r in rows], dtype=int)
    factors = list(rows[0])
    card = scorecard.learn_and_measure(rows, bad, factors, NUMERIC)

    # The plain comparison: logistic regression on the raw columns (numbers scaled, categories one-hot),
    # on the same stratified 30 % hold-out.
    index = np.arange(len(rows))
    train, test = train_test_split(index, test_size=0.3, stratify=bad, random_state=0)
    numeric = sorted(NUMERIC)
    categorical = [f for f in factors if f not in NUMERIC]
    matrix = np.array([[r[f] for f in numeric + categorical] for r in rows], dtype=object)
    prepare = ColumnTransformer(
        [
            ("numbers", StandardScaler(), list(range(len(numeric)))),
            ("categories", OneHotEncoder(handle_unknown="ignore"), list(range(len(numeric), len(factors)))),
        ]
    )
    plain = make_pipeline(prepare, LogisticRegression(max_iter=2000)).fit(matrix[train], bad[train])
    plain_auc = roc_auc_score(bad[test], plain.predict_proba(matrix[test])[:, 1])
    with capsys.disabled():
        print(f"\nGerman credit: learned card {card.figures}; plain logistic regression AUC {plain_auc:.4f}")
        for factor in card.factors[:3]:
            print(f"  {factor.name}: " + "; ".join(f"{b.label} {b.points}" for b in factor.bins))
    assert card.figures["auc"] >= 0.78
    assert card.figures["auc"] >= plain_auc - 0.01
    # Readable: a handful of bins per factor, whole points in a sensible range.
    assert all(len(f.bins) <= 10 for f in card.factors)
    assert all(-200 <= b.points <= 400 for f in card.factors for b in f.bins)
