"""Profitability and budget-against-actual as rows for the screens, the files and JSON."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from ardesk.budgets import domain, selectors
from ardesk.core.exports import ReportTable
from ardesk.core.money import from_minor

FIGURES = (
    "revenue",
    "cost",
    "gross_margin",
    "discounts",
    "carrying_cost",
    "bad_debt",
    "collection_effort",
    "net_contribution",
)


def figure_labels() -> dict[str, str]:
    return {
        "revenue": _("Revenue"),
        "cost": _("Cost of sales"),
        "gross_margin": _("Gross profit"),
        "discounts": _("Discounts given"),
        "carrying_cost": _("Carrying cost"),
        "bad_debt": _("Bad-debt cost"),
        "collection_effort": _("Collection effort"),
        "net_contribution": _("Net contribution"),
    }


@dataclass(slots=True)
class ProfitRow:
    key: int
    code: str
    name: str
    profit: domain.Profit
    days: int
    revenue_class: str = "C"
    contribution_class: str = "C"
    grade: str = ""

    @property
    def average_balance(self) -> Decimal:
        return self.profit.average_balance(self.days)

    @property
    def average_minor(self) -> int:
        """The average balance rounded half up to a minor unit (for showing it)."""
        return domain.half_up(self.profit.balance_days, self.days) if self.days else 0


def profit_rows(report: selectors.ProfitabilityReport, by: str = "customer") -> list[ProfitRow]:
    """Rows per customer, group or segment, most profitable first, with their ABC classes."""
    return report.rows(by)


def _with_total(report: selectors.ProfitabilityReport, by: str) -> tuple[list[ProfitRow], domain.Profit]:
    """Every row of the ranking (read once) and their total, the company's."""
    rows = profit_rows(report, by)
    return rows, sum((row.profit for row in rows), domain.Profit())


def profitability_table(report: selectors.ProfitabilityReport, by: str) -> ReportTable:
    currency = report.currency
    labels = figure_labels()
    rows, total = _with_total(report, by)

    def amounts(profit: domain.Profit) -> list:
        return [from_minor(getattr(profit, name), currency) for name in FIGURES]

    return ReportTable(
        title=_("Customer profitability"),
        subtitle=[
            f"{report.company.code} {report.company.name}",
            _("%(from)s to %(to)s, %(days)d days; cost of capital %(rate)s %%")
            % {
                "from": report.date_from,
                "to": report.date_to,
                "days": report.days,
                "rate": report.rates.cost_of_capital,
            },
        ],
        headers=[_("Rank"), _("Code"), _("Name"), _("Average balance"), *[labels[n] for n in FIGURES], _("Class")],
        rows=[
            [
                n,
                row.code,
                row.name,
                from_minor(row.average_minor, currency),
                *amounts(row.profit),
                row.contribution_class,
            ]
            for n, row in enumerate(rows, start=1)
        ],
        totals=[
            "",
            "",
            _("Total"),
            from_minor(domain.half_up(total.balance_days, report.days), currency),
            *amounts(total),
            "",
        ],
        currency=currency,
    )


def profitability_json(report: selectors.ProfitabilityReport, by: str) -> dict:
    currency = report.currency
    rows, total = _with_total(report, by)

    def money(minor: int) -> dict:
        return {"amount": str(from_minor(minor, currency)), "currency": currency}

    def figures(profit: domain.Profit) -> dict:
        return {name: money(getattr(profit, name)) for name in FIGURES}

    return {
        "company": report.company.code,
        "from": report.date_from.isoformat(),
        "to": report.date_to.isoformat(),
        "days": report.days,
        "by": by,
        "cost_of_capital_percent": str(report.rates.cost_of_capital),
        "rows": [
            {
                "rank": n,
                "code": row.code,
                "name": row.name,
                "average_balance": money(row.average_minor),
                **figures(row.profit),
                "notices": row.profit.notices,
                "contacts": row.profit.contacts,
                "abc_revenue": row.revenue_class,
                "abc_contribution": row.contribution_class,
            }
            for n, row in enumerate(rows, start=1)
        ],
        "total": figures(total),
    }


def measure_labels() -> dict[str, str]:
    return {
        "sales": _("Sales"),
        "cost": _("Cost of sales"),
        "gross_profit": _("Gross profit"),
        "collections": _("Cash collected"),
        "receivable": _("Receivable balance"),
    }


def variance_table(result: selectors.BudgetVsActual) -> ReportTable:
    currency = result.currency

    def m(minor: int) -> Decimal:
        return from_minor(minor, currency)

    def line(row: selectors.VarianceRow, label: str) -> list:
        return [
            label,
            m(row.budget),
            m(row.actual),
            m(row.variance.amount),
            row.variance.percent,
            m(row.budget_year),
            m(row.forecast_budget),
            m(row.forecast_trend),
        ]

    return ReportTable(
        title=_("Budget against actual"),
        subtitle=[str(result.version), f"{measure_labels()[result.measure]}, {result.version.year}-{result.month:02d}"],
        headers=[
            _("Member"),
            _("Budget"),
            _("Actual"),
            _("Variance"),
            _("Variance %"),
            _("Full-year budget"),
            _("Forecast (budget for the rest)"),
            _("Forecast (trend for the rest)"),
        ],
        rows=[line(row, row.label) for row in result.rows],
        totals=line(result.total(), _("Total")),
        currency=currency,
    )
