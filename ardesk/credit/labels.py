"""What the credit screens call the scorecard's factors, sources and values, in the user's language.

Scorecards and scores store stable codes (``avg_days_late``, ``behaviour``); screens show these labels.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ardesk.credit import domain

FACTOR_SOURCE_LABELS = {
    "ratio": _("Financial ratio"),
    "z": _("Altman Z"),
    "behaviour": _("Payment behaviour"),
    "qualitative": _("Qualitative"),
}

BEHAVIOUR_AND_QUALITATIVE_LABELS = {
    "avg_days_late": _("Average days late"),
    "late_share": _("Share paid late"),
    "dso": _("DSO"),
    "broken_promises": _("Broken promises to pay"),
    "disputes": _("Disputes"),
    "years_in_business": _("Years in business"),
    "registered_capital": _("Registered capital"),
    "industry_risk": _("Industry risk"),
    "external_rating": _("External rating"),
}

VALUE_LABELS = {"low": _("Low"), "medium": _("Medium"), "high": _("High")}


def factor_label(key: str) -> str:
    """A scorecard factor by its name (流动比率, 平均逾期天数), never its code."""
    for spec in domain.RATIO_SPECS:
        if spec.key == key:
            return str(spec.label)
    for model in domain.Z_MODELS:
        if model.key == key:
            return str(model.label)
    return str(BEHAVIOUR_AND_QUALITATIVE_LABELS.get(key, key))


def factor_source_label(source: str) -> str:
    return str(FACTOR_SOURCE_LABELS.get(source, source))


def factor_value_label(value: str) -> str:
    return str(VALUE_LABELS.get(value, value))


DECISION_LABELS = {
    domain.RELEASE: pgettext_lazy("order check decision", "Released"),
    domain.HOLD: pgettext_lazy("order check decision", "Held for a decision"),
    domain.BLOCK: pgettext_lazy("order check decision", "Blocked"),
}


def decision_label(decision: str) -> str:
    return str(DECISION_LABELS.get(decision, decision))
