"""What insights hands to the lower contexts through their hooks (registered in apps.py)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Case, F, IntegerField, Q, Sum, Value, When

from ardesk.collections.domain import RISK_WEIGHTS
from ardesk.insights.models import Prediction


def _risk_at_predicted_lateness():
    """SUM of open functional amounts weighted by the days late each item is predicted to be paid."""
    whens = []
    lower = 0
    for upper, percent in RISK_WEIGHTS:
        condition = Q(days_late__gt=lower)
        if upper is not None:
            condition &= Q(days_late__lte=upper)
        whens.append(When(condition, then=F("open_functional") * percent))
        lower = upper or 0
    return Sum(Case(*whens, default=Value(0), output_field=IntegerField()))


def worklist_ranking(customer_ids: list[int], as_of: dt.date) -> dict[int, dict]:
    """Per customer with predictions: amount at risk at the predicted lateness, and the predicted days late.

    The days late are the open amounts' weighted mean, so a large item weighs more than a small one.
    """
    rows = (
        Prediction.objects.filter(customer_id__in=customer_ids)
        .values("customer_id")
        .annotate(
            at_risk=_risk_at_predicted_lateness(),
            weighted=Sum(F("open_functional") * F("days_late")),
            amount=Sum("open_functional"),
        )
        .order_by()
    )
    return {
        r["customer_id"]: {
            "at_risk": r["at_risk"] // 100,
            "days_late": round(r["weighted"] / r["amount"]) if r["amount"] else 0,
        }
        for r in rows
    }
