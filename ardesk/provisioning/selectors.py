"""Reads of the bad-debt context: open balances per customer and bucket, the allowance booked, history."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce

from ardesk.core import calendar
from ardesk.customers.models import Customer
from ardesk.ledger import open_items
from ardesk.ledger.models import DueLine
from ardesk.ledger.open_items import report_session
from ardesk.provisioning import domain
from ardesk.provisioning.models import (
    AccountRole,
    EntryKind,
    JournalEntry,
    JournalLine,
    ProvisionPolicy,
    ProvisionRun,
    RunStatus,
    SpecificProvision,
    WriteOffItem,
    WriteOffStatus,
)
from ardesk.reports import domain as report_domain
from ardesk.reports.models import AgingBasis, AgingSnapshot, AgingSnapshotRow, BucketSet

# The open functional amount of each due line of a company as of a date (the ledger's open-items
# statement: today's open amount plus the allocations dated after the date), with the item's customer
# and bucket. The lines that can be open on the date are read as two ranges of the ledger's
# (settled_on) index, which carries every column needed but the document: PostgreSQL then reads the
# index alone instead of the whole table. Columns and fragments below are fixed strings; every value
# is a placeholder.
_LINE_COLUMNS = "id, customer_id, company_id, issue_on, due_on, open_now, open_functional_now"
_OPEN_ITEMS_SQL = f"""
SELECT l.customer_id AS customer_id, {{bucket}} AS bucket, l.open_functional_now + COALESCE(x.f, 0) AS amount
FROM {{lines}} l
LEFT JOIN ({open_items.allocations_after("line", " AND a.company_id = %s")}) x ON x.line_id = l.id
{{join}}
WHERE l.company_id = %s AND l.issue_on <= %s AND l.open_now + COALESCE(x.a, 0) > 0 {{where}}
"""  # noqa: S608 (fixed text)


# The customers' table, for a portfolio of one industry (segment).
_CUSTOMERS_JOIN = f"JOIN {Customer._meta.db_table} c ON c.id = l.customer_id"


def _in(column: str, values: list, negate: bool = False) -> tuple[str, list]:
    if not values:
        return ("", []) if negate else (" AND 1 = 0", [])
    marks = ", ".join(["%s"] * len(values))
    return f" AND {column} {'NOT IN' if negate else 'IN'} ({marks})", list(values)


@dataclass(frozen=True)
class Portfolio:
    """Which open items of a company one policy provisions, as of a date, and how it buckets them.

    Without a bucket set everything is in one bucket (the balance-percentage method). ``segment``
    keeps the customers of one industry, ``other_segments`` leaves those industries out. Buckets
    are numbered from ``first_bucket`` on, so that the buckets of all a run's policies can be read
    in one statement.
    """

    company_id: int
    as_of: dt.date
    bucket_set: BucketSet | None
    segment: str | None = None
    other_segments: list[str] | None = None
    exclude_customers: list[int] | None = None
    exclude_documents: list[int] | None = None
    customers: list[int] | None = None
    documents: list[int] | None = None
    first_bucket: int = 0

    def items_sql(self) -> tuple[str, list]:
        """SQL and parameters of the open items: one row (customer_id, bucket, amount) per due line."""
        params_bucket: list = []
        first = int(self.first_bucket)
        bucket_sql = str(first)
        if self.bucket_set is not None:
            rules = [report_domain.BucketRule(b.key, b.label, b.upper) for b in self.bucket_set.buckets.all()]
            limits = report_domain.limits(rules, self.as_of, self.bucket_set.unit)
            column = "l.due_on" if self.bucket_set.basis == AgingBasis.DUE else "l.issue_on"
            whens = " ".join(f"WHEN {column} >= %s THEN {first + n}" for n in range(len(limits)))
            bucket_sql = f"CASE {whens} ELSE {first + len(limits)} END"
            params_bucket = list(limits)
        join, where, params_where = "", "", []
        if self.segment:
            join = _CUSTOMERS_JOIN
            where += " AND c.industry = %s"
            params_where.append(self.segment)
        elif self.other_segments:
            join = _CUSTOMERS_JOIN
            sql, values = _in("c.industry", self.other_segments, negate=True)
            where += sql
            params_where += values
        for column, values, negate in (
            ("l.customer_id", self.exclude_customers, True),
            ("l.document_id", self.exclude_documents, True),
            ("l.customer_id", self.customers, False),
            ("l.document_id", self.documents, False),
        ):
            if values is not None:
                sql, found = _in(column, values, negate)
                where += sql
                params_where += found
        columns = _LINE_COLUMNS
        if self.exclude_documents or self.documents:
            columns += ", document_id"
        lines = open_items.lines_open_on(columns)
        sql = _OPEN_ITEMS_SQL.format(bucket=bucket_sql, lines=lines, join=join, where=where)
        as_of, company_id = self.as_of, self.company_id
        return sql, [*params_bucket, as_of, as_of, company_id, company_id, as_of, *params_where]


def _union(portfolios: list[Portfolio], template: str) -> tuple[str, list]:
    parts, params = [], []
    for portfolio in portfolios:
        items, found = portfolio.items_sql()
        parts.append(template.format(items=items))
        params += found
    return " UNION ALL ".join(parts), params


def customer_balances_sql(portfolios: list[Portfolio]) -> tuple[str, list]:
    """SQL and parameters of the open balance per customer and bucket: (customer_id, bucket, balance)."""
    return _union(
        portfolios,
        "SELECT i.customer_id, i.bucket, CAST(SUM(i.amount) AS BIGINT) AS balance FROM ({items}) i GROUP BY 1, 2",
    )


def _fetch(sql: str, params: list) -> list[tuple]:
    # The aging's session settings (no JIT, more sort memory on PostgreSQL): compiling the query
    # took longer than running it, and grouping a million open items spilled to disk with 4MB.
    with report_session(), connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def bucket_balances(portfolios: list[Portfolio]) -> dict[int, int]:
    """The open functional balance of each bucket of the portfolios (buckets without items left out)."""
    sql, params = _union(
        portfolios, "SELECT i.bucket, CAST(SUM(i.amount) AS BIGINT) AS balance FROM ({items}) i GROUP BY i.bucket"
    )
    return {bucket: int(total) for bucket, total in _fetch(sql, params)}


# Each customer's share of a bucket's allowance (domain.apportion, in the database): the whole fen
# of required × balance ÷ bucket balance, then one more fen for as many customers as fen are left,
# largest remainder first, the lower customer id on a tie. The products exceed 64 bits for large
# buckets, so they are exact numerics on PostgreSQL and Python integers on SQLite (a function
# registered on the connection); the quotient and remainder always fit. One bucket at a time: the
# sort by remainder then leads with a key that rarely ties (sorting all buckets at once, led by the
# bucket, took twice as long over 283,000 customer balances).
_APPORTION_SQL = """
SELECT s.customer_id, s.balance,
       s.whole + CASE
           WHEN ROW_NUMBER() OVER w
                <= %s - SUM(s.whole) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
           THEN 1 ELSE 0 END AS share
FROM (
    SELECT c.customer_id, c.balance, {whole} AS whole, {remainder} AS remainder
    FROM ({balances}) c
) s
WINDOW w AS (ORDER BY s.remainder DESC, s.customer_id)
"""
_EXACT = {
    "postgresql": (
        "CAST(DIV(CAST(%s AS NUMERIC) * c.balance, %s) AS BIGINT)",
        "CAST(MOD(CAST(%s AS NUMERIC) * c.balance, %s) AS BIGINT)",
    ),
    "sqlite": ("provision_product_div(%s, c.balance, %s)", "provision_product_mod(%s, c.balance, %s)"),
}


def _product_div(a: int, b: int, c: int) -> int:
    return a * b // c


def _product_mod(a: int, b: int, c: int) -> int:
    return a * b % c


def apportion_sql(balances_sql: str, balances_params: list, *, required: int, total: int) -> tuple[str, list]:
    """SQL of (customer_id, balance, share): every customer's share of one bucket's allowance.

    ``balances_sql`` yields (customer_id, balance) with one row per customer of the bucket, the
    balances adding up to ``total``; ``required`` is the bucket's allowance.
    """
    if total == 0:
        # Nothing to share (domain.apportion: an allowance over parts that weigh nothing is 0).
        whole = remainder = "0"
        exact: list = []
    else:
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            for name, function in (("provision_product_div", _product_div), ("provision_product_mod", _product_mod)):
                connection.connection.create_function(name, 3, function, deterministic=True)
        whole, remainder = _EXACT[connection.vendor]
        exact = [required, total, required, total]
    sql = _APPORTION_SQL.format(whole=whole, remainder=remainder, balances=balances_sql)
    return sql, [required, *exact, *balances_params]


def policies_of(company_id: int) -> list[ProvisionPolicy]:
    """The company's policies, the one without a segment first."""
    return list(
        ProvisionPolicy.objects.filter(company_id=company_id)
        .select_related("bucket_set")
        .prefetch_related("rates", "bucket_set__buckets")
        .order_by("segment")
    )


def company_policy(company_id: int) -> ProvisionPolicy | None:
    """The policy without a segment: it also holds the account codes and write-off approval levels."""
    return ProvisionPolicy.objects.filter(company_id=company_id, segment="").first()


def active_specific(company_id: int) -> list[SpecificProvision]:
    return list(
        SpecificProvision.objects.filter(company_id=company_id, is_active=True).select_related("customer", "document")
    )


def allowance_booked(*, company_id: int, as_of: dt.date) -> int:
    """The bad-debt allowance in the books on a date: credits less debits of the approved entries (minor units)."""
    totals = JournalLine.objects.filter(
        entry__company_id=company_id, entry__on__lte=as_of, role=AccountRole.ALLOWANCE
    ).aggregate(credit=Coalesce(Sum("credit"), 0), debit=Coalesce(Sum("debit"), 0))
    return totals["credit"] - totals["debit"]


def roll_forward(*, company_id: int, date_from: dt.date, date_to: dt.date) -> dict[str, int]:
    """The allowance over a period: opening, brought forward, charged, released, written off, recovered, closing."""
    moves = (
        JournalLine.objects.filter(
            entry__company_id=company_id,
            entry__on__gte=date_from,
            entry__on__lte=date_to,
            role=AccountRole.ALLOWANCE,
        )
        .values("entry__kind")
        .annotate(credit=Coalesce(Sum("credit"), 0), debit=Coalesce(Sum("debit"), 0))
        .order_by()
    )
    by_kind = {m["entry__kind"]: m["credit"] - m["debit"] for m in moves}
    opening = allowance_booked(company_id=company_id, as_of=date_from - dt.timedelta(days=1))
    figures = {
        "opening": opening,
        "brought_forward": by_kind.get(EntryKind.OPENING, 0),
        "charged": by_kind.get(EntryKind.PROVISION, 0),
        "released": -by_kind.get(EntryKind.RELEASE, 0),
        "written_off": -by_kind.get(EntryKind.WRITE_OFF, 0),
        "recovered": by_kind.get(EntryKind.RECOVERY, 0),
    }
    figures["closing"] = (
        opening
        + figures["brought_forward"]
        + figures["charged"]
        - figures["released"]
        - figures["written_off"]
        + figures["recovered"]
    )
    return figures


def written_off_gross(*, company_id: int, as_of: dt.date) -> int:
    """What approved write-offs have taken out of the receivables up to a date (functional minor units)."""
    return WriteOffItem.objects.filter(
        write_off__company_id=company_id, write_off__status=WriteOffStatus.APPROVED, write_off__on__lte=as_of
    ).aggregate(total=Coalesce(Sum("functional_amount"), 0))["total"]


def loss_observations(
    *, company_id: int, bucket_set: BucketSet, as_of: dt.date, lookback_months: int
) -> list[domain.Observation]:
    """Month-end snapshots in the look-back, with the part of each bucket written off after the snapshot.

    A written-off item counts in the bucket it was in at the snapshot (by its due date) when it was
    issued by then and written off after it and on or before ``as_of``.
    """
    start = calendar.add_months(as_of, -lookback_months)
    snapshots = list(
        AgingSnapshot.objects.filter(bucket_set=bucket_set, as_of__gt=start, as_of__lt=as_of).order_by("as_of")
    )
    if not snapshots:
        return []
    rules = [report_domain.BucketRule(b.key, b.label, b.upper) for b in bucket_set.buckets.all()]
    balances: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    rows = (
        AgingSnapshotRow.objects.filter(snapshot__in=snapshots, company_id=company_id)
        .exclude(bucket=report_domain.UNAPPLIED)
        .values("snapshot_id", "bucket")
        .annotate(total=Sum("functional_amount"))
        .order_by()
    )
    for row in rows:
        balances[row["snapshot_id"]][row["bucket"]] += row["total"]
    items = list(
        WriteOffItem.objects.filter(
            write_off__company_id=company_id,
            write_off__status=WriteOffStatus.APPROVED,
            write_off__on__lte=as_of,
        ).values("write_off__on", "line__issue_on", "line__due_on", "line__document__issue_on", "functional_amount")
    )
    observations = []
    for snapshot in snapshots:
        lost: dict[str, int] = defaultdict(int)
        limits = report_domain.limits(rules, snapshot.as_of, bucket_set.unit)
        for item in items:
            if item["line__issue_on"] <= snapshot.as_of < item["write_off__on"]:
                date = item["line__due_on"] if bucket_set.basis == AgingBasis.DUE else item["line__issue_on"]
                lost[rules[report_domain.bucket_index(date, limits)].key] += item["functional_amount"] or 0
        observations.append(
            domain.Observation(
                as_of=snapshot.as_of.isoformat(), balances=dict(balances[snapshot.pk]), written_off=dict(lost)
            )
        )
    return observations


def open_lines_of(*, customer_id: int, company_id: int, document_id: int | None = None):
    """The open due lines of a customer (or of one of its documents) today, oldest first."""
    lines = DueLine.objects.filter(
        Q(settled_on__isnull=True), customer_id=customer_id, company_id=company_id, open_now__gt=0
    ).select_related("document")
    if document_id is not None:
        lines = lines.filter(document_id=document_id)
    return lines.order_by("due_on", "id")


def run_approved(*, company_id: int, as_of: dt.date) -> bool:
    """Whether the month-end provision run of that date is approved (and not provisional)."""
    return ProvisionRun.objects.filter(company_id=company_id, as_of=as_of, status=RunStatus.APPROVED).exists()


def journal_last_booked(*, company_id: int, date_from: dt.date, date_to: dt.date):
    """When the last bad-debt entry dated in the period was booked (None without any)."""
    return (
        JournalEntry.objects.filter(company_id=company_id, on__gte=date_from, on__lte=date_to)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
