"""Collection KPIs (回款指标): DSO, countback DSO, best possible DSO, ADD, CEI, overdue ratio. Pure functions.

Every function takes amounts as integers in one currency's minor units (or Decimals) and returns a
``Decimal`` rounded once, at the end, to one decimal (``ROUND_HALF_UP``, the project's mode), or
``None`` when the figure is not available: a zero denominator, or too little sales history. A KPI
is never a crash and never a made-up zero.

The formulas are the standard ones of the Credit Research Foundation (CRF) and the trade-credit
literature; ``FORMULAS`` below states them for the screens, the API and the exports.

* Credit sales of a period: the functional amounts of posted invoices and debit notes less credit
  notes issued in it (net credit sales; a reversal is a document of the same type with the
  opposite amount, so it nets out). Receipts and adjustments are not sales.
* DSO = ending total AR / credit sales of the period × days in the period.
* Countback DSO: from the ending AR take away each month's sales, newest month first, counting
  that month's days, until what is left is less than the month's sales; that month counts the
  fraction left / sales of its days.
* Best possible DSO = current (not yet due) AR / credit sales × days.
* Average days delinquent (ADD) = DSO − best possible DSO.
* CEI (Credit Research Foundation) = (beginning AR + credit sales − ending total AR)
  / (beginning AR + credit sales − ending current AR) × 100: what was collected out of what could
  be collected. The CRF writes the sales as "credit sales / N" (N months) to compare with one
  month's sales; for a month N = 1, and for a longer period we take the period's sales whole (as
  CreditGuru's one-year form does), because with sales / N the index goes below 0 or above 100 as
  soon as the receivables grow or shrink over the period. That is the documented ``cei``; the
  CRF's own form, with the sales divided by the period's months (``months_in_period``), is given
  next to it as ``cei_crf`` so a user who reports the CRF convention can read it, labelled.
* Overdue ratio = overdue AR / total AR × 100.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from ardesk.core import calendar

# KPIs are shown to one decimal: days (45.2) and percentages (87.5). Rounded once, here.
ONE_DECIMAL = Decimal("0.1")
KPI_ROUNDING = ROUND_HALF_UP  # 四舍五入, the project's mode (ardesk.core.money.ROUNDING)
HUNDRED = Decimal(100)

Number = int | Decimal


def round_kpi(value: Decimal | None) -> Decimal | None:
    """A KPI rounded to its one shown decimal, or None when it is not available."""
    return None if value is None else value.quantize(ONE_DECIMAL, rounding=KPI_ROUNDING)


def _ratio(numerator: Number, denominator: Number) -> Decimal | None:
    if denominator == 0:
        return None
    return Decimal(numerator) / Decimal(denominator)


def days_sales_outstanding(*, ending_ar: Number, credit_sales: Number, days: int) -> Decimal | None:
    """Simple DSO: ending total AR / credit sales of the period × days in the period."""
    ratio = _ratio(ending_ar, credit_sales)
    return round_kpi(None if ratio is None else ratio * days)


def best_possible_dso(*, current_ar: Number, credit_sales: Number, days: int) -> Decimal | None:
    """Best possible DSO: the DSO if every customer paid on its due date (only not-yet-due AR)."""
    ratio = _ratio(current_ar, credit_sales)
    return round_kpi(None if ratio is None else ratio * days)


def average_days_delinquent(dso: Decimal | None, best_possible: Decimal | None) -> Decimal | None:
    """ADD = DSO − best possible DSO, from the two shown figures, so the table adds up as read."""
    if dso is None or best_possible is None:
        return None
    return round_kpi(dso - best_possible)


@dataclass(frozen=True)
class MonthSales:
    """One month's credit sales and the days it counts for (fewer when the period cuts it)."""

    days: int
    sales: int


def countback_dso(*, ending_ar: Number, months: Sequence[MonthSales]) -> Decimal | None:
    """Countback DSO: the days of the latest sales that add up to the ending AR.

    ``months`` are newest first. A month whose sales are all still owed counts all its days and
    its sales come off the AR; the month where the AR runs out counts the fraction of its days
    that the rest of the AR is of its sales. An AR of zero or less is 0 days; an AR larger than
    all the sales given is not available (the history is too short to say).
    """
    remaining = Decimal(ending_ar)
    if remaining <= 0:
        return round_kpi(Decimal(0))
    days = Decimal(0)
    for month in months:
        if month.sales > 0 and remaining <= month.sales:
            return round_kpi(days + remaining / Decimal(month.sales) * month.days)
        remaining -= month.sales
        days += month.days
    return None


def collection_effectiveness(
    *, beginning_ar: Number, credit_sales: Number, ending_ar: Number, ending_current_ar: Number, months: Number = 1
) -> Decimal | None:
    """CEI (Credit Research Foundation): what was collected out of what could be collected, in %.

    (beginning AR + credit sales / N − ending total AR) / (beginning AR + credit sales / N − ending
    current AR) × 100. With ``months`` = N > 1 this is the CRF's monthly-average form; the reports
    take a period's sales whole (N = 1), see the module docstring.
    """
    if months <= 0:
        raise ValueError("a CEI period has months")
    sales = Decimal(credit_sales) / Decimal(months)
    ratio = _ratio(Decimal(beginning_ar) + sales - ending_ar, Decimal(beginning_ar) + sales - ending_current_ar)
    return round_kpi(None if ratio is None else ratio * HUNDRED)


def overdue_ratio(*, overdue_ar: Number, total_ar: Number) -> Decimal | None:
    """Overdue AR as a percentage of total AR."""
    ratio = _ratio(overdue_ar, total_ar)
    return round_kpi(None if ratio is None else ratio * HUNDRED)


def months_in_period(date_from: dt.date, date_to: dt.date) -> Decimal:
    """The CRF's N: the months a period covers, a month cut by the period counting its share of days.

    January to March is 3; 2024-01-16 to 2024-02-15 is 16/31 + 15/29.
    """
    months = Decimal(0)
    for start, end in calendar.month_periods(date_from, date_to):
        month_days = (calendar.month_end(start) - calendar.month_start(start)).days + 1
        months += Decimal((end - start).days + 1) / month_days
    return months


@dataclass(frozen=True)
class KpiInputs:
    """The amounts one set of KPIs is computed from, in minor units of the report currency.

    ``history`` is the monthly credit sales, newest first, from the end of the period back as far
    as countback may need; its first entries are the period's own months.
    """

    date_from: dt.date
    date_to: dt.date
    beginning_ar: int
    ending_ar: int
    current_ar: int
    overdue_ar: int
    credit_sales: int
    history: tuple[MonthSales, ...] = ()

    @property
    def days(self) -> int:
        return (self.date_to - self.date_from).days + 1


@dataclass(frozen=True)
class Kpis:
    """The KPIs of one period, each rounded to one decimal or None when not available."""

    dso: Decimal | None
    countback_dso: Decimal | None
    best_possible_dso: Decimal | None
    add: Decimal | None
    cei: Decimal | None
    cei_crf: Decimal | None
    overdue_ratio: Decimal | None


KPI_NAMES = ("dso", "countback_dso", "best_possible_dso", "add", "cei", "cei_crf", "overdue_ratio")


def kpis(inputs: KpiInputs) -> Kpis:
    """All the KPIs of a period from its amounts."""
    dso = days_sales_outstanding(ending_ar=inputs.ending_ar, credit_sales=inputs.credit_sales, days=inputs.days)
    best = best_possible_dso(current_ar=inputs.current_ar, credit_sales=inputs.credit_sales, days=inputs.days)
    return Kpis(
        dso=dso,
        countback_dso=countback_dso(ending_ar=inputs.ending_ar, months=inputs.history),
        best_possible_dso=best,
        add=average_days_delinquent(dso, best),
        cei=collection_effectiveness(
            beginning_ar=inputs.beginning_ar,
            credit_sales=inputs.credit_sales,
            ending_ar=inputs.ending_ar,
            ending_current_ar=inputs.current_ar,
        ),
        cei_crf=collection_effectiveness(
            beginning_ar=inputs.beginning_ar,
            credit_sales=inputs.credit_sales,
            ending_ar=inputs.ending_ar,
            ending_current_ar=inputs.current_ar,
            months=months_in_period(inputs.date_from, inputs.date_to),
        ),
        overdue_ratio=overdue_ratio(overdue_ar=inputs.overdue_ar, total_ar=inputs.ending_ar),
    )


def sales_history(monthly_sales: dict[dt.date, int], as_of: dt.date, months: int) -> tuple[MonthSales, ...]:
    """``months`` months of credit sales newest first, from the month of ``as_of`` (cut at it) back.

    ``monthly_sales`` maps the first day of each month to its sales; the month of ``as_of``
    counts the days up to and including it, the earlier months all their days.
    """
    history = []
    end = as_of
    for _n in range(months):
        start = calendar.month_start(end)
        history.append(MonthSales(days=(end - start).days + 1, sales=monthly_sales.get(start, 0)))
        end = start - dt.timedelta(days=1)
    return tuple(history)


def add_inputs(parts: Iterable[KpiInputs], date_from: dt.date, date_to: dt.date) -> KpiInputs:
    """The inputs of several rows added together (for a totals row); histories add month by month."""
    parts = list(parts)
    longest = max((len(p.history) for p in parts), default=0)
    history = tuple(
        MonthSales(
            days=next(p.history[n].days for p in parts if len(p.history) > n),
            sales=sum(p.history[n].sales for p in parts if len(p.history) > n),
        )
        for n in range(longest)
    )
    return KpiInputs(
        date_from=date_from,
        date_to=date_to,
        beginning_ar=sum(p.beginning_ar for p in parts),
        ending_ar=sum(p.ending_ar for p in parts),
        current_ar=sum(p.current_ar for p in parts),
        overdue_ar=sum(p.overdue_ar for p in parts),
        credit_sales=sum(p.credit_sales for p in parts),
        history=history,
    )


# --- What each KPI means, for the screens and the exports -------------------------------------


@dataclass(frozen=True)
class Formula:
    key: str
    name: object
    formula: object
    meaning: object
    unit: str  # "days" or "%"


FORMULAS: tuple[Formula, ...] = (
    Formula(
        "dso",
        _("DSO (days sales outstanding, 应收账款周转天数)"),
        _("Ending total receivables ÷ credit sales of the period × days in the period"),
        _("How many days of sales are still owed, on average."),
        "days",
    ),
    Formula(
        "countback_dso",
        _("Countback DSO (倒推法周转天数)"),
        _(
            "From the ending receivables take away each month's credit sales, newest month first, "
            "counting its days, until less than a month's sales is left; add that month's days × "
            "what is left ÷ its sales"
        ),
        _("DSO that follows the sales of the latest months, so seasonal sales do not distort it."),
        "days",
    ),
    Formula(
        "best_possible_dso",
        _("Best possible DSO (最佳周转天数)"),
        _("Current (not yet due) receivables ÷ credit sales of the period × days in the period"),
        _("The DSO if every customer paid on the due date: what the payment terms allow."),
        "days",
    ),
    Formula(
        "add",
        _("Average days delinquent (平均逾期天数)"),
        _("DSO − best possible DSO"),
        _("How many days, on average, customers pay later than their terms."),
        "days",
    ),
    Formula(
        "cei",
        _("Collection effectiveness index (回款有效性指数, CEI)"),
        _(
            "(Beginning receivables + credit sales − ending total receivables) ÷ (beginning "
            "receivables + credit sales − ending current receivables) × 100 (Credit Research Foundation)"
        ),
        _(
            "What was collected out of what could be collected; an index of 100 means every amount due was "
            "collected. ARdesk's documented form: the period's credit sales are taken whole."
        ),
        "%",
    ),
    Formula(
        "cei_crf",
        _("CEI, Credit Research Foundation form (CRF 回款有效性指数)"),
        _(
            "(Beginning receivables + credit sales ÷ N − ending total receivables) ÷ (beginning "
            "receivables + credit sales ÷ N − ending current receivables) × 100, N = months in the period "
            "(Credit Research Foundation)"
        ),
        _(
            "The CRF's own convention: the sales of one average month. For a single month it equals the CEI "
            "above; over longer periods it can fall below 0 or rise above 100 when the receivables change."
        ),
        "%",
    ),
    Formula(
        "overdue_ratio",
        _("Overdue ratio (逾期率)"),
        _("Overdue receivables ÷ total receivables × 100"),
        _("The share of the receivables past their due date."),
        "%",
    ),
)
