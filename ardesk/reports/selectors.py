"""Aging as of any date, summed in the database, with its reconciliation to the ledger balance.

The open items are read through the state the ledger keeps (ardesk.ledger.open_state): only lines
and credits never settled, or settled after the report date, are read, and their open amount then
is today's plus the allocations dated after the date. Buckets are limits on a date column, so the
whole report is one grouped query for the items and one for the credits, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import F, Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ardesk.companies.models import Company
from ardesk.core.errors import InvalidInput, NotFound
from ardesk.ledger import selectors as ledger
from ardesk.ledger.models import Allocation
from ardesk.reports import domain
from ardesk.reports.models import AgingBasis, BucketSet, ExchangeDay, LedgerDay

GROUPINGS = ("customer", "group", "company", "collector", "currency")

# What each grouping selects as (key, name) and groups by; all columns, never user input.
_GROUP_SQL = {
    "customer": ("c.id", "c.code", "c.name", "co.code"),
    "group": ("g.id", "g.code", "g.name", "co.code"),
    "company": ("co.id", "co.code", "co.name", "co.code"),
    "collector": ("u.id", "u.username", "u.first_name || ' ' || u.last_name", "''"),
    "currency": ("{table}.currency", "{table}.currency", "{table}.currency", "''"),
}

# Identifiers come from _GROUP_SQL and fixed column names; every value is a placeholder.
# The lines that can be open on the date are those never settled and those settled after it, read as
# two ranges of the (settled_on) index that carries the columns needed, so PostgreSQL reads the index
# alone. The allocations dated after the date are summed, from the (allocated_on) index that carries
# their amounts, for those lines only. The open amounts are
# summed per customer, company and currency into one column per bucket on integer columns first, and
# only those sums are joined to the names the grouping shows.
_OPEN_LINES = """(
    SELECT id, customer_id, company_id, currency, issue_on, due_on, open_now, open_functional_now
    FROM ledger_dueline WHERE settled_on IS NULL
    UNION ALL
    SELECT id, customer_id, company_id, currency, issue_on, due_on, open_now, open_functional_now
    FROM ledger_dueline WHERE settled_on > %s
)"""
_LINES_SQL = """
SELECT {cols}, {outer_sums}
FROM (
    SELECT l.customer_id, l.company_id, l.currency, {inner_sums}
    FROM {open_lines} l
    LEFT JOIN (
        SELECT a.line_id, CAST(SUM(a.amount) AS BIGINT) AS a, CAST(SUM(a.functional_amount) AS BIGINT) AS f
        FROM ledger_allocation a
        WHERE a.allocated_on > %s AND a.line_id IN (SELECT o.id FROM {open_lines} o WHERE o.issue_on <= %s)
        GROUP BY a.line_id
    ) x ON x.line_id = l.id
    WHERE l.issue_on <= %s{scope} AND l.open_now + COALESCE(x.a, 0) > 0
    GROUP BY 1, 2, 3
) t
{joins}
GROUP BY 1, 2, 3, 4
"""
_CREDITS_SQL = """
SELECT {cols}, -SUM(t.amount)
FROM (
    SELECT d.customer_id, d.company_id, d.currency, CAST(SUM(d.{amount} + COALESCE({after}, 0)) AS BIGINT) AS amount
    FROM ledger_document d
    LEFT JOIN (
        SELECT a.source_id, CAST(SUM(a.amount) AS BIGINT) AS a,
               CAST(SUM(a.source_functional_amount) AS BIGINT) AS f
        FROM ledger_allocation a
        WHERE a.allocated_on > %s AND a.source_id IN (SELECT d.id FROM ledger_document d WHERE {open_on})
        GROUP BY a.source_id
    ) x ON x.source_id = d.id
    WHERE {open_on} AND d.unapplied_now + COALESCE(x.a, 0) > 0
    GROUP BY 1, 2, 3
) t
{joins}
GROUP BY 1, 2, 3, 4
"""
_CREDITS_OPEN_ON = (
    "d.amount < 0 AND d.reversal_of_id IS NULL AND d.status = 'posted'"
    " AND d.issue_on <= %s AND (d.settled_on IS NULL OR d.settled_on > %s){scope}"
)


@dataclass
class AgingRow:
    key: str
    name: str
    company: str
    buckets: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.buckets.values())


@dataclass
class AgingReport:
    """An aging in minor units of ``currency``; ``rows`` in the order of the grouping's keys."""

    as_of: dt.date
    basis: str
    bucket_set: BucketSet
    by: str
    currency: str
    functional: bool
    buckets: list[tuple[str, str]]
    rows: list[AgingRow]
    ledger_balance: int
    exchange_differences: int
    company_codes: list[str] = field(default_factory=list)

    @property
    def totals(self) -> dict[str, int]:
        return {key: sum(r.buckets[key] for r in self.rows) for key, _label in self.buckets}

    @property
    def total(self) -> int:
        return sum(self.totals.values())

    @property
    def difference(self) -> int:
        """Ledger balance less realised exchange differences less the buckets: zero when it reconciles."""
        return self.ledger_balance - self.exchange_differences - self.total


def bucket_set_named(code: str | None = None, basis: str = AgingBasis.DUE) -> BucketSet:
    sets = BucketSet.objects.prefetch_related("buckets")
    found = sets.filter(code=code).first() if code else sets.filter(basis=basis, is_default=True).first()
    if found is None:
        raise NotFound(_("No aging bucket set %(code)s.") % {"code": code or basis})
    return found


def bucket_rules(bucket_set: BucketSet) -> list[domain.BucketRule]:
    chinese = (get_language() or "").startswith("zh")
    return [
        domain.BucketRule(b.key, (b.label_zh if chinese and b.label_zh else b.label), b.upper)
        for b in bucket_set.buckets.all()
    ]


def report_currency(company_ids: list[int], currency: str | None) -> tuple[str, bool]:
    """The currency a report is in, and whether it is the companies' functional currency."""
    if currency:
        return currency.upper(), False
    functional = set(Company.objects.filter(pk__in=company_ids).values_list("functional_currency", flat=True))
    if len(functional) > 1:
        raise InvalidInput(
            {"company": [_("These companies keep their books in different currencies: choose one company.")]}
        )
    return (functional.pop() if functional else "CNY"), True


def _bucket_sums(column: str, amount: str, bucket_limits: list[dt.date]) -> tuple[list[str], list]:
    """One integer sum of ``amount`` per bucket: bucket i holds dates from limit i up to limit i-1."""
    bounds = [None, *bucket_limits, None]
    sums, params = [], []
    for upper, lower in zip(bounds, bounds[1:], strict=False):
        conditions = []
        if upper is not None:
            conditions.append(f"{column} < %s")
            params.append(upper)
        if lower is not None:
            conditions.append(f"{column} >= %s")
            params.append(lower)
        when = " AND ".join(conditions) or "1 = 1"
        sums.append(f"CAST(SUM(CASE WHEN {when} THEN {amount} ELSE 0 END) AS BIGINT)")
    return sums, params


def _scope_sql(table: str, company_ids: list[int], currency: str | None, customer_ids) -> tuple[str, list]:
    marks = ", ".join(["%s"] * len(company_ids))
    sql = f" AND {table}.company_id IN ({marks})"
    params: list = list(company_ids)
    if currency:
        sql += f" AND {table}.currency = %s"
        params.append(currency)
    if customer_ids is not None:
        sql += f" AND {table}.customer_id IN ({', '.join(['%s'] * len(customer_ids))})"
        params.extend(customer_ids)
    return sql, params


def _joins(by: str) -> str:
    # Every row has its company: LEFT JOIN only keeps PostgreSQL's row estimate (it cannot know how
    # many companies the grouped sums hold, guesses 200, and then probed the customers one by one).
    joins = (
        " JOIN customers_customer c ON c.id = {t}.customer_id LEFT JOIN companies_company co ON co.id = {t}.company_id"
    )
    if by == "group":
        joins += " JOIN customers_customer g ON g.id = COALESCE(c.parent_id, c.id)"
    if by == "collector":
        joins += " LEFT JOIN auth_user u ON u.id = c.collector_id"
    return joins


# Memory for each sort or hash of the report's queries on PostgreSQL (the server default is 4MB).
REPORT_WORK_MEM = "64MB"


@contextmanager
def report_session() -> Iterator[None]:
    """On PostgreSQL, run the report's queries without JIT and with more sort memory, then restore both.

    Their estimated cost is above the default ``jit_above_cost``, and compiling them to machine
    code took 0.1 to 0.5 s, more than the queries themselves; with the default 4MB ``work_mem``
    grouping 200,000 open items per customer and bucket spilled to disk (1,000,000 items, 2 cores).
    """
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('jit'), current_setting('work_mem'),"
            " set_config('jit', 'off', true), set_config('work_mem', %s, true)",
            [REPORT_WORK_MEM],
        )
        jit, work_mem = cursor.fetchone()[:2]
        yield
        cursor.execute("SELECT set_config('jit', %s, true), set_config('work_mem', %s, true)", [jit, work_mem])


def _grouped(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def aging(
    *,
    as_of: dt.date,
    company_ids: list[int],
    bucket_set: BucketSet,
    by: str = "customer",
    currency: str | None = None,
    customer_ids: list[int] | None = None,
) -> AgingReport:
    """The aging of the open items and unapplied credits as of a date, summed per ``by`` and bucket."""
    if by not in GROUPINGS:
        raise InvalidInput({"by": [_("Group by one of: %(choices)s.") % {"choices": ", ".join(GROUPINGS)}]})
    with report_session():
        return _aging(
            as_of=as_of,
            company_ids=company_ids,
            bucket_set=bucket_set,
            by=by,
            currency=currency,
            customer_ids=customer_ids,
        )


def _aging(*, as_of, company_ids, bucket_set, by, currency, customer_ids) -> AgingReport:
    report_in, functional = report_currency(company_ids, currency)
    rules = bucket_rules(bucket_set)
    keys = [r.key for r in rules]
    date_column = "l.due_on" if bucket_set.basis == AgingBasis.DUE else "l.issue_on"
    rows: dict[object, AgingRow] = {}

    def add(found: list[tuple], bucket_keys: list[str]) -> None:
        for group_id, key, name, company, *amounts in found:
            row = rows.get(group_id)
            if row is None:
                row = rows[group_id] = AgingRow(
                    key=key or "", name=(name or "").strip() or key or "", company=company or "", buckets={}
                )
                row.buckets = dict.fromkeys([*keys, domain.UNAPPLIED], 0)
            for bucket, amount in zip(bucket_keys, amounts, strict=True):
                row.buckets[bucket] += int(amount)

    line_amount, line_after = ("open_functional_now", "x.f") if functional else ("open_now", "x.a")
    if not company_ids:
        return _empty(as_of, bucket_set, by, report_in, functional, rules)

    group_cols = [c.format(table="t") for c in _GROUP_SQL[by]]
    sums, sums_params = _bucket_sums(
        date_column, f"l.{line_amount} + COALESCE({line_after}, 0)", domain.limits(rules, as_of, bucket_set.unit)
    )
    scope, scope_params = _scope_sql("l", company_ids, currency, customer_ids)
    lines_sql = _LINES_SQL.format(
        cols=", ".join(group_cols),
        outer_sums=", ".join(f"CAST(SUM(t.b{n}) AS BIGINT)" for n in range(len(sums))),
        inner_sums=", ".join(f"{sql} AS b{n}" for n, sql in enumerate(sums)),
        open_lines=_OPEN_LINES,
        joins=_joins(by).format(t="t"),
        scope=scope,
    )
    add(
        _grouped(lines_sql, [*sums_params, as_of, as_of, as_of, as_of, as_of, *scope_params]),
        keys,
    )

    credit_amount, credit_after = ("unapplied_functional_now", "x.f") if functional else ("unapplied_now", "x.a")
    scope, scope_params = _scope_sql("d", company_ids, currency, customer_ids)
    credits_sql = _CREDITS_SQL.format(
        cols=", ".join(group_cols),
        amount=credit_amount,
        after=credit_after,
        joins=_joins(by).format(t="t"),
        open_on=_CREDITS_OPEN_ON.format(scope=scope),
    )
    open_on_params = [as_of, as_of, *scope_params]
    add(_grouped(credits_sql, [as_of, *open_on_params, *open_on_params]), [domain.UNAPPLIED])

    return AgingReport(
        as_of=as_of,
        basis=bucket_set.basis,
        bucket_set=bucket_set,
        by=by,
        currency=report_in,
        functional=functional,
        buckets=_bucket_labels(rules),
        rows=sorted(rows.values(), key=lambda r: (r.key, r.company)),
        ledger_balance=ledger_balance(
            as_of=as_of,
            company_ids=company_ids,
            customer_ids=customer_ids,
            currency=currency.upper() if currency else None,
            functional=functional,
        ),
        exchange_differences=exchange_differences(
            as_of=as_of, company_ids=company_ids, customer_ids=customer_ids, functional=functional
        ),
        company_codes=list(Company.objects.filter(pk__in=company_ids).values_list("code", flat=True)),
    )


def _bucket_labels(rules: list[domain.BucketRule]) -> list[tuple[str, str]]:
    return [(r.key, r.label) for r in rules] + [(domain.UNAPPLIED, _("Unapplied credits"))]


def _empty(as_of, bucket_set, by, currency, functional, rules) -> AgingReport:
    return AgingReport(
        as_of=as_of,
        basis=bucket_set.basis,
        bucket_set=bucket_set,
        by=by,
        currency=currency,
        functional=functional,
        buckets=_bucket_labels(rules),
        rows=[],
        ledger_balance=0,
        exchange_differences=0,
    )


def ledger_balance(
    *, as_of: dt.date, company_ids: list[int], customer_ids=None, currency: str | None = None, functional: bool = False
) -> int:
    """The ledger balance on a date (minor units): from the daily totals, or the documents for some customers."""
    if customer_ids is not None:
        return ledger.balance_minor(
            as_of=as_of, company_ids=company_ids, customer_ids=customer_ids, currency=currency, functional=functional
        )
    days = LedgerDay.objects.filter(company_id__in=company_ids, day__lte=as_of)
    if currency:
        days = days.filter(currency=currency)
    column = "balance_functional" if functional else "balance"
    return days.aggregate(total=Coalesce(Sum(column), 0))["total"]


def exchange_differences(*, as_of: dt.date, company_ids, customer_ids=None, functional: bool = True) -> int:
    """Realised exchange differences in the functional currency up to a date (minor units).

    An allocation takes an invoice's functional amount at the invoice's rate and the receipt's at
    the receipt's; the ledger balance keeps both documents whole, the open items do not, and the
    difference between them is exactly these amounts.
    """
    if not functional:
        return 0
    if customer_ids is None:
        days = ExchangeDay.objects.filter(company_id__in=company_ids, day__lte=as_of)
        return days.aggregate(total=Coalesce(Sum("realised"), 0))["total"]
    # Only allocations between amounts booked at different rates differ (the ledger_allocation_fx index).
    allocations = Allocation.objects.filter(Q(company_id__in=company_ids), allocated_on__lte=as_of).exclude(
        functional_amount=F("source_functional_amount")
    )
    if customer_ids is not None:
        allocations = allocations.filter(customer_id__in=customer_ids)
    totals = allocations.aggregate(
        line=Coalesce(Sum("functional_amount"), 0), source=Coalesce(Sum("source_functional_amount"), 0)
    )
    return totals["line"] - totals["source"]
