"""Credit rules as pure functions: statement lines, ratios, Altman Z-scores, scorecards, the order check.

Nothing here reads the database or the clock: dates and figures come in as arguments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

# --------------------------------------------------------------------------------------------
# Statement lines (财务报表科目): the codes stored per period, with English and Chinese names.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    code: str
    statement: str  # balance, income, cash_flow
    name_en: str
    name_zh: str

    @property
    def name(self) -> str:
        """The line's name in the user's language."""
        return _(self.name_en)


LINES: tuple[Line, ...] = (
    Line("cash", "balance", gettext_noop("Cash and cash equivalents"), "货币资金"),
    Line("marketable_securities", "balance", gettext_noop("Short-term investments"), "交易性金融资产"),
    Line("receivables", "balance", gettext_noop("Accounts receivable"), "应收账款"),
    Line("inventory", "balance", gettext_noop("Inventories"), "存货"),
    Line("current_assets", "balance", gettext_noop("Total current assets"), "流动资产合计"),
    Line("total_assets", "balance", gettext_noop("Total assets"), "资产总计"),
    Line("current_liabilities", "balance", gettext_noop("Total current liabilities"), "流动负债合计"),
    Line("total_liabilities", "balance", gettext_noop("Total liabilities"), "负债合计"),
    Line("retained_earnings", "balance", gettext_noop("Retained earnings"), "未分配利润"),
    Line("equity", "balance", gettext_noop("Total equity"), "所有者权益合计"),
    Line("market_value_equity", "balance", gettext_noop("Market value of equity"), "股权市值"),
    Line("revenue", "income", gettext_noop("Revenue"), "营业收入"),
    Line("cost_of_sales", "income", gettext_noop("Cost of sales"), "营业成本"),
    Line("operating_income", "income", gettext_noop("Operating profit (EBIT)"), "营业利润（息税前利润）"),
    Line("interest_expense", "income", gettext_noop("Interest expense"), "利息费用"),
    Line("net_income", "income", gettext_noop("Net profit"), "净利润"),
    Line(
        "operating_cash_flow",
        "cash_flow",
        gettext_noop("Net cash from operating activities"),
        "经营活动产生的现金流量净额",
    ),
)
LINE_CODES = tuple(line.code for line in LINES)
LINES_BY_CODE = {line.code: line for line in LINES}
# Import files may name a line by its code, its English name or its Chinese name.
LINE_ALIASES = {
    **{line.code: line.code for line in LINES},
    **{line.name_en.lower(): line.code for line in LINES},
    **{line.name_zh: line.code for line in LINES},
}


def line_code(label: str) -> str | None:
    """The line code an import column or row label names (code, English or Chinese name), or None."""
    text = label.strip()
    return LINE_ALIASES.get(text) or LINE_ALIASES.get(text.lower())


# --------------------------------------------------------------------------------------------
# Ratios (财务比率) with their formulas; a missing input gives "not available" and the reason.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ratio:
    key: str
    label: str
    formula: str
    value: Decimal | None
    reason: str = ""  # why the value is not available
    unit: str = "x"  # "x" (times) or "%" (the value is a fraction, shown as a percentage)

    @property
    def is_available(self) -> bool:
        return self.value is not None


def _fraction(numerator: Decimal, denominator: Decimal) -> Decimal:
    return (numerator / denominator).quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class _Spec:
    key: str
    label: object
    formula: object
    numerator: tuple[tuple[int, str], ...]  # (+1 / -1, line code)
    denominator: tuple[tuple[int, str], ...]
    unit: str = "x"
    flow_in_numerator: bool = False  # an income or cash-flow figure over a balance: annualised for interim periods
    flow_in_denominator: bool = False


RATIO_SPECS: tuple[_Spec, ...] = (
    _Spec(
        "current_ratio",
        gettext_lazy("Current ratio"),
        gettext_lazy("current assets ÷ current liabilities"),
        ((1, "current_assets"),),
        ((1, "current_liabilities"),),
    ),
    _Spec(
        "quick_ratio",
        gettext_lazy("Quick ratio"),
        gettext_lazy("(current assets − inventories) ÷ current liabilities"),
        ((1, "current_assets"), (-1, "inventory")),
        ((1, "current_liabilities"),),
    ),
    _Spec(
        "cash_ratio",
        gettext_lazy("Cash ratio"),
        gettext_lazy("cash and cash equivalents ÷ current liabilities"),
        ((1, "cash"),),
        ((1, "current_liabilities"),),
    ),
    _Spec(
        "debt_to_assets",
        gettext_lazy("Debt to assets"),
        gettext_lazy("total liabilities ÷ total assets"),
        ((1, "total_liabilities"),),
        ((1, "total_assets"),),
        "%",
    ),
    _Spec(
        "debt_to_equity",
        gettext_lazy("Debt to equity"),
        gettext_lazy("total liabilities ÷ total equity"),
        ((1, "total_liabilities"),),
        ((1, "equity"),),
    ),
    _Spec(
        "interest_coverage",
        gettext_lazy("Interest coverage"),
        gettext_lazy("operating profit (EBIT) ÷ interest expense"),
        ((1, "operating_income"),),
        ((1, "interest_expense"),),
    ),
    _Spec(
        "gross_margin",
        gettext_lazy("Gross margin"),
        gettext_lazy("(revenue − cost of sales) ÷ revenue"),
        ((1, "revenue"), (-1, "cost_of_sales")),
        ((1, "revenue"),),
        "%",
    ),
    _Spec(
        "operating_margin",
        gettext_lazy("Operating margin"),
        gettext_lazy("operating profit (EBIT) ÷ revenue"),
        ((1, "operating_income"),),
        ((1, "revenue"),),
        "%",
    ),
    _Spec(
        "net_margin",
        gettext_lazy("Net margin"),
        gettext_lazy("net profit ÷ revenue"),
        ((1, "net_income"),),
        ((1, "revenue"),),
        "%",
    ),
    _Spec(
        "roa",
        gettext_lazy("Return on assets"),
        gettext_lazy("net profit (annualised) ÷ total assets"),
        ((1, "net_income"),),
        ((1, "total_assets"),),
        "%",
        flow_in_numerator=True,
    ),
    _Spec(
        "roe",
        gettext_lazy("Return on equity"),
        gettext_lazy("net profit (annualised) ÷ total equity"),
        ((1, "net_income"),),
        ((1, "equity"),),
        "%",
        flow_in_numerator=True,
    ),
    _Spec(
        "receivables_turnover",
        gettext_lazy("Receivables turnover"),
        gettext_lazy("revenue (annualised) ÷ accounts receivable"),
        ((1, "revenue"),),
        ((1, "receivables"),),
        flow_in_numerator=True,
    ),
    _Spec(
        "inventory_turnover",
        gettext_lazy("Inventory turnover"),
        gettext_lazy("cost of sales (annualised) ÷ inventories"),
        ((1, "cost_of_sales"),),
        ((1, "inventory"),),
        flow_in_numerator=True,
    ),
    _Spec(
        "operating_cash_flow_ratio",
        gettext_lazy("Operating cash flow ratio"),
        gettext_lazy("net cash from operating activities (annualised) ÷ current liabilities"),
        ((1, "operating_cash_flow"),),
        ((1, "current_liabilities"),),
        flow_in_numerator=True,
    ),
)
RATIO_KEYS = tuple(spec.key for spec in RATIO_SPECS)


def _missing(lines: Mapping[str, Decimal | None], codes) -> list[str]:
    return [code for code in codes if lines.get(code) is None]


def _not_available_missing(missing: list[str]) -> str:
    names = ", ".join(str(LINES_BY_CODE[code].name) for code in missing)
    return _("Not available: %(lines)s not entered.") % {"lines": names}


def _sum(lines: Mapping[str, Decimal | None], terms) -> Decimal:
    return sum((sign * lines[code] for sign, code in terms), Decimal(0))  # type: ignore[operator]


def compute_ratio(spec: _Spec, lines: Mapping[str, Decimal | None], months: int = 12) -> Ratio:
    label, formula = str(spec.label), str(spec.formula)
    missing = _missing(lines, [code for _sign, code in spec.numerator + spec.denominator])
    if missing:
        return Ratio(spec.key, label, formula, None, _not_available_missing(missing), spec.unit)
    numerator, denominator = _sum(lines, spec.numerator), _sum(lines, spec.denominator)
    if denominator <= 0:
        reason = _("Not available: the denominator is zero or negative.")
        return Ratio(spec.key, label, formula, None, reason, spec.unit)
    if spec.flow_in_numerator and months != 12:
        numerator = numerator * Decimal(12) / Decimal(months)
    return Ratio(spec.key, label, formula, _fraction(numerator, denominator), "", spec.unit)


def ratios(lines: Mapping[str, Decimal | None], months: int = 12) -> list[Ratio]:
    """Every ratio of one period; income and cash-flow figures of an interim period are annualised."""
    return [compute_ratio(spec, lines, months) for spec in RATIO_SPECS]


# --------------------------------------------------------------------------------------------
# Altman Z-scores.
#   Z   (Altman 1968, public manufacturers): 1.2 X1 + 1.4 X2 + 3.3 X3 + 0.6 X4 + 1.0 X5,
#        X4 = market value of equity ÷ total liabilities; zones: > 2.99 safe, 1.81–2.99 grey.
#   Z'  (Altman 1983, private manufacturers): 0.717 X1 + 0.847 X2 + 3.107 X3 + 0.420 X4 + 0.998 X5,
#        X4 = book equity ÷ total liabilities; zones: > 2.90 safe, 1.23–2.90 grey.
#   Z'' (Altman, Hartzell & Peck 1995, non-manufacturers and emerging markets):
#        6.56 X1 + 3.26 X2 + 6.72 X3 + 1.05 X4, X4 = book equity ÷ total liabilities;
#        zones: > 2.60 safe, 1.10–2.60 grey.
# X1 = working capital ÷ total assets, X2 = retained earnings ÷ total assets,
# X3 = EBIT ÷ total assets, X5 = sales ÷ total assets.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ZModel:
    key: str
    label: object
    coefficients: tuple[Decimal, ...]  # X1..X5 (X5 zero when the model has no sales term)
    equity_line: str
    safe_above: Decimal
    distress_below: Decimal


Z_MODELS = (
    ZModel(
        "z",
        gettext_lazy("Altman Z (public manufacturers)"),
        tuple(Decimal(c) for c in ("1.2", "1.4", "3.3", "0.6", "1.0")),
        "market_value_equity",
        Decimal("2.99"),
        Decimal("1.81"),
    ),
    ZModel(
        "z_prime",
        gettext_lazy("Altman Z′ (private companies)"),
        tuple(Decimal(c) for c in ("0.717", "0.847", "3.107", "0.420", "0.998")),
        "equity",
        Decimal("2.90"),
        Decimal("1.23"),
    ),
    ZModel(
        "z_double_prime",
        gettext_lazy("Altman Z″ (non-manufacturers, emerging markets)"),
        tuple(Decimal(c) for c in ("6.56", "3.26", "6.72", "1.05", "0")),
        "equity",
        Decimal("2.60"),
        Decimal("1.10"),
    ),
)
ZONES = {"safe": gettext_lazy("Safe"), "grey": gettext_lazy("Grey"), "distress": gettext_lazy("Distress")}


@dataclass(frozen=True)
class ZScore:
    key: str
    label: str
    value: Decimal | None
    zone: str = ""  # safe, grey, distress
    components: tuple[Decimal, ...] = ()
    reason: str = ""

    @property
    def zone_label(self) -> str:
        return str(ZONES.get(self.zone, ""))


def z_score(model: ZModel, lines: Mapping[str, Decimal | None], months: int = 12) -> ZScore:
    """One Altman score with its X1..X5 and zone; annualises EBIT and sales of an interim period."""
    needed = ["current_assets", "current_liabilities", "retained_earnings", "operating_income", "total_assets"]
    needed += [model.equity_line, "total_liabilities"]
    if model.coefficients[4]:
        needed.append("revenue")
    missing = _missing(lines, needed)
    label = str(model.label)
    if missing:
        return ZScore(model.key, label, None, reason=_not_available_missing(missing))
    total_assets, total_liabilities = lines["total_assets"], lines["total_liabilities"]
    if total_assets <= 0 or total_liabilities <= 0:  # type: ignore[operator]
        return ZScore(model.key, label, None, reason=_("Not available: total assets or liabilities are not positive."))
    scale = Decimal(12) / Decimal(months)
    x = (
        (lines["current_assets"] - lines["current_liabilities"]) / total_assets,  # type: ignore[operator]
        lines["retained_earnings"] / total_assets,  # type: ignore[operator]
        lines["operating_income"] * scale / total_assets,  # type: ignore[operator]
        lines[model.equity_line] / total_liabilities,  # type: ignore[operator]
        (lines["revenue"] * scale / total_assets) if model.coefficients[4] else Decimal(0),  # type: ignore[operator]
    )
    value = sum((c * xi for c, xi in zip(model.coefficients, x, strict=True)), Decimal(0))
    value = value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    zone = "safe" if value > model.safe_above else "distress" if value < model.distress_below else "grey"
    return ZScore(model.key, label, value, zone, tuple(xi.quantize(Decimal("0.000001")) for xi in x))


def z_scores(lines: Mapping[str, Decimal | None], months: int = 12) -> list[ZScore]:
    return [z_score(model, lines, months) for model in Z_MODELS]


def trend(values: list[Decimal | None]) -> str:
    """up, down, flat or '' between the last two available values of a series (oldest first)."""
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return ""
    if known[-1] > known[-2]:
        return "up"
    if known[-1] < known[-2]:
        return "down"
    return "flat"


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


# --------------------------------------------------------------------------------------------
# The order credit check (信用检查).
# --------------------------------------------------------------------------------------------

RELEASE, HOLD, BLOCK = "release", "hold", "block"

# The reasons a check gives, by their stable code, for screens in the user's language.
REASON_LABELS = {
    "customer_blocked": gettext_lazy("Customer blocked"),
    "customer_closed": gettext_lazy("Customer closed"),
    "customer_on_hold": gettext_lazy("Customer on credit hold"),
    "overdue_days_block": gettext_lazy("Overdue too long: blocked"),
    "overdue_days": gettext_lazy("Overdue too long"),
    "overdue_amount": gettext_lazy("Overdue amount above the threshold"),
    "review_overdue": gettext_lazy("Credit review overdue"),
    "no_limit": gettext_lazy("No credit limit"),
    "limit_expired": gettext_lazy("Credit limit expired"),
    "over_limit": gettext_lazy("Over the credit limit"),
    "group_limit_expired": gettext_lazy("Group limit expired"),
    "over_group_limit": gettext_lazy("Over the group limit"),
    "special_approval": gettext_lazy("Released under a special approval"),
}


@dataclass(frozen=True)
class CheckFacts:
    """What the check reads, in the company's functional currency, minor units."""

    today: dt.date
    customer_status: str
    amount: int
    open_receivables: int
    unapplied_credits: int
    open_orders: int
    limit: int | None
    limit_valid_until: dt.date | None
    group_limit: int | None = None
    group_exposure: int | None = None  # the group's exposure before this order
    group_limit_valid_until: dt.date | None = None
    overdue_amount: int = 0
    oldest_overdue_days: int = 0
    next_review_on: dt.date | None = None
    hold_overdue_days: int = 60
    block_overdue_days: int = 180
    hold_overdue_amount: int = 0  # hold when the overdue amount is above this (0: any overdue hold is by days only)
    special_approval: int = 0  # a one-off special approval (信用特批) still available


@dataclass(frozen=True)
class Reason:
    code: str
    decision: str
    message: str


@dataclass(frozen=True)
class CheckResult:
    decision: str
    reasons: list[Reason]
    exposure: int
    group_exposure: int | None
    uses_special_approval: bool = False

    @property
    def codes(self) -> list[str]:
        return [r.code for r in self.reasons]


def check_order(f: CheckFacts) -> CheckResult:
    """Decide an order: block on a rule that forbids it, hold on one that needs a person, else release.

    Exposure = open receivables − unallocated credits + released open orders + this order.
    """
    reasons: list[Reason] = []
    exposure = f.open_receivables - f.unapplied_credits + f.open_orders + f.amount
    if f.customer_status in ("blocked", "closed"):
        reasons.append(
            Reason(
                f"customer_{f.customer_status}", BLOCK, _("The customer is %(status)s.") % {"status": f.customer_status}
            )
        )
    elif f.customer_status == "on_hold":
        reasons.append(Reason("customer_on_hold", HOLD, _("The customer is on credit hold.")))
    if f.oldest_overdue_days > f.block_overdue_days:
        reasons.append(
            Reason(
                "overdue_days_block",
                BLOCK,
                _("An item is %(days)d days overdue (more than %(limit)d).")
                % {"days": f.oldest_overdue_days, "limit": f.block_overdue_days},
            )
        )
    elif f.oldest_overdue_days > f.hold_overdue_days:
        reasons.append(
            Reason(
                "overdue_days",
                HOLD,
                _("An item is %(days)d days overdue (more than %(limit)d).")
                % {"days": f.oldest_overdue_days, "limit": f.hold_overdue_days},
            )
        )
    if f.hold_overdue_amount and f.overdue_amount > f.hold_overdue_amount:
        reasons.append(Reason("overdue_amount", HOLD, _("The overdue amount is above the rule's threshold.")))
    if f.next_review_on is not None and f.next_review_on < f.today:
        reasons.append(
            Reason(
                "review_overdue",
                HOLD,
                _("The credit review was due on %(date)s.") % {"date": f.next_review_on.isoformat()},
            )
        )
    uses_special = False
    if f.limit is None:
        reasons.append(Reason("no_limit", HOLD, _("The customer has no credit limit.")))
    elif f.limit_valid_until is not None and f.limit_valid_until < f.today:
        reasons.append(
            Reason(
                "limit_expired",
                HOLD,
                _("The credit limit expired on %(date)s.") % {"date": f.limit_valid_until.isoformat()},
            )
        )
    elif exposure > f.limit:
        if f.special_approval and exposure - f.limit <= f.special_approval:
            uses_special = True
        else:
            reasons.append(Reason("over_limit", HOLD, _("The order would take the exposure above the credit limit.")))
    group_exposure = None
    if f.group_limit is not None and f.group_exposure is not None:
        group_exposure = f.group_exposure + f.amount
        if f.group_limit_valid_until is not None and f.group_limit_valid_until < f.today:
            reasons.append(Reason("group_limit_expired", HOLD, _("The group's credit limit has expired.")))
        elif group_exposure > f.group_limit:
            reasons.append(
                Reason("over_group_limit", HOLD, _("The order would take the group's exposure above its limit."))
            )
    decision = BLOCK if any(r.decision == BLOCK for r in reasons) else HOLD if reasons else RELEASE
    return CheckResult(decision, reasons, exposure, group_exposure, uses_special and decision == RELEASE)


# --------------------------------------------------------------------------------------------
# Approvals and reviews.
# --------------------------------------------------------------------------------------------


def approval_level_needed(levels: list[tuple[str, int | None]], amount: int) -> str | None:
    """The lowest level whose maximum covers the amount; levels are (name, max minor units or None = any)."""
    for name, maximum in sorted(levels, key=lambda lv: (lv[1] is None, lv[1] or 0)):
        if maximum is None or amount <= maximum:
            return name
    return None


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)
