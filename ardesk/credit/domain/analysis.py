"""Financial ratios (财务比率) and Altman Z-scores of one period's statement lines, and their trend."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ardesk.credit.domain.financial_statements import LINES_BY_CODE

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
    definition: str = ""  # whose definition the formula follows

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
    optional: tuple[str, ...] = ()  # lines that count as none held when not entered (a blank row of a statement)
    definition: object = ""


# The textbook the definitions follow: the CICPA's 《财务成本管理》 (China's CPA examination textbook),
# chapter 2 "财务报表分析和财务预测", the definitions Chinese lenders and auditors read ratios by.
CPA_TEXTBOOK = gettext_lazy("CICPA, 财务成本管理, ch. 2 (财务报表分析)")

# EBIT (息税前利润) is built from the income statement: 利润总额 + 利息费用 (the 其中 line under 财务费用).
# A blank 利息费用 is no interest paid.
EBIT = "ebit"
DERIVED = {EBIT: ("total_profit",)}


def ebit(lines: Mapping[str, Decimal | None]) -> Decimal | None:
    """EBIT = total profit (利润总额) + interest expense (利息费用); None without the total profit."""
    if lines.get("total_profit") is None:
        return None
    return lines["total_profit"] + (lines.get("interest_expense") or Decimal(0))  # type: ignore[operator]


def with_ebit(lines: Mapping[str, Decimal | None]) -> dict[str, Decimal | None]:
    return {**lines, EBIT: ebit(lines)}


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
        gettext_lazy(
            "(current assets − inventories) ÷ current liabilities; only inventories are excluded "
            "(prepayments and other current assets stay in)"
        ),
        ((1, "current_assets"), (-1, "inventory")),
        ((1, "current_liabilities"),),
        definition=CPA_TEXTBOOK,
    ),
    _Spec(
        "cash_ratio",
        gettext_lazy("Cash ratio"),
        gettext_lazy(
            "(cash and cash equivalents + trading financial assets) ÷ current liabilities; trading financial "
            "assets not entered count as none"
        ),
        ((1, "cash"), (1, "marketable_securities")),
        ((1, "current_liabilities"),),
        optional=("marketable_securities",),
        definition=CPA_TEXTBOOK,
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
        gettext_lazy("EBIT (total profit + interest expense) ÷ interest expense"),
        ((1, EBIT),),
        ((1, "interest_expense"),),
        definition=CPA_TEXTBOOK,
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
        gettext_lazy("operating profit ÷ revenue"),
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


def _missing(lines: Mapping[str, Decimal | None], codes, optional=()) -> list[str]:
    missing = []
    for code in codes:
        if lines.get(code) is None and code not in optional:
            missing += [c for c in DERIVED.get(code, (code,)) if lines.get(c) is None]
    return missing


def _not_available_missing(missing: list[str]) -> str:
    names = ", ".join(str(LINES_BY_CODE[code].name) for code in missing)
    return _("Not available: %(lines)s not entered.") % {"lines": names}


def _sum(lines: Mapping[str, Decimal | None], terms) -> Decimal:
    return sum((sign * (lines.get(code) or Decimal(0)) for sign, code in terms), Decimal(0))


def compute_ratio(spec: _Spec, lines: Mapping[str, Decimal | None], months: int = 12) -> Ratio:
    label, formula, definition = str(spec.label), str(spec.formula), str(spec.definition)
    lines = with_ebit(lines)
    missing = _missing(lines, [code for _sign, code in spec.numerator + spec.denominator], spec.optional)
    if missing:
        return Ratio(spec.key, label, formula, None, _not_available_missing(missing), spec.unit, definition)
    numerator, denominator = _sum(lines, spec.numerator), _sum(lines, spec.denominator)
    if denominator <= 0:
        reason = _("Not available: the denominator is zero or negative.")
        return Ratio(spec.key, label, formula, None, reason, spec.unit, definition)
    if spec.flow_in_numerator and months != 12:
        numerator = numerator * Decimal(12) / Decimal(months)
    return Ratio(spec.key, label, formula, _fraction(numerator, denominator), "", spec.unit, definition)


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
# X3 = EBIT ÷ total assets (EBIT = 利润总额 + 利息费用), X5 = sales ÷ total assets.
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
    lines = with_ebit(lines)
    needed = ["current_assets", "current_liabilities", "retained_earnings", EBIT, "total_assets"]
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
        lines[EBIT] * scale / total_assets,  # type: ignore[operator]
        lines[model.equity_line] / total_liabilities,  # type: ignore[operator]
        (lines["revenue"] * scale / total_assets) if model.coefficients[4] else Decimal(0),  # type: ignore[operator]
    )
    value = sum((c * xi for c, xi in zip(model.coefficients, x, strict=True)), Decimal(0))
    value = value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    zone = "safe" if value > model.safe_above else "distress" if value < model.distress_below else "grey"
    return ZScore(model.key, label, value, zone, tuple(xi.quantize(Decimal("0.000001")) for xi in x))


def z_scores(lines: Mapping[str, Decimal | None], months: int = 12) -> list[ZScore]:
    return [z_score(model, lines, months) for model in Z_MODELS]


def _direction(before: Decimal, after: Decimal) -> str:
    return "up" if after > before else "down" if after < before else "flat"


def trend(values: list[Decimal | None]) -> str:
    """up, down, flat or '' over every period of a series (oldest first): its first available value
    against its last, so a ratio that rose over five years and dipped last year still reads up."""
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return ""
    return _direction(known[0], known[-1])


def changes(values: list[Decimal | None]) -> list[str]:
    """For each period of a series, up, down or flat against the period before it that has a value;
    '' for the first value and for periods without one."""
    result, previous = [], None
    for value in values:
        result.append("" if value is None or previous is None else _direction(previous, value))
        if value is not None:
            previous = value
    return result
