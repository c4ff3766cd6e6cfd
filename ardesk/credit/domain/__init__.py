"""Credit rules as pure functions: statement lines, ratios, Altman Z-scores, scorecards, the order check.

Nothing here reads the database or the clock: dates and figures come in as arguments.

The rules live in one module per topic and are all reachable from here:

- ``financial_statements``: the lines of a customer's balance sheet, income and cash-flow statements;
- ``analysis``: financial ratios, Altman Z-scores and their trend;
- ``scorecards``: a scorecard's configuration checked, a customer scored, the recommended limit;
- ``order_check``: the order credit check;
- ``approvals``: the approval level an amount needs.
"""

from __future__ import annotations

from ardesk.credit.domain.analysis import (
    RATIO_KEYS,
    RATIO_SPECS,
    Z_MODELS,
    ZONES,
    Ratio,
    ZModel,
    ZScore,
    changes,
    compute_ratio,
    ebit,
    ratios,
    trend,
    z_score,
    z_scores,
)
from ardesk.credit.domain.approvals import (
    approval_level_needed,
)
from ardesk.credit.domain.financial_statements import (
    LINE_ALIASES,
    LINE_CODES,
    LINES,
    LINES_BY_CODE,
    SECTIONS,
    Line,
    line_code,
    printed_name,
    statement_line_name,
)
from ardesk.credit.domain.order_check import (
    BLOCK,
    HOLD,
    REASON_LABELS,
    RELEASE,
    CheckFacts,
    CheckResult,
    Reason,
    check_order,
)
from ardesk.credit.domain.scorecards import (
    BEHAVIOUR_KEYS,
    FACTOR_SOURCES,
    LIMIT_RULES,
    QUALITATIVE_KEYS,
    FactorScore,
    ScorecardInvalid,
    ScoreResult,
    band_points,
    grade_rank,
    recommended_limit,
    review_due_on,
    score,
    validate_scorecard,
)

__all__ = [
    "BEHAVIOUR_KEYS",
    "BLOCK",
    "CheckFacts",
    "CheckResult",
    "FACTOR_SOURCES",
    "FactorScore",
    "HOLD",
    "LIMIT_RULES",
    "LINES",
    "LINES_BY_CODE",
    "statement_line_name",
    "LINE_ALIASES",
    "LINE_CODES",
    "Line",
    "QUALITATIVE_KEYS",
    "RATIO_KEYS",
    "RATIO_SPECS",
    "REASON_LABELS",
    "RELEASE",
    "Ratio",
    "Reason",
    "ScoreResult",
    "ScorecardInvalid",
    "ZModel",
    "ZONES",
    "ZScore",
    "Z_MODELS",
    "approval_level_needed",
    "band_points",
    "check_order",
    "compute_ratio",
    "grade_rank",
    "line_code",
    "ratios",
    "recommended_limit",
    "review_due_on",
    "score",
    "trend",
    "changes",
    "ebit",
    "SECTIONS",
    "printed_name",
    "validate_scorecard",
    "z_score",
    "z_scores",
]
