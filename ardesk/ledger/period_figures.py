"""What each customer of a company did in a period, summed in one statement (for budgets and profitability).

The ledger owns the SQL over its documents (STYLE.md): the budgets context asks here for each
customer's credit sales, cost of sales, credit notes, cash received, write-offs and recoveries of a
period, its receivable balance before and at the end of the period, and its *balance-days*: the
sum over every day of the period of the balance at the end of that day. The average balance is the
balance-days divided by the number of days, and the carrying cost of a customer's receivables is the
balance-days times the daily cost of capital, both without reading any day one by one.

A document issued on day d before the period end adds its amount to every day from d (or the period
start) to the period end, so the balance-days are one weighted sum over the documents:
``amount × (days of the period on or after its date)``. All amounts are the functional amounts in
minor units, so the sums are exact on SQLite and PostgreSQL alike. A reversal is a document of the
same type with the opposite amount: it cancels its original in every sum. It carries no cost of its
own, so it takes back its original's cost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection

from ardesk.ledger.models import Document, DocumentType
from ardesk.ledger.open_items import report_session

DOCUMENTS = Document._meta.db_table


@dataclass(slots=True)
class CustomerPeriod:
    """One customer's movements of a period and its balances (functional minor units)."""

    customer_id: int
    sales: int = 0
    cost: int = 0
    credit_notes: int = 0
    receipts: int = 0
    write_offs: int = 0
    recoveries: int = 0
    opening: int = 0
    closing: int = 0
    balance_days: int = 0


def _days_from(day_param: str, column: str) -> str:
    """SQL for the whole days from a date column to a date parameter, on PostgreSQL and SQLite."""
    if connection.vendor == "postgresql":
        return f"(CAST({day_param} AS date) - {column})"
    return f"CAST(julianday({day_param}) - julianday({column}) AS integer)"


def _date(value: dt.date):
    return value if connection.vendor == "postgresql" else value.isoformat()


def _cost_sql(table: str) -> str:
    """A document's cost in functional minor units: as it is when booked in the functional currency."""
    numeric = "numeric" if connection.vendor == "postgresql" else "real"
    converted = f"ROUND(CAST({table}.cost AS {numeric}) * {table}.functional_amount / {table}.amount)"
    return f"CASE WHEN {table}.functional_amount = {table}.amount THEN {table}.cost ELSE {converted} END"


SALES_TYPES = (DocumentType.INVOICE, DocumentType.DEBIT_NOTE)


def _reversed_costs_sql() -> str:
    """Per customer, the cost its reversals of the period take back (read from the few reversals alone)."""
    marks = ", ".join(["%s"] * len(SALES_TYPES))
    return (
        f"SELECT r.customer_id, -SUM({_cost_sql('o')}) AS cost FROM {DOCUMENTS} r "  # noqa: S608
        f"JOIN {DOCUMENTS} o ON o.id = r.reversal_of_id "
        "WHERE r.reversal_of_id IS NOT NULL AND r.company_id = %s AND r.status = %s "
        f"AND r.issue_on >= %s AND r.issue_on <= %s AND r.doc_type IN ({marks}) AND o.cost IS NOT NULL "
        "GROUP BY r.customer_id"
    )


FIGURES = (
    "sales",
    "cost",
    "credit_notes",
    "receipts",
    "write_offs",
    "recoveries",
    "opening",
    "closing",
    "balance_days",
)


def customer_period_statement(
    *, company_id: int, date_from: dt.date, date_to: dt.date, figures: Sequence[str] = FIGURES
) -> tuple[str, list]:
    """SQL and parameters of one row per customer of the company with a document by the period end:
    ``customer_id`` then the ``FIGURES`` columns, named as they are (a report may build on it).

    ``figures`` names the figures the caller reads (the others are a constant 0): a budget against
    actual of one measure sums one or two columns of the million documents, not nine.
    """
    days = (date_to - date_from).days + 1

    def movement(types: tuple[str, ...], column: str = "d.functional_amount", extra: str = "") -> tuple[str, list]:
        marks = ", ".join(["%s"] * len(types))
        return f"SUM({column}) FILTER (WHERE d.issue_on >= %s AND d.doc_type IN ({marks}){extra})", [
            _date(date_from),
            *types,
        ]

    weight = f"CASE WHEN d.issue_on < %s THEN %s ELSE {_days_from('%s', 'd.issue_on')} + 1 END"
    sums = {
        "sales": movement(SALES_TYPES),
        "cost": movement(SALES_TYPES, _cost_sql("d"), " AND d.cost IS NOT NULL"),
        "credit_notes": movement((DocumentType.CREDIT_NOTE,), "-d.functional_amount"),
        "receipts": movement((DocumentType.RECEIPT,), "-d.functional_amount"),
        "write_offs": movement((DocumentType.WRITE_OFF,), "-d.functional_amount"),
        "recoveries": movement((DocumentType.RECOVERY,)),
        "opening": ("SUM(d.functional_amount) FILTER (WHERE d.issue_on < %s)", [_date(date_from)]),
        "closing": ("SUM(d.functional_amount)", []),
        "balance_days": (f"SUM(d.functional_amount * ({weight}))", [_date(date_from), days, _date(date_to)]),
    }
    # Only this module's constants and column expressions are formatted in; values are parameters. A
    # figure not asked for is a constant 0, so each row keeps the dataclass's field order. Each sum is
    # cast back to a 64-bit integer: PostgreSQL sums bigints as numeric, which the driver would turn
    # into a Decimal, nine for each of 100,000 customers (the figures are whole minor units).
    columns, params = [], []
    for name in FIGURES:
        expression, values = sums[name] if name in figures else ("0", [])
        columns.append(f"CAST(COALESCE({expression}, 0) AS bigint) AS {name}")
        params += values
    sql = (
        f"SELECT d.customer_id, {', '.join(columns)} FROM {DOCUMENTS} d "  # noqa: S608
        "WHERE d.company_id = %s AND d.status = %s AND d.issue_on <= %s GROUP BY d.customer_id"
    )
    params += [company_id, "posted", _date(date_to)]
    if "cost" not in figures:
        return sql, params
    # A reversal carries no cost of its own: it takes back its original's cost.
    reversed_columns = ", ".join(
        "CAST(f.cost + COALESCE(r.cost, 0) AS bigint) AS cost" if name == "cost" else f"f.{name}" for name in FIGURES
    )
    sql = (
        f"SELECT f.customer_id, {reversed_columns} FROM ({sql}) f "  # noqa: S608
        f"LEFT JOIN ({_reversed_costs_sql()}) r ON r.customer_id = f.customer_id"
    )
    return sql, [*params, company_id, "posted", _date(date_from), _date(date_to), *SALES_TYPES]


def customer_period_figures(
    *, company_id: int, date_from: dt.date, date_to: dt.date, figures: Sequence[str] = FIGURES
) -> list[CustomerPeriod]:
    """Each customer of the company with a document by the period end: its movements and balances."""
    sql, params = customer_period_statement(
        company_id=company_id, date_from=date_from, date_to=date_to, figures=figures
    )
    with report_session(), connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [CustomerPeriod(*row) for row in cursor.fetchall()]


def period_documents(*, customer_ids: list[int], date_from: dt.date, date_to: dt.date):
    """The posted documents of these customers dated in the period, newest first (a drill-down)."""
    return (
        Document.objects.filter(
            customer_id__in=customer_ids, issue_on__gte=date_from, issue_on__lte=date_to, status="posted"
        )
        .select_related("customer")
        .order_by("-issue_on", "-id")
    )
