"""A screen's record as an explanation's figures: what ``{% explain key record %}`` writes into the formula.

Each adapter takes what the screen already has in its context (a KPI row's inputs, a bucket's
balance and rate, a score's breakdown line, a period's statement) and returns the figures its
explanation's line names, or None when the record's figure is not available. Where it can, the
figure is computed again by the product's function from the record's inputs, so the explanation
shows the same number as the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal

from django.utils.translation import gettext as _

from ardesk.core.money import grouped
from ardesk.credit import domain as credit_domain
from ardesk.credit.domain.analysis import EBIT, with_ebit
from ardesk.credit.templatetags.credit_tags import grouped_numbers, ratio
from ardesk.guide.formulas.registry import CURRENCY, cei_figures, countback_steps, show
from ardesk.provisioning import domain as provisioning_domain
from ardesk.reports import kpis


def dso(inputs: kpis.KpiInputs, currency: str = CURRENCY) -> dict:
    return {
        "ending_ar": inputs.ending_ar,
        "credit_sales": inputs.credit_sales,
        "days": inputs.days,
        "dso": kpis.days_sales_outstanding(
            ending_ar=inputs.ending_ar, credit_sales=inputs.credit_sales, days=inputs.days
        ),
    }


def countback_dso(inputs: kpis.KpiInputs, currency: str = CURRENCY) -> dict:
    return {
        "ending_ar": inputs.ending_ar,
        **countback_steps(inputs.ending_ar, inputs.history),
        "countback_dso": kpis.countback_dso(ending_ar=inputs.ending_ar, months=inputs.history),
    }


def best_possible_dso(inputs: kpis.KpiInputs, currency: str = CURRENCY) -> dict:
    return {
        "current_ar": inputs.current_ar,
        "credit_sales": inputs.credit_sales,
        "days": inputs.days,
        "best_possible_dso": kpis.best_possible_dso(
            current_ar=inputs.current_ar, credit_sales=inputs.credit_sales, days=inputs.days
        ),
    }


def add(inputs: kpis.KpiInputs, currency: str = CURRENCY) -> dict:
    figures, best = dso(inputs)["dso"], best_possible_dso(inputs)["best_possible_dso"]
    return {"dso": figures, "best_possible_dso": best, "add": kpis.average_days_delinquent(figures, best)}


def cei(inputs: kpis.KpiInputs, currency: str = CURRENCY) -> dict:
    return cei_figures(inputs.beginning_ar, inputs.credit_sales, inputs.ending_ar, inputs.current_ar)


def overdue_ratio(inputs: kpis.KpiInputs, currency: str = CURRENCY) -> dict:
    return {
        "overdue_ar": inputs.overdue_ar,
        "total_ar": inputs.ending_ar,
        "overdue_ratio": kpis.overdue_ratio(overdue_ar=inputs.overdue_ar, total_ar=inputs.ending_ar),
    }


def aging_buckets(report, totals, currency: str = CURRENCY) -> dict:
    """The totals row of an aging report: each bucket's label and amount, and the open balance."""
    labels = dict(report.buckets)
    parts = []
    for key, value in totals:
        amount = show(abs(value), currency, amount=True)
        sign = "− " if value < 0 else "+ " if parts else ""
        parts.append(f"{sign}{labels.get(key, key)} {amount}")
    return {"parts": " ".join(parts), "total": report.total}


def score_points(factor: Mapping, currency: str = CURRENCY) -> dict:
    """One line of a score's breakdown, as stored with the score."""
    return {
        "points": Decimal(factor["points"]),
        "weight": Decimal(factor["weight"]),
        "contribution": Decimal(factor["contribution"]),
    }


def suggested_limit(score, currency: str = CURRENCY) -> dict:
    """A stored score's recommended limit and how it was worked out (written when it was scored)."""
    return {"limit": score.recommended_limit, "how": grouped_numbers(score.limit_explanation)}


def _line_name(code: str) -> str:
    return _("EBIT") if code == EBIT else str(credit_domain.LINES_BY_CODE[code].name)


def _terms(lines: Mapping, terms, currency: str) -> str:
    text = []
    for sign, code in terms:
        value = lines.get(code) or Decimal(0)
        amount = grouped(value, currency)
        text.append(f"{'− ' if sign < 0 else '+ ' if text else ''}{_line_name(code)} {amount}")
    joined = " ".join(text)
    return f"({joined})" if len(terms) > 1 else joined


def financial_ratios(period, index: int, currency: str = CURRENCY) -> dict | None:
    """One ratio of the latest statement period: its lines, in the statement's currency, over each other.

    None when the ratio is not available: the screen says why next to it.
    """
    spec, figure = credit_domain.RATIO_SPECS[index], period.ratios[index]
    if figure.value is None:
        return None
    currency = period.statement.currency
    lines = with_ebit(period.lines)
    numerator = _terms(lines, spec.numerator, currency)
    if spec.flow_in_numerator and period.statement.months != 12:
        numerator += f" × 12 ÷ {period.statement.months}"
    return {
        "ratio": f"{figure.label} {period.statement.period_end:%Y-%m-%d}",
        "value": ratio(figure.value, spec.unit),
        "numerator": numerator,
        "denominator": _terms(lines, spec.denominator, currency),
    }


def z_score(period, index: int, currency: str = CURRENCY) -> dict | None:
    """One Altman score of the latest statement period: its coefficients times the period's X1..X5 (None: n/a)."""
    model, z = credit_domain.Z_MODELS[index], period.z_scores[index]
    if z.value is None:
        return None
    terms = " + ".join(f"{show(c)} × {show(x)}" for c, x in zip(model.coefficients, z.components, strict=False) if c)
    return {
        "model": f"{z.label} {period.statement.period_end:%Y-%m-%d}",
        "z": ratio(z.value),
        "terms": terms,
        "zone": z.zone_label,
    }


def provision_rate(derivation: Mapping, key: str, currency: str = CURRENCY) -> dict:
    """One bucket of a policy's stored loss-rate derivation (amounts in the currency's units)."""
    return {
        "written_off": Decimal(derivation["written_off_totals"][key]),
        "balances": Decimal(derivation["balance_totals"][key]),
        "factor": Decimal(str(derivation["forward_factor"])),
        "rate": Decimal(str(derivation["rates"][key])),
    }


def ecl(balance: int, rate: Decimal, currency: str = CURRENCY) -> dict:
    return {"balance": balance, "rate": rate, "ecl": provisioning_domain.bucket_allowance(balance, rate)}


def dunning_level(notice, currency: str = CURRENCY) -> dict:
    return {
        "level": notice.level_seq,
        "level_days": notice.level.days,
        "min_days_between": notice.level.policy.min_days_between,
        "notice_on": notice.notice_on,
    }


def risk_signals(signal, currency: str = CURRENCY) -> dict:
    return {"signal": signal.get_kind_display(), "measure": signal.measure, "severity": signal.get_severity_display()}


def pay_date_prediction(prediction, currency: str = CURRENCY) -> dict:
    return {"predicted_on": prediction.expected_on, "due_on": prediction.due_on, "days_late": prediction.days_late}


def cash_forecast(week: Mapping, currency: str = CURRENCY) -> dict:
    """One week of the forecast, as the forecast screen lists it (amounts in minor units)."""
    return {
        "week": week["week_start"],
        "expected": week["expected"],
        "low": week["low"],
        "high": week["high"],
    }


RECORDS: dict[str, Callable[..., dict]] = {
    "aging_buckets": aging_buckets,
    "dso": dso,
    "countback_dso": countback_dso,
    "best_possible_dso": best_possible_dso,
    "add": add,
    "cei": cei,
    "overdue_ratio": overdue_ratio,
    "financial_ratios": financial_ratios,
    "z_score": z_score,
    "score_points": score_points,
    "suggested_limit": suggested_limit,
    "provision_rate": provision_rate,
    "ecl": ecl,
    "dunning_level": dunning_level,
    "risk_signals": risk_signals,
    "pay_date_prediction": pay_date_prediction,
    "cash_forecast": cash_forecast,
}
