"""Scorecards: validating a configuration, scoring a customer's inputs, the recommended limit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from ardesk.core import calendar
from ardesk.credit.domain.analysis import RATIO_KEYS, Z_MODELS

# --------------------------------------------------------------------------------------------
# Scorecards: factors with weights and bands, grades with a limit rule and a maximum term.
# --------------------------------------------------------------------------------------------

FACTOR_SOURCES = ("ratio", "z", "behaviour", "qualitative")
BEHAVIOUR_KEYS = ("avg_days_late", "late_share", "dso", "broken_promises", "disputes")
QUALITATIVE_KEYS = ("years_in_business", "registered_capital", "industry_risk", "external_rating")
LIMIT_RULES = ("equity_percent", "monthly_sales_times_term", "fixed")


class ScorecardInvalid(ValueError):
    """A scorecard configuration breaks a rule; ``problems`` lists each one with its place."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def validate_scorecard(config: Mapping) -> list[str]:
    """Every problem of a scorecard configuration (empty when it is valid)."""
    problems: list[str] = []
    factors = config.get("factors")
    if not isinstance(factors, list) or not factors:
        return [_("factors: at least one factor is needed.")]
    total = Decimal(0)
    for n, factor in enumerate(factors, start=1):
        where = _("factor %(n)d") % {"n": n}
        if not isinstance(factor, Mapping):
            problems.append(_("%(where)s: must be an object.") % {"where": where})
            continue
        source, key = factor.get("source"), factor.get("key")
        if source not in FACTOR_SOURCES:
            problems.append(
                _("%(where)s: source must be one of %(choices)s.")
                % {"where": where, "choices": ", ".join(FACTOR_SOURCES)}
            )
        allowed = {
            "ratio": RATIO_KEYS,
            "z": tuple(m.key for m in Z_MODELS),
            "behaviour": BEHAVIOUR_KEYS,
            "qualitative": QUALITATIVE_KEYS,
        }.get(source, ())
        if key not in allowed:
            problems.append(
                _("%(where)s: unknown key %(key)s for source %(source)s.")
                % {"where": where, "key": key, "source": source}
            )
        try:
            weight = Decimal(str(factor.get("weight")))
        except Exception:
            weight = Decimal(-1)
        if weight <= 0:
            problems.append(_("%(where)s: weight must be a positive number.") % {"where": where})
        else:
            total += weight
        bands = factor.get("bands")
        if not isinstance(bands, list) or not bands:
            problems.append(_("%(where)s: at least one band is needed.") % {"where": where})
            continue
        for m, band in enumerate(bands, start=1):
            points = band.get("points") if isinstance(band, Mapping) else None
            if not isinstance(points, int | float) or not 0 <= points <= 100:
                problems.append(
                    _("%(where)s, band %(m)d: points must be between 0 and 100.") % {"where": where, "m": m}
                )
            if not isinstance(band, Mapping) or not ({"min", "max", "value"} & set(band)):
                problems.append(_("%(where)s, band %(m)d: give a min, a max or a value.") % {"where": where, "m": m})
    if total != 100:
        problems.append(_("factors: the weights add up to %(total)s, not 100.") % {"total": total})
    grades = config.get("grades")
    if not isinstance(grades, list) or not grades:
        problems.append(_("grades: at least one grade is needed."))
        return problems
    previous = None
    for n, grade in enumerate(grades, start=1):
        where = _("grade %(n)d") % {"n": n}
        if not grade.get("grade"):
            problems.append(_("%(where)s: a name is needed.") % {"where": where})
        minimum = grade.get("min_score")
        if not isinstance(minimum, int | float):
            problems.append(_("%(where)s: min_score must be a number.") % {"where": where})
        elif previous is not None and minimum >= previous:
            problems.append(
                _("%(where)s: grades go from the best down, each min_score below the one before.") % {"where": where}
            )
        else:
            previous = minimum
        rule = grade.get("limit", {})
        if rule.get("rule") not in LIMIT_RULES:
            problems.append(
                _("%(where)s: limit rule must be one of %(choices)s.")
                % {"where": where, "choices": ", ".join(LIMIT_RULES)}
            )
        if not isinstance(grade.get("max_term_days"), int) or grade["max_term_days"] < 0:
            problems.append(_("%(where)s: max_term_days must be a whole number of days.") % {"where": where})
        if not isinstance(grade.get("review_months"), int) or grade["review_months"] <= 0:
            problems.append(_("%(where)s: review_months must be a positive whole number.") % {"where": where})
    if previous is not None and previous > 0:
        problems.append(_("grades: the last grade must start at 0 so that every score has a grade."))
    return problems


def band_points(bands: list[Mapping], value) -> tuple[int | float, str]:
    """The points of the first band a value falls in (bands are listed best first).

    A band matches by ``value`` (equal text), ``min`` (value ≥ min) or ``max`` (value ≤ max).
    """
    for band in bands:
        if "value" in band:
            if str(band["value"]).lower() == str(value).lower():
                return band["points"], str(band["value"])
            continue
        if value is None or isinstance(value, str):
            continue
        number = Decimal(str(value))
        if "min" in band and number >= Decimal(str(band["min"])):
            return band["points"], f"≥ {band['min']}"
        if "max" in band and number <= Decimal(str(band["max"])):
            return band["points"], f"≤ {band['max']}"
    return 0, ""


@dataclass(frozen=True)
class FactorScore:
    key: str
    source: str
    weight: Decimal
    value: str | None  # the input, as text; None when missing
    points: Decimal  # 0..100 from the band
    contribution: Decimal  # points × weight ÷ 100
    band: str
    note: str = ""


@dataclass(frozen=True)
class ScoreResult:
    score: Decimal
    grade: str
    factors: list[FactorScore]
    max_term_days: int
    review_months: int
    limit_rule: dict = field(default_factory=dict)


def score(config: Mapping, inputs: Mapping[str, Mapping[str, object]]) -> ScoreResult:
    """Score a customer on a scorecard: each factor's band points × weight, summed, then the grade.

    ``inputs`` maps a source (ratio, z, behaviour, qualitative) to its values; a missing input
    scores the factor's ``missing_points`` (0 unless configured) and says so in the breakdown.
    """
    factors = []
    for factor in config["factors"]:
        weight = Decimal(str(factor["weight"]))
        value = inputs.get(factor["source"], {}).get(factor["key"])
        if value is None:
            points, band = Decimal(str(factor.get("missing_points", 0))), ""
            note = _("input not available")
        else:
            raw, band = band_points(factor["bands"], value)
            points, note = Decimal(str(raw)), ""
        contribution = (points * weight / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        factors.append(
            FactorScore(
                factor["key"],
                factor["source"],
                weight,
                None if value is None else str(value),
                points,
                contribution,
                band,
                note,
            )
        )
    total = sum((f.contribution for f in factors), Decimal(0))
    for grade in config["grades"]:
        if total >= Decimal(str(grade["min_score"])):
            break
    return ScoreResult(
        total, grade["grade"], factors, grade["max_term_days"], grade["review_months"], dict(grade["limit"])
    )


def recommended_limit(
    rule: Mapping, *, equity: Decimal | None, monthly_sales: Decimal | None, term_days: int
) -> tuple[Decimal | None, str]:
    """The grade's recommended limit (functional currency) and how it was worked out, or None and why."""
    kind = rule.get("rule")
    cap = Decimal(str(rule["cap"])) if rule.get("cap") is not None else None
    if kind == "fixed":
        amount = Decimal(str(rule["amount"]))
        explanation = _("fixed amount")
    elif kind == "equity_percent":
        if equity is None:
            return None, _("Not available: the customer's equity is not entered.")
        amount = max(equity, Decimal(0)) * Decimal(str(rule["percent"])) / 100
        explanation = _("%(percent)s%% of equity %(equity)s") % {"percent": rule["percent"], "equity": equity}
    elif kind == "monthly_sales_times_term":
        if monthly_sales is None:
            return None, _("Not available: no sales to the customer in the last 12 months.")
        months = Decimal(term_days) / 30
        factor = Decimal(str(rule.get("factor", 1)))
        amount = monthly_sales * months * factor
        explanation = _("monthly sales %(sales)s × %(days)s days ÷ 30 × %(factor)s") % {
            "sales": monthly_sales,
            "days": term_days,
            "factor": factor,
        }
    else:
        return None, _("Not available: unknown limit rule.")
    if cap is not None and amount > cap:
        amount = cap
        explanation += " " + _("(capped at %(cap)s)") % {"cap": cap}
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), explanation


def grade_rank(config: Mapping, grade: str) -> int:
    """The grade's place from the best (0); an unknown grade ranks last."""
    names = [g["grade"] for g in config.get("grades", [])]
    return names.index(grade) if grade in names else len(names)


def review_due_on(
    *, next_review_on: dt.date | None, by_hand: bool, scored_on: dt.date | None, criterion_months: int | None
) -> dt.date | None:
    """When the customer's scheduled credit review falls due.

    The date set by hand on the customer's credit account first; else, when a criterion (its segment)
    names an interval, that many months after its last scoring; else the grade's schedule, which is the
    date set at scoring. None: no review is scheduled.
    """
    if by_hand or not criterion_months or scored_on is None:
        return next_review_on
    return calendar.add_months(scored_on, criterion_months)
