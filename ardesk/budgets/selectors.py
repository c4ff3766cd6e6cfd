"""Reads: customer profitability of a period, budget against actual, segments, the settings of a company.

The sums over documents are the ledger's (``ledger.period_figures``: one grouped statement per
period); provision runs, notices and contacts are grouped per customer in SQL here. What is left
in Python is one pass over the customers to apply the rules of ``domain`` and to add them up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from ardesk.budgets import domain
from ardesk.budgets.models import BudgetLine, BudgetVersion, Dimension, ProfitabilitySettings, Segment
from ardesk.collections.models import ContactLog, Notice
from ardesk.companies.models import Company
from ardesk.core import calendar
from ardesk.core.money import from_minor
from ardesk.credit.models import CreditAccount
from ardesk.customers.models import Customer
from ardesk.ledger import period_figures
from ardesk.provisioning.models import ProvisionRun, RunLine, RunStatus

GROUPINGS = ("customer", "group", "segment")
NO_SEGMENT = 0
# The ledger's per-customer figures each report reads (the ledger sums only these).
PROFIT_FIGURES = ("sales", "cost", "credit_notes", "balance_days", "write_offs", "recoveries")
MEASURE_FIGURES = {
    "sales": ("sales", "credit_notes"),
    "cost": ("cost",),
    "gross_profit": ("sales", "credit_notes", "cost"),
    "collections": ("receipts",),
    "receivable": ("closing",),
}


def settings_for(company: Company) -> ProfitabilitySettings:
    """The company's profitability settings (the defaults until a manager sets them)."""
    found = ProfitabilitySettings.objects.filter(company=company).first()
    return found or ProfitabilitySettings(company=company)


def rates_for(company: Company) -> domain.CostRates:
    found = settings_for(company)
    return domain.CostRates(
        cost_of_capital=Decimal(found.cost_of_capital), notice_cost=found.notice_cost, contact_cost=found.contact_cost
    )


@dataclass(slots=True)
class CustomerFacts:
    """What the reports show about a customer beside its figures."""

    id: int
    code: str
    name: str
    group_id: int
    industry: str
    region: str
    size: str
    collector_id: int | None
    segment_id: int
    grade: str = ""


def segment_rules(company_id: int) -> list[domain.SegmentRule]:
    """The company's segments in the order a customer is placed: priority, then code."""
    return [
        domain.SegmentRule(id=pk, industry=industry, region=region, size=size)
        for pk, industry, region, size in Segment.objects.filter(company_id=company_id)
        .order_by("priority", "code")
        .values_list("id", "industry", "region", "size")
    ]


def customer_segment(customer: Customer) -> int | None:
    """The segment the customer belongs to now, if any."""
    return domain.segment_of(
        industry=customer.industry,
        region=customer.region,
        size=domain.customer_size(customer.registered_capital),
        rules=segment_rules(customer.company_id),
    )


def customer_facts(company_id: int, *, grades: bool = True) -> dict[int, CustomerFacts]:
    """Every customer of the company with its group (parent, else itself), segment and credit grade.

    ``grades=False`` leaves the grade empty (budget against actual does not show it). A company has
    few combinations of industry, region and size: each is placed in a segment once.
    """
    rules = segment_rules(company_id)
    found_grades = (
        dict(
            CreditAccount.objects.filter(customer__company_id=company_id)
            .exclude(grade="")
            .values_list("customer_id", "grade")
        )
        if grades
        else {}
    )
    segments: dict[tuple[str, str, str], int] = {}
    facts = {}
    for pk, code, name, parent_id, industry, region, capital, collector_id in Customer.objects.filter(
        company_id=company_id
    ).values_list("id", "code", "name", "parent_id", "industry", "region", "registered_capital", "collector_id"):
        size = domain.customer_size(capital)
        segment = segments.get((industry, region, size))
        if segment is None:
            segment = domain.segment_of(industry=industry, region=region, size=size, rules=rules) or NO_SEGMENT
            segments[(industry, region, size)] = segment
        facts[pk] = CustomerFacts(
            pk, code, name, parent_id or pk, industry, region, size, collector_id, segment, found_grades.get(pk, "")
        )
    return facts


def _required_by_customer(company_id: int, as_of: dt.date, *, before: bool) -> dict[int, int]:
    """Each customer's required allowance in the last approved provision run by (or before) the date."""
    runs = ProvisionRun.objects.filter(company_id=company_id, status=RunStatus.APPROVED)
    runs = runs.filter(as_of__lt=as_of) if before else runs.filter(as_of__lte=as_of)
    run = runs.order_by("-as_of", "-id").first()
    if run is None:
        return {}
    return dict(
        RunLine.objects.filter(run=run)
        .values("customer_id")
        .annotate(s=Sum("required"))
        .values_list("customer_id", "s")
    )


def provision_charges(company_id: int, date_from: dt.date, date_to: dt.date) -> dict[int, int]:
    """Each customer's provision charge of the period: its allowance at the end less at the start."""
    end = _required_by_customer(company_id, date_to, before=False)
    start = _required_by_customer(company_id, date_from, before=True)
    return {pk: end.get(pk, 0) - start.get(pk, 0) for pk in end.keys() | start.keys()}


def _counts(queryset, field_name: str, date_from: dt.date, date_to: dt.date) -> dict[int, int]:
    found = queryset.filter(**{f"{field_name}__gte": date_from, f"{field_name}__lte": date_to})
    return dict(found.values("customer_id").annotate(n=Count("id")).values_list("customer_id", "n"))


@dataclass
class ProfitabilityReport:
    company: Company
    date_from: dt.date
    date_to: dt.date
    rates: domain.CostRates
    facts: dict[int, CustomerFacts]
    customers: dict[int, domain.Profit] = field(default_factory=dict)

    @property
    def days(self) -> int:
        return (self.date_to - self.date_from).days + 1

    @property
    def currency(self) -> str:
        return self.company.functional_currency

    def total(self) -> domain.Profit:
        return sum(self.customers.values(), domain.Profit())

    def by(self, grouping: str) -> dict[int, domain.Profit]:
        """The figures per customer, group or segment (each the exact sum of its customers)."""
        if grouping == "customer":
            return dict(self.customers)
        attribute = "group_id" if grouping == "group" else "segment_id"
        return domain.rollup(self.customers.items(), lambda pk: getattr(self.facts[pk], attribute))  # type: ignore[return-value]


def profitability(*, company: Company, date_from: dt.date, date_to: dt.date) -> ProfitabilityReport:
    """Each customer's revenue, cost, margin, carrying cost, bad debt, discounts, effort and net contribution."""
    rates = rates_for(company)
    report = ProfitabilityReport(
        company=company, date_from=date_from, date_to=date_to, rates=rates, facts=customer_facts(company.pk)
    )
    charges = provision_charges(company.pk, date_from, date_to)
    notices = _counts(Notice.objects.filter(company=company), "notice_on", date_from, date_to)
    contacts = _counts(ContactLog.objects.filter(company=company), "logged_on", date_from, date_to)
    figures = {
        row.customer_id: row
        for row in period_figures.customer_period_figures(
            company_id=company.pk, date_from=date_from, date_to=date_to, figures=PROFIT_FIGURES
        )
    }
    empty = period_figures.CustomerPeriod(customer_id=0)
    for pk in figures.keys() | charges.keys() | notices.keys() | contacts.keys():
        if pk not in report.facts:
            continue
        row = figures.get(pk, empty)
        report.customers[pk] = domain.customer_profit(
            sales=row.sales,
            cost=row.cost,
            credit_notes=row.credit_notes,
            balance_days=row.balance_days,
            provision_charge=charges.get(pk, 0),
            write_offs=row.write_offs,
            recoveries=row.recoveries,
            notices=notices.get(pk, 0),
            contacts=contacts.get(pk, 0),
            rates=rates,
        )
    return report


# --- names of members -------------------------------------------------------------------------


def member_labels(company_id: int, dimension: str, ids: Iterable[int]) -> dict[int, str]:
    """How a budget line's or a report row's member is shown: customer code and name, segment, collector."""
    ids = [pk for pk in set(ids) if pk]
    if dimension in (Dimension.CUSTOMER, Dimension.GROUP, "customer", "group"):
        return {
            pk: f"{code} {name}"
            for pk, code, name in Customer.objects.filter(pk__in=ids).values_list("id", "code", "name")
        }
    if dimension in (Dimension.SEGMENT, "segment"):
        return {
            pk: f"{code} {name}"
            for pk, code, name in Segment.objects.filter(pk__in=ids).values_list("id", "code", "name")
        }
    from django.contrib.auth import get_user_model

    from ardesk.core.templatetags.people import person

    return {user.pk: person(user) for user in get_user_model().objects.filter(pk__in=ids)}


# --- budgets ----------------------------------------------------------------------------------


def versions_for(company_ids: list[int]):
    return BudgetVersion.objects.filter(company_id__in=company_ids).select_related(
        "company", "created_by", "approved_by"
    )


def current_version(company_id: int, year: int) -> BudgetVersion | None:
    """The approved or locked version of the year with the highest revision."""
    return (
        BudgetVersion.objects.filter(company_id=company_id, year=year, status__in=["approved", "locked"])
        .order_by("-revision")
        .first()
    )


def _measure_expression(measure: str):
    return F("sales") - F("cost") if measure == "gross_profit" else F(measure)


def budget_grid(version: BudgetVersion, dimension: str, measure: str) -> list[dict]:
    """The version's lines of one dimension as rows of twelve months of one measure (the entry grid)."""
    rows: dict[int, dict] = {}
    lines = BudgetLine.objects.filter(version=version, dimension=dimension).annotate(value=_measure_expression(measure))
    for member_id, month, value in lines.values_list("member_id", "month", "value"):
        row = rows.setdefault(member_id, {"member_id": member_id, "months": [0] * 12})
        row["months"][month - 1] = value
    labels = member_labels(version.company_id, dimension, rows)
    currency = version.company.functional_currency
    result = []
    for member_id, row in rows.items():
        row["label"] = labels.get(member_id) or _("Not assigned")
        row["total"] = sum(row["months"])
        row["cells"] = [
            {"month": n, "minor": v, "plain": str(from_minor(v, currency))} for n, v in enumerate(row["months"], 1)
        ]
        result.append(row)
    return sorted(result, key=lambda r: r["label"])


def actual_member(facts: CustomerFacts, dimension: str) -> int:
    """The budget member a customer's actuals count for under a dimension (0: no collector or segment)."""
    if dimension == Dimension.GROUP:
        return facts.group_id
    if dimension == Dimension.SEGMENT:
        return facts.segment_id
    if dimension == Dimension.COLLECTOR:
        return facts.collector_id or 0
    return facts.id


def actual_value(row: period_figures.CustomerPeriod, measure: str) -> int:
    """A customer's actual of a measure: net sales (less credit notes), cost, gross profit, cash, balance."""
    if measure == "sales":
        return row.sales - row.credit_notes
    if measure == "cost":
        return row.cost
    if measure == "gross_profit":
        return row.sales - row.credit_notes - row.cost
    if measure == "collections":
        return row.receipts
    if measure == "receivable":
        return row.closing
    raise KeyError(measure)


def _actuals(
    facts: dict[int, CustomerFacts], dimension: str, measure: str, *, company_id: int, date_from, date_to
) -> dict[int, int]:
    """Each budget member's actual of the measure over the period, from the ledger's per-customer figures."""
    totals: dict[int, int] = {}
    by_customer = dimension == Dimension.CUSTOMER
    for row in period_figures.customer_period_figures(
        company_id=company_id, date_from=date_from, date_to=date_to, figures=MEASURE_FIGURES[measure]
    ):
        found = facts.get(row.customer_id)
        if found is None:
            continue
        member = row.customer_id if by_customer else actual_member(found, dimension)
        totals[member] = totals.get(member, 0) + actual_value(row, measure)
    return totals


@dataclass(slots=True)
class VarianceRow:
    member_id: int
    label: str
    budget: int
    actual: int
    budget_year: int
    forecast_budget: int
    forecast_trend: int

    @property
    def variance(self) -> domain.Variance:
        return domain.Variance(budget=self.budget, actual=self.actual)


@dataclass
class BudgetVsActual:
    version: BudgetVersion
    dimension: str
    measure: str
    month: int
    period: str
    rows: list[VarianceRow]

    @property
    def currency(self) -> str:
        return self.version.company.functional_currency

    def total(self) -> VarianceRow:
        def s(name: str) -> int:
            return sum(getattr(r, name) for r in self.rows)

        return VarianceRow(0, "", s("budget"), s("actual"), s("budget_year"), s("forecast_budget"), s("forecast_trend"))


def period_of(year: int, month: int, period: str) -> tuple[dt.date, dt.date]:
    """The dates of the month alone, or of the year to the month's end (YTD)."""
    first = dt.date(year, month, 1)
    return (first if period == "month" else dt.date(year, 1, 1)), calendar.month_end(first)


def budget_vs_actual(
    *, version: BudgetVersion, dimension: str, measure: str, month: int, period: str = "ytd"
) -> BudgetVsActual:
    """Actual against budget per member for the month or the year to date, with both year-end forecasts.

    The biggest variances (in amount, either way) come first.
    """
    date_from, date_to = period_of(version.year, month, period)
    stock = measure in domain.STOCKS
    in_period = Q(month=month) if period == "month" or stock else Q(month__lte=month)
    value = _measure_expression(measure)
    budget = {
        row["member_id"]: row
        for row in BudgetLine.objects.filter(version=version, dimension=dimension)
        .values("member_id")
        .annotate(
            in_period=Coalesce(Sum(value, filter=in_period), 0),
            to_date=Coalesce(Sum(value, filter=Q(month__lte=month)), 0),
            rest=Coalesce(Sum(value, filter=Q(month__gt=month)), 0),
            year=Coalesce(Sum(value), 0),
            december=Coalesce(Sum(value, filter=Q(month=12)), 0),
        )
    }
    facts = customer_facts(version.company_id, grades=False)
    year_start = dt.date(version.year, 1, 1)
    actual = _actuals(facts, dimension, measure, company_id=version.company_id, date_from=date_from, date_to=date_to)
    to_date = (
        actual
        if date_from == year_start
        else _actuals(facts, dimension, measure, company_id=version.company_id, date_from=year_start, date_to=date_to)
    )
    if dimension in (Dimension.CUSTOMER, Dimension.GROUP):
        labels = {pk: f"{f.code} {f.name}" for pk, f in facts.items()}
    else:
        labels = member_labels(version.company_id, dimension, budget.keys() | actual.keys())
    rows = []
    nothing: dict[str, int] = {}
    for member in budget.keys() | actual.keys():
        plan = budget.get(member, nothing)
        so_far = to_date.get(member, 0)
        rest, december = plan.get("rest", 0), plan.get("december", 0)
        rows.append(
            VarianceRow(
                member_id=member,
                label=labels.get(member, ""),
                budget=plan.get("in_period", 0),
                actual=actual.get(member, 0),
                budget_year=december if stock else plan.get("year", 0),
                forecast_budget=domain.forecast_year(
                    measure=measure,
                    actual_to_date=so_far,
                    months_elapsed=month,
                    budget_rest=rest,
                    budget_year_end=december,
                    method="budget",
                ),
                forecast_trend=domain.forecast_year(
                    measure=measure,
                    actual_to_date=so_far,
                    months_elapsed=month,
                    budget_rest=rest,
                    budget_year_end=december,
                    method="trend",
                ),
            )
        )
    rows.sort(key=lambda r: (-abs(r.actual - r.budget), r.label))
    return BudgetVsActual(version=version, dimension=dimension, measure=measure, month=month, period=period, rows=rows)


def member_customers(company_id: int, dimension: str, member_id: int) -> list[int]:
    """The customers whose actuals count for a budget member (the drill-down from a variance)."""
    customers = Customer.objects.filter(company_id=company_id)
    if dimension == Dimension.GROUP:
        customers = customers.filter(Q(pk=member_id, parent__isnull=True) | Q(parent_id=member_id))
    elif dimension == Dimension.SEGMENT:
        return [pk for pk, facts in customer_facts(company_id).items() if facts.segment_id == member_id]
    elif dimension == Dimension.COLLECTOR:
        customers = customers.filter(collector_id=member_id) if member_id else customers.filter(collector__isnull=True)
    else:
        customers = customers.filter(pk=member_id)
    return list(customers.values_list("pk", flat=True))


def actual_by_customer_month(*, company_id: int, year: int) -> dict[tuple[int, int], dict[str, int]]:
    """Each customer's actual per month of a year (for copying last year's actuals into a budget)."""
    result: dict[tuple[int, int], dict[str, int]] = {}
    for month in range(1, 13):
        date_from, date_to = period_of(year, month, "month")
        for row in period_figures.customer_period_figures(company_id=company_id, date_from=date_from, date_to=date_to):
            result[(row.customer_id, month)] = {
                measure: actual_value(row, measure) for measure in ("sales", "cost", "collections", "receivable")
            }
    return result
