"""What credit management ships with: the demo scorecard and the default approval level.

A data migration calls ``credit_defaults_ensure``; tests whose database flush deletes the rows make
them again with the same function.
"""

from __future__ import annotations

DEMO_SCORECARD_CODE = "DEMO"

DEMO_SCORECARD = {
    "factors": [
        {
            "source": "ratio",
            "key": "current_ratio",
            "weight": 15,
            "bands": [
                {"min": 2.0, "points": 100},
                {"min": 1.5, "points": 80},
                {"min": 1.2, "points": 60},
                {"min": 1.0, "points": 40},
                {"min": 0, "points": 10},
            ],
        },
        {
            "source": "ratio",
            "key": "debt_to_assets",
            "weight": 15,
            "bands": [{"max": 0.4, "points": 100}, {"max": 0.6, "points": 70}, {"max": 0.8, "points": 40}],
        },
        {
            "source": "ratio",
            "key": "net_margin",
            "weight": 10,
            "bands": [{"min": 0.10, "points": 100}, {"min": 0.05, "points": 70}, {"min": 0, "points": 40}],
        },
        {
            "source": "z",
            "key": "z_prime",
            "weight": 10,
            "bands": [{"min": 2.9, "points": 100}, {"min": 1.23, "points": 50}],
        },
        {
            "source": "behaviour",
            "key": "avg_days_late",
            "weight": 20,
            "missing_points": 50,
            "bands": [
                {"max": 0, "points": 100},
                {"max": 10, "points": 80},
                {"max": 30, "points": 50},
                {"max": 60, "points": 20},
            ],
        },
        {
            "source": "behaviour",
            "key": "late_share",
            "weight": 10,
            "missing_points": 50,
            "bands": [{"max": 0.1, "points": 100}, {"max": 0.3, "points": 60}, {"max": 0.6, "points": 30}],
        },
        {
            "source": "qualitative",
            "key": "years_in_business",
            "weight": 10,
            "bands": [
                {"min": 10, "points": 100},
                {"min": 5, "points": 70},
                {"min": 2, "points": 40},
                {"min": 0, "points": 10},
            ],
        },
        {
            "source": "qualitative",
            "key": "industry_risk",
            "weight": 5,
            "missing_points": 50,
            "bands": [
                {"value": "low", "points": 100},
                {"value": "medium", "points": 60},
                {"value": "high", "points": 20},
            ],
        },
        {
            "source": "qualitative",
            "key": "external_rating",
            "weight": 5,
            "missing_points": 50,
            "bands": [
                {"value": "AAA", "points": 100},
                {"value": "AA", "points": 90},
                {"value": "A", "points": 80},
                {"value": "BBB", "points": 60},
                {"value": "BB", "points": 40},
                {"value": "B", "points": 20},
            ],
        },
    ],
    "grades": [
        {
            "grade": "AAA",
            "min_score": 90,
            "limit": {"rule": "equity_percent", "percent": 20},
            "max_term_days": 90,
            "review_months": 12,
        },
        {
            "grade": "AA",
            "min_score": 80,
            "limit": {"rule": "equity_percent", "percent": 15},
            "max_term_days": 60,
            "review_months": 12,
        },
        {
            "grade": "A",
            "min_score": 70,
            "limit": {"rule": "equity_percent", "percent": 10},
            "max_term_days": 60,
            "review_months": 12,
        },
        {
            "grade": "BBB",
            "min_score": 60,
            "limit": {"rule": "monthly_sales_times_term", "factor": 1.5},
            "max_term_days": 45,
            "review_months": 6,
        },
        {
            "grade": "BB",
            "min_score": 50,
            "limit": {"rule": "monthly_sales_times_term", "factor": 1.0},
            "max_term_days": 30,
            "review_months": 6,
        },
        {
            "grade": "B",
            "min_score": 40,
            "limit": {"rule": "monthly_sales_times_term", "factor": 0.5},
            "max_term_days": 30,
            "review_months": 3,
        },
        {"grade": "C", "min_score": 0, "limit": {"rule": "fixed", "amount": 0}, "max_term_days": 0, "review_months": 3},
    ],
}

DEFAULT_APPROVAL_LEVELS = [
    # (name, role group, up to amount in minor units of CNY; None: any amount)
    ("Finance manager", "finance_manager", 1_000_000_000),
]


def credit_defaults_ensure(apps) -> None:
    """Create the demo scorecard and the default approval level when missing (existing rows are left alone)."""
    scorecard_model = apps.get_model("credit", "Scorecard")
    if not scorecard_model.objects.filter(code=DEMO_SCORECARD_CODE).exists():
        scorecard_model.objects.create(
            code=DEMO_SCORECARD_CODE,
            version=1,
            name="Demo scorecard (示例评分卡)",
            config=DEMO_SCORECARD,
            note="Shipped with ARdesk",
        )
    level_model = apps.get_model("credit", "ApprovalLevel")
    group_model = apps.get_model("auth", "Group")
    for name, group_name, maximum in DEFAULT_APPROVAL_LEVELS:
        group, _created = group_model.objects.get_or_create(name=group_name)
        if not level_model.objects.filter(group=group).exists():
            level_model.objects.create(name=name, group=group, max_amount=maximum, currency="CNY")
