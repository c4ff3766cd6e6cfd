"""IBM's AR sample, loaded through the product's own import, trained: the model against the five baselines.

Figures on the time-ordered hold-out (the last 20 % of invoices by date, 500 of 2,466), as recorded
in bench/README.md: best baseline the customer's median days from invoice to payment, MAE 6.20 days,
65.6 % within ±7 days; the model, anchored on that baseline and reading each invoice's medium
(electronic or paper), 10.5 % below it (5.55 days, 69.8 % within ±7 days). The issue's target is
10 % below, and a larger share within ±7 days.
"""

from __future__ import annotations

import pytest

from ardesk.insights import services
from ardesk.ledger.imports.engine import run_import
from ardesk.ledger.imports.ibm import convert


@pytest.fixture
def ibm_company(shared_data, tmp_path, accountant, company, settings):
    settings.ARDESK_INSIGHTS_DIR = str(tmp_path / "models")
    source = shared_data / "ibm_accounts_receivable" / "WA_Fn-UseC_-Accounts-Receivable.csv"
    convert(source, tmp_path)
    for kind in ("customers", "invoices", "receipts"):
        path = tmp_path / f"{kind}.csv"
        with path.open("rb") as handle:
            report = run_import(kind=kind, handle=handle, file_name=path.name, company=company, user=accountant)
        assert report.ok, report.problems[:5]
    return company


@pytest.mark.django_db
def test_on_the_ibm_sample_the_model_beats_the_best_baseline(ibm_company, analyst, capsys):
    version = services.model_train(company=ibm_company, by=analyst)
    figures = version.figures
    with capsys.disabled():
        for name, row in figures.items():
            print(f"IBM {name:30} MAE {row['mae_days']:6.2f}  within ±7 {row['within_7_days']:.1%}  n={row['count']}")
    assert version.holdout_count == 500
    assert version.best_baseline == "customer_median_days_to_pay"
    best = figures[version.best_baseline]
    assert figures["model"]["mae_days"] <= 0.90 * best["mae_days"]
    assert figures["model"]["within_7_days"] > best["within_7_days"]
    assert version.method == "model"
    # Every invoice of the sample is paid: nothing is open, so nothing is predicted.
    assert version.predictions.count() == 0
