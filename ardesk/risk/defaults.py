"""The risk thresholds a company starts with (version 1 of its configuration), editable and exported as JSON.

Each signal has a ``weight`` (points at medium severity) and thresholds ``low`` / ``medium`` /
``high`` on its measure: the highest threshold the measure reaches is the severity; below every
threshold there is no signal. Measures: utilisation in percent of the limit; days-late rise in days
(the average of the last ``last_payments`` payments less the average of the earlier ones within
``history_days``); counts of broken promises, new disputes and special approvals within ``days``;
grade drop in notches within ``days``; distress zone 1 when the latest statement's Altman score
moved into the distress zone; payments slowing in days by which the oldest overdue item is past due
beyond the customer's usual days late; a large item due in ``within_days`` as its percent of the
open balance while something is overdue; stale statements as the latest statement's age in days;
predicted to slip as the percent of the open amount with a pay-date prediction that is predicted to
be paid more than ``days`` days late (no predictions: no signal). A saved configuration without a
signal's key leaves that signal off.
"""

from __future__ import annotations

DEFAULT_CONFIG: dict = {
    "signals": {
        "utilisation": {"weight": 20, "medium": 90, "high": 110},
        "days_late_trend": {
            "weight": 30,
            "last_payments": 5,
            "history_days": 730,
            "min_history": 2,
            "medium": 10,
            "high": 30,
        },
        "broken_promises": {"weight": 25, "days": 90, "medium": 1, "high": 2},
        "new_disputes": {"weight": 10, "days": 30, "low": 1, "medium": 2},
        "grade_drop": {"weight": 25, "days": 90, "medium": 1, "high": 2},
        "distress_zone": {"weight": 30, "high": 1, "models": ["z_prime", "z_double_prime"]},
        "payments_slowing": {"weight": 30, "medium": 15, "high": 30},
        "large_item_due": {"weight": 15, "within_days": 7, "medium": 25, "high": 50},
        "special_approvals": {"weight": 10, "days": 90, "low": 1, "medium": 2},
        "stale_statements": {"weight": 5, "low": 365, "medium": 730},
        "predicted_slip": {"weight": 20, "days": 30, "medium": 30, "high": 60},
    },
    "severity_factors": {"low": 0.5, "medium": 1, "high": 2},
    "watch_list": {"min_points": 50, "any_high": True, "review_days": 30, "owner": ["analyst", "collector"]},
    "alerts": {"high_to_managers": True},
    "concentration": {
        "top10_share_max": 50,
        "top20_share_max": 70,
        "hhi_customer_max": 1500,
        "hhi_group_max": 2000,
        "hhi_industry_max": 2500,
    },
}
