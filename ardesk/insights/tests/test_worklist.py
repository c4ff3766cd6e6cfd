"""The collector's worklist ranks by predicted lateness once a model is trained (crafted history, conftest)."""

from __future__ import annotations

import pytest

from ardesk.collections.selectors import worklist_customers
from ardesk.insights import services
from ardesk.insights.models import Prediction
from ardesk.insights.tests.conftest import AS_OF


def order(user):
    return [row.customer.code for row in worklist_customers(user=user, as_of=AS_OF, mine=False)][:2]


@pytest.mark.django_db
def test_a_customer_whose_recent_payments_slipped_moves_to_the_top(crafted, manager, analyst):
    # Before: overdue weighted by age. STEADY-00 120,000 × 10 % = 12,000; SLIP-00 (100,000 + its May
    # invoice of about 1,200) × 10 % ≈ 10,120; the other slipping customers about 120 each.
    assert order(manager) == ["STEADY-00", "SLIP-00"]

    version = services.model_train(company=crafted, by=analyst, as_of=AS_OF)

    # The hold-out holds the slipped payments: the customer's history (median days to pay) misses them.
    assert version.method == "model", version.figures
    assert version.figures["model"]["mae_days"] < version.figures[version.best_baseline]["mae_days"]
    slip = Prediction.objects.get(
        customer_id__in=crafted.customers.filter(code="SLIP-00").values("pk"), open_amount=10_000_000
    )
    steady = Prediction.objects.get(customer_id__in=crafted.customers.filter(code="STEADY-00").values("pk"))
    # SLIP-00 paid its last six 40 days late: predicted past 30 days late (25 % at risk).
    assert slip.days_late > 30
    assert slip.low_on <= slip.expected_on <= slip.high_on
    assert {r["code"] for r in slip.reasons} & {"recent_payments", "usual_payments"}
    # STEADY-00 pays 5 days late but is already 20 days overdue: expected from tomorrow on.
    assert steady.expected_on > AS_OF and steady.days_late <= 30
    # After: SLIP-00 about 101,200 × 25 % ≈ 25,300 at risk; STEADY-00 120,000 × 10 % = 12,000.
    assert order(manager) == ["SLIP-00", "STEADY-00"]
    rows = worklist_customers(user=manager, as_of=AS_OF, mine=False)
    assert 2_500_000 < rows[0].at_risk < 2_600_000 and rows[0].predicted_days_late > 30


@pytest.mark.django_db
def test_a_scorecard_learned_from_the_history_becomes_a_credit_scorecard_version(crafted, manager):
    from ardesk.credit.domain import validate_scorecard
    from ardesk.credit.models import Scorecard

    result = services.scorecard_learn(company=crafted, by=manager, as_of=AS_OF)
    saved = Scorecard.objects.get(pk=result["scorecard_id"])
    assert saved.code == "LEARNED-SH01" and saved.version == 1
    assert validate_scorecard(saved.config) == []
    # A year before 15 June 2024 the slipping customers had begun to pay late; in the year after all were late.
    assert {f["key"] for f in saved.config["factors"]} & {"avg_days_late", "late_share"}
    assert "AUC" in saved.note
