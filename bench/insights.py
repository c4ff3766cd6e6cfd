"""Insights: training the pay-date model, predicting open items, the 13-week forecast (in memory).

    .venv/bin/python bench/insights.py                                  # 1,000,000 settled, 200,000 open
    .venv/bin/python bench/insights.py --settled 100000 --open 20000   # a smaller run

Targets (issue 25): training on 1,000,000 settled items under 5 minutes on 2 cores; predictions
for 200,000 open items under 30 s; the 13-week forecast under 2 s. The history is generated (each
customer has its own usual delay, a drift and noise), held as the arrays the services load from the
ledger (the database read is not timed here: one indexed query of the due lines).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import time

import numpy as np

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ardesk.config.settings")


def generate(settled: int, open_items: int, customers: int, seed: int = 0):
    from ardesk.insights import domain

    rng = np.random.default_rng(seed)
    total = settled + open_items
    start = dt.date(2021, 1, 1).toordinal()
    today = dt.date(2024, 12, 31).toordinal()
    customer = rng.integers(0, customers, total)
    usual = rng.gamma(2.0, 6.0, customers)  # each customer's usual days late
    drift = rng.normal(0, 4, customers)
    term = rng.choice([30, 45, 60], total)
    # Settled items are issued over the four years, open ones in the last 90 days.
    issue = np.concatenate([rng.integers(start, today - 100, settled), rng.integers(today - 90, today, open_items)])
    due = issue + term
    progress = (issue - start) / (today - start)
    late = np.maximum(usual[customer] + drift[customer] * progress + rng.normal(0, 6, total), -10).round()
    settled_on = np.minimum(due + late, today - 1).astype(np.int64)
    settled_on[settled:] = -1
    amount = np.exp(rng.normal(10, 1.2, total)).round()
    history = domain.History(customer, issue, due, settled_on, amount, np.ones(total, dtype=np.int64))
    return history, today


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--settled", type=int, default=1_000_000)
    parser.add_argument("--open", type=int, default=200_000)
    parser.add_argument("--customers", type=int, default=20_000)
    args = parser.parse_args()

    import django

    django.setup()
    from ardesk.insights import domain, learning

    history, today = generate(args.settled, args.open, args.customers)
    print(f"{args.settled:,} settled, {args.open:,} open items of {args.customers:,} customers; {os.cpu_count()} cores")
    started = time.perf_counter()
    training = learning.train(history)
    trained = time.perf_counter() - started
    print(f"train (features, 5 baselines, hold-out model, importance, back-test, 3 final fits): {trained:.1f} s")
    for name, figures in training.figures.items():
        print(f"  {name:30} MAE {figures['mae_days']:6.2f}  within ±7 {figures['within_7_days']:.1%}")
    mask = history.settled < 0
    started = time.perf_counter()
    predicted = learning.predict(training.model, history, mask, today)
    print(f"predict {int(mask.sum()):,} open items with intervals and reasons: {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    weeks = domain.collection_forecast(
        expected=predicted.expected,
        low=predicted.low,
        high=predicted.high,
        amount=history.amount[mask],
        start=today,
        weeks=13,
    )
    print(f"13-week forecast over {int(mask.sum()):,} items: {time.perf_counter() - started:.2f} s")
    print(f"  first week expected {weeks[0]['expected']:,.0f} ({weeks[0]['low']:,.0f} – {weeks[0]['high']:,.0f})")


if __name__ == "__main__":
    main()
