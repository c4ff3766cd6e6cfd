"""Budget and profitability rules as pure functions: no ORM, no request, no "now".

All amounts are whole minor units of the company's functional currency (int), so totals are exact:
a figure is rounded once, per customer, where it is computed from a rate (the carrying cost), and
every group, segment and company total is the sum of its customers' rounded figures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from decimal import ROUND_HALF_UP, Decimal

from ardesk.core.money import ROUNDING

# Registered capital (CNY minor units) from which a customer is medium, then large.
MEDIUM_FROM = 10_000_000 * 100
LARGE_FROM = 100_000_000 * 100
# ABC classes: a customer is A while the customers ranked before it hold less than 80 % of the total,
# B below 95 %, C for the rest (Pareto); a customer that contributes nothing or loses money is C.
ABC_LIMITS = (Decimal(80), Decimal(95))
MEASURES = ("sales", "cost", "gross_profit", "collections", "receivable")
# The receivable balance is a stock (read at a month end), the other measures are flows (summed).
STOCKS = ("receivable",)


def customer_size(registered_capital: int | None) -> str:
    """small, medium or large by registered capital (minor units); unknown capital counts as small."""
    capital = registered_capital or 0
    if capital >= LARGE_FROM:
        return "large"
    if capital >= MEDIUM_FROM:
        return "medium"
    return "small"


@dataclass(frozen=True)
class SegmentRule:
    id: int
    industry: str
    region: str
    size: str


def segment_of(*, industry: str, region: str, size: str, rules: Sequence[SegmentRule]) -> int | None:
    """The first segment (rules in priority order) whose non-empty criteria the customer meets."""
    for rule in rules:
        if rule.industry and rule.industry != industry:
            continue
        if rule.region and rule.region != region:
            continue
        if rule.size and rule.size != size:
            continue
        return rule.id
    return None


@dataclass(frozen=True)
class CostRates:
    """A company's annual cost of capital (percent) and the unit costs of collection work (minor units)."""

    cost_of_capital: Decimal
    notice_cost: int
    contact_cost: int


@dataclass(slots=True)
class Profit:
    """One customer's (or a total's) profitability over a period, in minor units."""

    revenue: int = 0
    cost: int = 0
    gross_margin: int = 0
    carrying_cost: int = 0
    bad_debt: int = 0
    discounts: int = 0
    collection_effort: int = 0
    net_contribution: int = 0
    balance_days: int = 0
    notices: int = 0
    contacts: int = 0

    def __add__(self, other: Profit) -> Profit:
        return Profit(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(Profit)})

    def average_balance(self, days: int) -> Decimal:
        """The average daily receivable balance (minor units) of a period of ``days`` days."""
        return Decimal(self.balance_days) / days if days else Decimal(0)

    def margin_percent(self) -> Decimal | None:
        return percent(self.gross_margin, self.revenue)


def carrying_cost(*, balance_days: int, cost_of_capital: Decimal) -> int:
    """Average balance × annual cost of capital × days / 365 = balance-days × rate / 365, rounded once.

    The balance-days are the sum of the end-of-day balances over the period (minor-unit days). The
    quotient is exact (integers) and rounded half up, away from zero (四舍五入), as ``ROUNDING``.
    """
    numerator, denominator = cost_of_capital.as_integer_ratio()
    return half_up(balance_days * numerator, denominator * 36500)


def half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half away from zero, in integers (exact for any size)."""
    quotient, rest = divmod(abs(numerator), denominator)
    rounded = quotient + (2 * rest >= denominator)
    return rounded if numerator >= 0 else -rounded


def customer_profit(
    *,
    sales: int,
    cost: int,
    credit_notes: int,
    balance_days: int,
    provision_charge: int,
    write_offs: int,
    recoveries: int,
    notices: int,
    contacts: int,
    rates: CostRates,
) -> Profit:
    """A customer's net contribution: gross margin less discounts, carrying cost, bad debt and collection effort.

    Bad-debt cost is the provision charge of the period plus write-offs less recoveries; discounts
    are the credit notes given; collection effort counts notices and logged contacts at their unit cost.
    """
    carrying = carrying_cost(balance_days=balance_days, cost_of_capital=rates.cost_of_capital)
    bad_debt = provision_charge + write_offs - recoveries
    effort = notices * rates.notice_cost + contacts * rates.contact_cost
    gross = sales - cost
    return Profit(
        revenue=sales,
        cost=cost,
        gross_margin=gross,
        carrying_cost=carrying,
        bad_debt=bad_debt,
        discounts=credit_notes,
        collection_effort=effort,
        net_contribution=gross - credit_notes - carrying - bad_debt - effort,
        balance_days=balance_days,
        notices=notices,
        contacts=contacts,
    )


def rollup(items: Iterable[tuple[object, Profit]], key: Callable[[object], object]) -> dict[object, Profit]:
    """Sum customers' figures by a key (group, segment, company): exact, as every figure is an integer."""
    totals: dict[object, Profit] = {}
    for member, profit in items:
        k = key(member)
        totals[k] = totals.get(k, Profit()) + profit
    return totals


def percent(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    """part / whole in percent to one decimal, or None when the whole is zero."""
    if not whole:
        return None
    return (Decimal(part) * 100 / abs(Decimal(whole))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def abc_classes(values: dict[object, int]) -> dict[object, str]:
    """A, B or C for each key by its share of the positive total, largest first (Pareto)."""
    ranked = sorted(values.items(), key=lambda kv: kv[1], reverse=True)
    total = sum(v for _k, v in ranked if v > 0)
    a_limit, b_limit = (int(limit) * total for limit in ABC_LIMITS)
    classes: dict[object, str] = {}
    before = 0
    for k, v in ranked:
        if v <= 0:
            classes[k] = "C"
            continue
        # the share before this one, compared in integers: before / total < 80 % ⇔ before × 100 < 80 × total
        share = before * 100
        classes[k] = "A" if share < a_limit else "B" if share < b_limit else "C"
        before += v
    return classes


def whale_curve(contributions: Sequence[int]) -> list[Decimal]:
    """Cumulative net contribution as a percent of the total, customers ranked from most to least profitable.

    The curve rises above 100 % while profitable customers are added and falls back to 100 % as the
    loss-making ones are; its peak shows how much profit the unprofitable customers give away.
    """
    ranked = sorted(contributions, reverse=True)
    total = sum(ranked)
    points, running = [], 0
    for value in ranked:
        running += value
        points.append(percent(running, total) if total else Decimal(0))
    return points


def top_share(contributions: Sequence[int], count: int) -> Decimal | None:
    """The share of the total net contribution earned by the ``count`` most profitable customers."""
    ranked = sorted(contributions, reverse=True)
    return percent(sum(ranked[:count]), sum(ranked))


@dataclass(frozen=True)
class Variance:
    budget: int
    actual: int

    @property
    def amount(self) -> int:
        """Actual less budget: positive when the actual is above the plan."""
        return self.actual - self.budget

    @property
    def percent(self) -> Decimal | None:
        return percent(self.amount, self.budget)


def forecast_year(
    *, measure: str, actual_to_date: int, months_elapsed: int, budget_rest: int, budget_year_end: int, method: str
) -> int:
    """The year-end figure: actual to date plus the rest of the year by the budget or by the trend so far.

    For a flow (sales, cost, cash) the trend is the average month so far times the months left,
    rounded half up; for the receivable balance (a stock) the budget method takes December's planned
    balance and the trend the last actual balance.
    """
    if measure in STOCKS:
        return budget_year_end if method == "budget" else actual_to_date
    if method == "budget":
        return actual_to_date + budget_rest
    if not months_elapsed:
        return actual_to_date
    # The average month times the months left, rounded half away from zero in integers (exact at any size).
    return actual_to_date + half_up(actual_to_date * (12 - months_elapsed), months_elapsed)


def months_elapsed(year: int, as_of: dt.date) -> int:
    """The whole months of the year closed by the date (0 before the year, 12 after it)."""
    if as_of.year < year:
        return 0
    if as_of.year > year:
        return 12
    return as_of.month


def grown(amount: int, factor: Decimal) -> int:
    """An amount times a growth factor, rounded half up to a minor unit (copying last year's actuals)."""
    return int((Decimal(amount) * factor).quantize(Decimal(1), rounding=ROUNDING))
