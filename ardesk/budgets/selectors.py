"""Reads: customer profitability of a period, budget against actual, segments, the settings of a company.

The sums over documents are the ledger's (``ledger.period_figures``: one grouped statement per
period, which the statements here build on); provision runs, notices and contacts are grouped per
customer in SQL here. The rules of ``domain`` (carrying cost, bad debt, net contribution, ABC
classes, the whale curve, the year-end forecasts, half-up rounding in integers) are applied in the
same statements, so a screen reads one page of rows and its totals, not every customer; the tests
compare them with ``domain``'s functions. The statements are built from this module's constants,
table names and integers only: every value is a parameter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, fields
from decimal import Decimal
from functools import cached_property

from django.db import connection
from django.db.models import Count, F, Q
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


def customer_facts(company_id: int) -> dict[int, CustomerFacts]:
    """Every customer of the company with its group (parent, else itself) and segment.

    A company has few combinations of industry, region and size: each is placed in a segment once.
    """
    rules = segment_rules(company_id)
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
        facts[pk] = CustomerFacts(pk, code, name, parent_id or pk, industry, region, size, collector_id, segment)
    return facts


def _last_run(company_id: int, as_of: dt.date, *, before: bool) -> int | None:
    """The last approved provision run by (or before) the date."""
    runs = ProvisionRun.objects.filter(company_id=company_id, status=RunStatus.APPROVED)
    runs = runs.filter(as_of__lt=as_of) if before else runs.filter(as_of__lte=as_of)
    return runs.order_by("-as_of", "-id").values_list("id", flat=True).first()


def _provision_charges_sql(company_id: int, date_from: dt.date, date_to: dt.date) -> tuple[str, list]:
    """Per customer, the provision charge of the period: its allowance at the end less at the start."""
    end = _last_run(company_id, date_to, before=False)
    start = _last_run(company_id, date_from, before=True)
    sql = (
        "SELECT customer_id, CAST(SUM(CASE WHEN run_id = %s THEN required ELSE 0 END)"  # noqa: S608
        " - SUM(CASE WHEN run_id = %s THEN required ELSE 0 END) AS bigint) AS charge"
        f" FROM {RunLine._meta.db_table} WHERE run_id IN (%s, %s) GROUP BY customer_id"
    )
    return sql, [end, start, end, start]


def _counts_sql(queryset, field_name: str, date_from: dt.date, date_to: dt.date) -> tuple[str, list]:
    found = queryset.filter(**{f"{field_name}__gte": date_from, f"{field_name}__lte": date_to})
    sql, params = (
        found.values("customer_id").annotate(n=Count("id")).values_list("customer_id", "n").query.sql_with_params()
    )
    return sql, list(params)


def _segment_sql(company_id: int, customer: str = "c") -> tuple[str, list]:
    """SQL for a customer's segment (0 for none): the first rule, in priority order, whose criteria it meets."""
    size = (
        f"CASE WHEN COALESCE({customer}.registered_capital, 0) >= %s THEN 'large'"
        f" WHEN COALESCE({customer}.registered_capital, 0) >= %s THEN 'medium' ELSE 'small' END"
    )
    cases, params = [], []
    for rule in segment_rules(company_id):
        conditions, values = ["1 = 1"], []
        for column, wanted in (("industry", rule.industry), ("region", rule.region)):
            if wanted:
                conditions.append(f"{customer}.{column} = %s")
                values.append(wanted)
        if rule.size:
            conditions.append(f"{size} = %s")
            values += [domain.LARGE_FROM, domain.MEDIUM_FROM, rule.size]
        cases.append(f"WHEN {' AND '.join(conditions)} THEN %s")
        params += [*values, rule.id]
    if not cases:
        return str(NO_SEGMENT), []
    return f"CASE {' '.join(cases)} ELSE {NO_SEGMENT} END", params


def half_up_sql(numerator: str, denominator: str) -> str:
    """SQL of ``domain.half_up`` for a non-zero positive denominator: floor((2|n| + d) / 2d), signed as n."""
    if connection.vendor == "postgresql":
        magnitude = f"DIV(2 * ABS(CAST({numerator} AS numeric)) + {denominator}, 2 * {denominator})"
    else:
        magnitude = f"((2 * ABS({numerator}) + {denominator}) / (2 * {denominator}))"
    return f"CAST(CASE WHEN {numerator} < 0 THEN -{magnitude} ELSE {magnitude} END AS bigint)"


def _ordered(column: str) -> str:
    """A text column compared by code point, as Python compares strings (PostgreSQL's "C" collation)."""
    return f'{column} COLLATE "C"' if connection.vendor == "postgresql" else column


PROFIT_COLUMNS = tuple(f.name for f in fields(domain.Profit))
# A ranked row: member, code, name, grade, the figures; then its place, both classes, the running sum and the count.
FIGURES_END = 4 + len(PROFIT_COLUMNS)


@dataclass(slots=True)
class ProfitSummary:
    """What the profitability screen shows: one page of ranked rows, the totals, the curve and the shares."""

    count: int
    offset: int
    rows: list
    total: domain.Profit
    curve: list[tuple[int, Decimal]]
    top10: Decimal | None
    top_count: int
    top_fifth: Decimal | None
    losing: int


@dataclass
class ProfitabilityReport:
    """A period's profitability, computed in SQL each time it is read (per customer, group or segment).

    The rules of ``domain.customer_profit`` (carrying cost rounded once per customer, bad debt,
    collection effort, net contribution), the ranking (most profitable first, then by code), the ABC
    classes and the running sums of the whale curve are computed in the statement itself, so a screen
    reads one page of rows and the totals instead of 100,000 rows.
    """

    company: Company
    date_from: dt.date
    date_to: dt.date
    rates: domain.CostRates

    @property
    def days(self) -> int:
        return (self.date_to - self.date_from).days + 1

    @property
    def currency(self) -> str:
        return self.company.functional_currency

    @cached_property
    def facts(self) -> dict[int, CustomerFacts]:
        return customer_facts(self.company.pk)

    def _customers_sql(self) -> tuple[str, list]:
        """One row per customer with its figures: the columns of ``domain.Profit`` after its id, code, name,
        group, segment and grade."""
        company_id = self.company.pk
        figures, figure_params = period_figures.customer_period_statement(
            company_id=company_id, date_from=self.date_from, date_to=self.date_to, figures=PROFIT_FIGURES
        )
        charges, charge_params = _provision_charges_sql(company_id, self.date_from, self.date_to)
        notices, notice_params = _counts_sql(
            Notice.objects.filter(company_id=company_id), "notice_on", self.date_from, self.date_to
        )
        contacts, contact_params = _counts_sql(
            ContactLog.objects.filter(company_id=company_id), "logged_on", self.date_from, self.date_to
        )
        segment, segment_params = _segment_sql(company_id)
        numerator, denominator = self.rates.cost_of_capital.as_integer_ratio()
        base = (
            f"SELECT c.id AS customer_id, c.code, c.name, COALESCE(c.parent_id, c.id) AS group_id,"  # noqa: S608
            f" {segment} AS segment_id, COALESCE(g.grade, '') AS grade,"
            " COALESCE(f.sales, 0) AS sales, COALESCE(f.cost, 0) AS cost,"
            " COALESCE(f.credit_notes, 0) AS credit_notes, COALESCE(f.balance_days, 0) AS balance_days,"
            " COALESCE(pc.charge, 0) + COALESCE(f.write_offs, 0) - COALESCE(f.recoveries, 0) AS bad_debt,"
            " COALESCE(n.n, 0) AS notices, COALESCE(k.n, 0) AS contacts"
            f" FROM {Customer._meta.db_table} c"
            f" LEFT JOIN ({figures}) f ON f.customer_id = c.id"
            f" LEFT JOIN ({charges}) pc ON pc.customer_id = c.id"
            f" LEFT JOIN ({notices}) n ON n.customer_id = c.id"
            f" LEFT JOIN ({contacts}) k ON k.customer_id = c.id"
            f" LEFT JOIN {CreditAccount._meta.db_table} g ON g.customer_id = c.id AND g.grade <> ''"
            " WHERE c.company_id = %s AND (f.customer_id IS NOT NULL OR pc.customer_id IS NOT NULL"
            " OR n.customer_id IS NOT NULL OR k.customer_id IS NOT NULL)"
        )
        # The rate's integer ratio is formatted in (two integers); the divisor turns percent a year into a day's.
        carrying = half_up_sql(f"x.balance_days * {int(numerator)}", str(int(denominator) * 36500))
        costed = f"SELECT x.*, {carrying} AS carrying_cost, x.notices * %s + x.contacts * %s AS effort FROM ({base}) x"  # noqa: S608
        sql = (
            "SELECT customer_id, code, name, group_id, segment_id, grade, sales AS revenue, cost,"  # noqa: S608
            " sales - cost AS gross_margin, carrying_cost, bad_debt, credit_notes AS discounts,"
            " effort AS collection_effort,"
            " sales - cost - credit_notes - carrying_cost - bad_debt - effort AS net_contribution,"
            f" balance_days, notices, contacts FROM ({costed}) y"
        )
        params = [
            self.rates.notice_cost,
            self.rates.contact_cost,
            *segment_params,
            *figure_params,
            *charge_params,
            *notice_params,
            *contact_params,
            company_id,
        ]
        return sql, params

    def _members_sql(self, grouping: str) -> tuple[str, list]:
        """The per-customer rows, or their sums per group or segment, each with its member id, code, name and grade."""
        customers, params = self._customers_sql()
        figures = ", ".join(PROFIT_COLUMNS)
        if grouping == "customer":
            return f"SELECT customer_id AS member, code, name, grade, {figures} FROM ({customers}) p", params  # noqa: S608
        sums = ", ".join(f"CAST(SUM(p.{name}) AS bigint) AS {name}" for name in PROFIT_COLUMNS)
        if grouping == "group":
            label = (
                f"SELECT p.group_id AS member, COALESCE(l.code, '') AS code, COALESCE(l.name, '') AS name, '' AS grade,"  # noqa: S608
                f" {sums} FROM ({customers}) p LEFT JOIN {Customer._meta.db_table} l ON l.id = p.group_id"
                " GROUP BY p.group_id, l.code, l.name"
            )
            return label, params
        label = (
            "SELECT p.segment_id AS member,"  # noqa: S608
            f" CASE WHEN p.segment_id = {NO_SEGMENT} THEN %s ELSE COALESCE(l.code, '') END AS code,"
            f" CASE WHEN p.segment_id = {NO_SEGMENT} THEN %s ELSE COALESCE(l.name, '') END AS name, '' AS grade,"
            f" {sums} FROM ({customers}) p LEFT JOIN {Segment._meta.db_table} l ON l.id = p.segment_id"
            " GROUP BY p.segment_id, l.code, l.name"
        )
        return label, ["—", _("No segment"), *params]

    def _ranked_sql(self, grouping: str) -> tuple[str, list]:
        """The members ranked most profitable first (then by code), with both ABC classes and the running sum."""
        members, params = self._members_sql(grouping)
        order = f"ORDER BY net_contribution DESC, {_ordered('code')}, member"

        def abc(figure: str) -> str:
            # A while the members ranked before hold less than 80 % of the positive total, B below 95 %
            # (domain.abc_classes), compared in integers; a member that earns nothing or loses is C.
            ranked = f"ORDER BY {figure} DESC, {_ordered('code')}, member"
            before = f"COALESCE(SUM({figure}) OVER ({ranked} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)"
            positive = f"SUM(CASE WHEN {figure} > 0 THEN {figure} ELSE 0 END) OVER ()"
            a_limit, b_limit = (int(limit) for limit in domain.ABC_LIMITS)
            return (
                f"CASE WHEN {figure} <= 0 THEN 'C' WHEN 100 * {before} < {a_limit} * {positive} THEN 'A'"
                f" WHEN 100 * {before} < {b_limit} * {positive} THEN 'B' ELSE 'C' END"
            )

        sql = (
            f"SELECT m.*, ROW_NUMBER() OVER ({order}) AS place, {abc('revenue')} AS revenue_class,"  # noqa: S608
            f" {abc('net_contribution')} AS contribution_class,"
            f" SUM(net_contribution) OVER ({order} ROWS UNBOUNDED PRECEDING) AS running,"
            f" COUNT(*) OVER () AS members FROM ({members}) m"
        )
        return sql, params

    def _row(self, found: tuple):
        """A ranked statement's row as the screens' and files' row (``output.ProfitRow``)."""
        from ardesk.budgets.output import ProfitRow

        key, code, name, grade, *figures = found[:FIGURES_END]
        revenue_class, contribution_class = found[FIGURES_END + 1 : FIGURES_END + 3]
        return ProfitRow(key, code, name, domain.Profit(*figures), self.days, revenue_class, contribution_class, grade)

    def rows(self, grouping: str = "customer") -> list:
        """Every member's row (customer, group or segment), most profitable first, with its ABC classes."""
        ranked, params = self._ranked_sql(grouping)
        with period_figures.report_session(), connection.cursor() as cursor:
            cursor.execute(f"{ranked} ORDER BY place", params)
            return [self._row(found) for found in cursor.fetchall()]

    def summary(self, grouping: str, *, offset: int, limit: int, curve_points: int = 500) -> ProfitSummary:
        """One page of the ranking, the totals, the whale curve (at most about ``curve_points`` points:
        every n-th member and the last), the shares of the top ten and the top fifth and the number of
        losing members, from one statement."""
        ranked, params = self._ranked_sql(grouping)
        totals = ", ".join(f"SUM({name}) OVER () AS total_{name}" for name in PROFIT_COLUMNS)
        step = f"CASE WHEN members / {int(curve_points)} > 1 THEN members / {int(curve_points)} ELSE 1 END"
        top_count = "CASE WHEN members / 5 > 1 THEN members / 5 ELSE 1 END"
        sql = (
            f"SELECT * FROM (SELECT r.*, {totals}, {top_count} AS top_count,"  # noqa: S608
            " SUM(CASE WHEN net_contribution < 0 THEN 1 ELSE 0 END) OVER () AS losing"
            f" FROM ({ranked}) r) s WHERE (place > %s AND place <= %s) OR (place - 1) %% ({step}) = 0"
            " OR place = members OR place = 10 OR place = top_count ORDER BY place"
        )
        with period_figures.report_session(), connection.cursor() as cursor:
            cursor.execute(sql, [*params, offset, offset + limit])
            found = cursor.fetchall()
        if not found:
            return ProfitSummary(0, offset, [], domain.Profit(), [], None, 1, None, 0)
        place_at, running_at, count_at, totals_at = FIGURES_END, FIGURES_END + 3, FIGURES_END + 4, FIGURES_END + 5
        first = found[0]
        count = int(first[count_at])
        total = domain.Profit(*(int(v) for v in first[totals_at : totals_at + len(PROFIT_COLUMNS)]))
        top_count, losing = (int(v) for v in first[totals_at + len(PROFIT_COLUMNS) :])
        whole = total.net_contribution
        running = {row[place_at]: int(row[running_at]) for row in found}
        stride = max(1, count // curve_points)
        curve = [
            (n, domain.percent(value, whole) if whole else Decimal(0))
            for n, value in running.items()
            if (n - 1) % stride == 0 or n == count
        ]
        return ProfitSummary(
            count=count,
            offset=offset,
            rows=[self._row(row) for row in found if offset < row[place_at] <= offset + limit],
            total=total,
            curve=curve,
            top10=domain.percent(running[min(10, count)], whole),
            top_count=top_count,
            top_fifth=domain.percent(running[top_count], whole),
            losing=losing,
        )

    @cached_property
    def customers(self) -> dict[int, domain.Profit]:
        """Each customer's figures."""
        return {row.key: row.profit for row in self.rows("customer")}

    def total(self) -> domain.Profit:
        return sum(self.customers.values(), domain.Profit())

    def by(self, grouping: str) -> dict[int, domain.Profit]:
        """The figures per customer, group or segment (each the exact sum of its customers)."""
        if grouping == "customer":
            return dict(self.customers)
        return {row.key: row.profit for row in self.rows(grouping)}


def profitability(*, company: Company, date_from: dt.date, date_to: dt.date) -> ProfitabilityReport:
    """Each customer's revenue, cost, margin, carrying cost, bad debt, discounts, effort and net contribution."""
    return ProfitabilityReport(company=company, date_from=date_from, date_to=date_to, rates=rates_for(company))


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


# actual_value in SQL, over a row of the ledger's per-customer statement.
ACTUAL_SQL = {
    "sales": "f.sales - f.credit_notes",
    "cost": "f.cost",
    "gross_profit": "f.sales - f.credit_notes - f.cost",
    "collections": "f.receipts",
    "receivable": "f.closing",
}


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


VARIANCE_FIGURES = ("budget", "actual", "budget_year", "forecast_budget", "forecast_trend")


@dataclass(slots=True)
class VariancePage:
    """One page of budget against actual, the number of members and the totals (one statement)."""

    count: int
    offset: int
    rows: list[VarianceRow]
    total: VarianceRow


def _member_sql(dimension: str, company_id: int) -> tuple[str, list]:
    """SQL for the budget member a customer ``c``'s actuals count for (0: no collector or segment)."""
    if dimension == Dimension.GROUP:
        return "COALESCE(c.parent_id, c.id)", []
    if dimension == Dimension.SEGMENT:
        return _segment_sql(company_id)
    if dimension == Dimension.COLLECTOR:
        return "COALESCE(c.collector_id, 0)", []
    return "c.id", []


def _label_sql(dimension: str) -> tuple[str, str]:
    """A join naming the member ``k.member_id`` and the label's SQL, as ``member_labels`` shows it."""
    if dimension in (Dimension.CUSTOMER, Dimension.GROUP):
        table, label = Customer._meta.db_table, "l.code || ' ' || l.name"
    elif dimension == Dimension.SEGMENT:
        table, label = Segment._meta.db_table, "l.code || ' ' || l.name"
    else:
        from django.contrib.auth import get_user_model

        # person(): the full name, else the user name.
        table = get_user_model()._meta.db_table
        label = "COALESCE(NULLIF(TRIM(l.first_name || ' ' || l.last_name), ''), l.username)"
    return f"LEFT JOIN {table} l ON l.id = k.member_id", f"COALESCE({label}, '')"


def _total_of(rows) -> VarianceRow:
    return VarianceRow(0, "", *(sum(getattr(r, name) for r in rows) for name in VARIANCE_FIGURES))


@dataclass
class BudgetVsActual:
    """Actual against budget per member, computed in SQL whenever read: a page with the totals, or every row."""

    version: BudgetVersion
    dimension: str
    measure: str
    month: int
    period: str

    @property
    def currency(self) -> str:
        return self.version.company.functional_currency

    def _actual_sql(self, date_from: dt.date, date_to: dt.date) -> tuple[str, list]:
        company_id = self.version.company_id
        figures, params = period_figures.customer_period_statement(
            company_id=company_id, date_from=date_from, date_to=date_to, figures=MEASURE_FIGURES[self.measure]
        )
        member, member_params = _member_sql(self.dimension, company_id)
        sql = (
            f"SELECT {member} AS member_id, CAST(SUM({ACTUAL_SQL[self.measure]}) AS bigint) AS actual"  # noqa: S608
            f" FROM ({figures}) f JOIN {Customer._meta.db_table} c ON c.id = f.customer_id"
            " WHERE c.company_id = %s GROUP BY 1"
        )
        return sql, [*member_params, *params, company_id]

    def _rows_sql(self) -> tuple[str, list]:
        """Every member of the budget or of the actuals with its five figures, the biggest variance first."""
        month, measure = self.month, self.measure
        date_from, date_to = period_of(self.version.year, month, self.period)
        year_start = dt.date(self.version.year, 1, 1)
        stock = measure in domain.STOCKS
        value = "sales - cost" if measure == "gross_profit" else measure
        in_period = "month = %s" if self.period == "month" or stock else "month <= %s"

        def planned(condition: str) -> str:
            return f"CAST(SUM(CASE WHEN {condition} THEN {value} ELSE 0 END) AS bigint)"

        budget = (
            f"SELECT member_id, {planned(in_period)} AS in_period, {planned('month > %s')} AS rest,"  # noqa: S608
            f" CAST(SUM({value}) AS bigint) AS year, {planned('month = 12')} AS december"
            f" FROM {BudgetLine._meta.db_table} WHERE version_id = %s AND dimension = %s GROUP BY member_id"
        )
        budget_params = [month, month, self.version.pk, self.dimension]
        actual, actual_params = self._actual_sql(date_from, date_to)
        ctes = [f"b AS ({budget})", f"a AS ({actual})"]
        params = [*budget_params, *actual_params]
        to_date = "COALESCE(a.actual, 0)"
        joins = ""
        if date_from != year_start:
            so_far, so_far_params = self._actual_sql(year_start, date_to)
            ctes.append(f"t AS ({so_far})")
            params += so_far_params
            to_date = "COALESCE(t.actual, 0)"
            joins = " LEFT JOIN t ON t.member_id = k.member_id"
        label_join, label = _label_sql(self.dimension)
        if stock:
            budget_year, forecast_budget, forecast_trend = "december", "december", "so_far"
        else:
            budget_year, forecast_budget = "year", "so_far + rest"
            # The average month so far times the months left, rounded half away from zero (domain.forecast_year).
            forecast_trend = f"so_far + {half_up_sql(f'so_far * {12 - int(month)}', str(int(month)))}"
        rows = (
            f"SELECT k.member_id, {label} AS label, COALESCE(b.in_period, 0) AS budget,"  # noqa: S608
            " COALESCE(a.actual, 0) AS actual, COALESCE(b.year, 0) AS year, COALESCE(b.rest, 0) AS rest,"
            f" COALESCE(b.december, 0) AS december, {to_date} AS so_far"
            " FROM (SELECT member_id FROM b UNION SELECT member_id FROM a) k"
            " LEFT JOIN b ON b.member_id = k.member_id LEFT JOIN a ON a.member_id = k.member_id"
            f"{joins} {label_join}"
        )
        sql = (
            f"WITH {', '.join(ctes)} SELECT member_id, label, budget, actual, {budget_year} AS budget_year,"  # noqa: S608
            f" {forecast_budget} AS forecast_budget, {forecast_trend} AS forecast_trend FROM ({rows}) v"
        )
        return sql, params

    @staticmethod
    def _order() -> str:
        return f"ORDER BY ABS(actual - budget) DESC, {_ordered('label')}, member_id"

    @cached_property
    def rows(self) -> list[VarianceRow]:
        """Every member's row, the biggest variance (in amount, either way) first."""
        sql, params = self._rows_sql()
        with period_figures.report_session(), connection.cursor() as cursor:
            cursor.execute(f"{sql} {self._order()}", params)
            return [VarianceRow(*found) for found in cursor.fetchall()]

    def total(self) -> VarianceRow:
        return _total_of(self.rows)

    def page(self, *, offset: int, limit: int) -> VariancePage:
        """The rows from ``offset`` (at most ``limit``), the number of members and the totals."""
        sql, params = self._rows_sql()
        totals = ", ".join(f"SUM({name}) OVER ()" for name in VARIANCE_FIGURES)
        with period_figures.report_session(), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT *, COUNT(*) OVER (), {totals} FROM ({sql}) r {self._order()} LIMIT %s OFFSET %s",  # noqa: S608
                [*params, limit, offset],
            )
            found = cursor.fetchall()
        if not found and offset:
            # Past the last page: no rows, with the count and the totals read from the first row.
            first = self.page(offset=0, limit=1)
            return VariancePage(first.count, offset, [], first.total)
        if not found:
            return VariancePage(0, 0, [], _total_of([]))
        width = 2 + len(VARIANCE_FIGURES)
        first = found[0]
        total = VarianceRow(0, "", *(int(v) for v in first[width + 1 :]))
        return VariancePage(int(first[width]), offset, [VarianceRow(*row[:width]) for row in found], total)


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
    return BudgetVsActual(version=version, dimension=dimension, measure=measure, month=month, period=period)


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
