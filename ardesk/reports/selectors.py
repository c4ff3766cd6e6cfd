"""Aging as of any date, summed in the database, with its reconciliation to the ledger balance.

The open items are read through the state the ledger keeps (ardesk.ledger.open_state): only lines
and credits never settled, or settled after the report date, are read, and their open amount then
is today's plus the allocations dated after the date. Buckets are limits on a date column, so the
whole report is one grouped query for the items and one for the credits, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import gc
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

# What each grouping selects as (key, name, company code) and groups by; all columns, never user input.
_GROUP_SQL = {
    "customer": ("c.id", "c.code", "c.name", "co.code"),
    "group": ("g.id", "g.code", "g.name", "co.code"),
    "company": ("co.id", "co.code", "co.name", "co.code"),
    "collector": ("u.id", "u.username", "u.first_name || ' ' || u.last_name", "''"),
    "currency": ("t.currency", "t.currency", "t.currency", "''"),
}
# What the sums are first grouped by, on integer columns where possible (the functional amounts of
# all currencies add up; a report in a document currency reads that currency only).
_SUM_KEYS = {
    "customer": ("customer_id", "company_id"),
    "group": ("customer_id", "company_id"),
    "collector": ("customer_id", "company_id"),
    "company": ("company_id",),
    "currency": ("company_id", "currency"),
}
# The groupings whose rows are exactly those sums; the others merge several (customers of a group
# or a collector, companies of a currency) after the names are joined.
_ONE_ROW_PER_SUM = ("customer", "company")

# Identifiers come from _GROUP_SQL and fixed column names; every value is a placeholder.
# The lines that can be open on the date are those never settled and those settled after it, read as
# two ranges of the (settled_on) index that carries the columns needed, so PostgreSQL reads the index
# alone. A line's open amount on the date is today's plus the allocations dated after it, and no
# open amount is ever negative, so each bucket's sum is the sum of today's open amounts plus the sum
# of those allocations, read from the (allocated_on) index that carries their amounts and joined to
# their lines: no grouping per line. Unapplied credits likewise. The amounts are summed into one
# column per bucket on integer columns first, the unapplied credits into their own column, and only
# those sums are joined to the names the grouping shows: one statement, one row per row of the report.
_OPEN_LINES = """(
    SELECT id, customer_id, company_id, currency, issue_on, due_on, open_now, open_functional_now
    FROM ledger_dueline WHERE settled_on IS NULL
    UNION ALL
    SELECT id, customer_id, company_id, currency, issue_on, due_on, open_now, open_functional_now
    FROM ledger_dueline WHERE settled_on > %s
)"""
# The open lines' rows and the open credits' rows are summed in one grouping: a line's row has its
# dates and amount, a credit's row its amount in its own column. When no allocation is dated after
# the date (an aging as of today), the allocation rows are left out: each open set is then read
# once, and PostgreSQL reads it straight from the index into the grouping.
_LINE_ROWS = """
        SELECT l.customer_id, l.company_id, l.currency, l.issue_on, l.due_on, l.{amount} AS amount, 0 AS credit
        FROM open_lines l{later}"""
_LINES_LATER = """
        UNION ALL
        SELECT l.customer_id, l.company_id, l.currency, l.issue_on, l.due_on, a.{allocated}, 0
        FROM ledger_allocation a JOIN open_lines l ON l.id = a.line_id
        WHERE a.allocated_on > %s"""
# The credits open on a past date are few (a receipt is mostly applied within days), the
# allocations after that date many: each credit looks up its own through the (source, date) index
# rather than all of them being hashed to find the few that belong to an open credit.
_CREDIT_ROWS = """
        SELECT d.customer_id, d.company_id, d.currency, NULL, NULL, 0, d.{amount}{later}
        FROM open_credits d"""
_CREDITS_LATER = """
            + COALESCE((SELECT SUM(a.{allocated}) FROM ledger_allocation a
                        WHERE a.source_id = d.id AND a.allocated_on > %s), 0)"""
# The credits that can be unapplied on a date, as the two ranges of the open-credits index that
# carries these columns (never settled, settled after the date); params: date, scope, date, date, scope.
_CREDITS_OPEN_ON_DATE = "d.amount < 0 AND d.reversal_of_id IS NULL AND d.status = 'posted' AND d.issue_on <= %s{scope}"
_OPEN_CREDITS = f"""(
    SELECT d.id, d.customer_id, d.company_id, d.currency, d.unapplied_now, d.unapplied_functional_now
    FROM ledger_document d WHERE d.settled_on IS NULL AND {_CREDITS_OPEN_ON_DATE}
    UNION ALL
    SELECT d.id, d.customer_id, d.company_id, d.currency, d.unapplied_now, d.unapplied_functional_now
    FROM ledger_document d WHERE d.settled_on > %s AND {_CREDITS_OPEN_ON_DATE}
)"""  # noqa: S608 (fixed text; values are placeholders)
_AGING_SQL = """
WITH open_lines AS (
    SELECT l.* FROM {open_lines} l WHERE l.issue_on <= %s{line_scope}
), open_credits AS (
    SELECT d.* FROM {open_credits} d
)
SELECT {cols}, {outer_sums}
FROM (
    SELECT {keys}, {sums}, -CAST(SUM(l.credit) AS BIGINT) AS u
    FROM ({line_rows}
        UNION ALL{credit_rows}
    ) l
    GROUP BY {keys}
) t
{joins}
{group_by}
ORDER BY COALESCE({key}, ''){collation}, COALESCE({company}, ''){collation}
"""


@dataclass(slots=True)
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


def _row_columns(by: str) -> str:
    """Group id, key, name (the key when it has none) and company code, never NULL, as each row shows them."""
    group_id, key, name, company = _GROUP_SQL[by]
    return f"{group_id}, COALESCE({key}, ''), COALESCE(NULLIF(TRIM({name}), ''), {key}, ''), COALESCE({company}, '')"


def _joins(by: str) -> str:
    # Every row has its company: LEFT JOIN only keeps PostgreSQL's row estimate (it cannot know how
    # many companies the grouped sums hold, guesses 200, and then probed the customers one by one).
    joins = " LEFT JOIN companies_company co ON co.id = t.company_id"
    if "customer_id" not in _SUM_KEYS[by]:
        return joins
    joins = " JOIN customers_customer c ON c.id = t.customer_id" + joins
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
            " current_setting('max_parallel_workers_per_gather'),"
            " set_config('jit', 'off', true), set_config('work_mem', %s, true),"
            " set_config('max_parallel_workers_per_gather', '0', true)",
            [REPORT_WORK_MEM],
        )
        jit, work_mem, workers = cursor.fetchone()[:3]
        yield
        cursor.execute(
            "SELECT set_config('jit', %s, true), set_config('work_mem', %s, true),"
            " set_config('max_parallel_workers_per_gather', %s, true)",
            [jit, work_mem, workers],
        )


@contextmanager
def gc_paused() -> Iterator[None]:
    """No garbage collection while a report's rows are built: they are new objects that all live on,
    and collecting on every few hundred of them took a third of the time at 78,000 rows."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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
    if not company_ids:
        return _empty(as_of, bucket_set, by, report_in, functional, rules)
    date_column = "l.due_on" if bucket_set.basis == AgingBasis.DUE else "l.issue_on"
    line_amount, line_allocated = ("open_functional_now", "functional_amount") if functional else ("open_now", "amount")
    credit_amount, credit_allocated = (
        ("unapplied_functional_now", "source_functional_amount") if functional else ("unapplied_now", "amount")
    )
    sums, sums_params = _bucket_sums(date_column, "l.amount", domain.limits(rules, as_of, bucket_set.unit))
    keys = _SUM_KEYS[by]
    line_scope, line_scope_params = _scope_sql("l", company_ids, currency, customer_ids)
    credit_scope, credit_scope_params = _scope_sql("d", company_ids, currency, customer_ids)
    later = Allocation.objects.filter(allocated_on__gt=as_of).exists()
    columns = [*(f"b{n}" for n in range(len(sums))), "u"]
    sql = _AGING_SQL.format(
        open_lines=_OPEN_LINES,
        line_scope=line_scope,
        open_credits=_OPEN_CREDITS.format(scope=credit_scope),
        cols=_row_columns(by),
        keys=", ".join(f"l.{k}" for k in keys),
        sums=", ".join(f"{sql} AS b{n}" for n, sql in enumerate(sums)),
        line_rows=_LINE_ROWS.format(
            amount=line_amount, later=_LINES_LATER.format(allocated=line_allocated) if later else ""
        ),
        credit_rows=_CREDIT_ROWS.format(
            amount=credit_amount, later=_CREDITS_LATER.format(allocated=credit_allocated) if later else ""
        ),
        outer_sums=", ".join(f"t.{c}" if by in _ONE_ROW_PER_SUM else f"CAST(SUM(t.{c}) AS BIGINT)" for c in columns),
        group_by="" if by in _ONE_ROW_PER_SUM else "GROUP BY 1, 2, 3, 4",
        joins=_joins(by),
        key=_GROUP_SQL[by][1],
        company=_GROUP_SQL[by][3],
        # Keys in code-point order, as Python compares them, whatever the database's locale.
        collation=' COLLATE "C"' if connection.vendor == "postgresql" else "",
    )
    found = _grouped(
        sql,
        [
            *[as_of, as_of, *line_scope_params],
            *[as_of, *credit_scope_params, as_of, as_of, *credit_scope_params],
            *sums_params,
            *([as_of, as_of] if later else []),
        ],
    )
    bucket_keys = [*(r.key for r in rules), domain.UNAPPLIED]
    with gc_paused():
        rows = [AgingRow(r[1], r[2], r[3], dict(zip(bucket_keys, r[4:], strict=True))) for r in found]
    return AgingReport(
        as_of=as_of,
        basis=bucket_set.basis,
        bucket_set=bucket_set,
        by=by,
        currency=report_in,
        functional=functional,
        buckets=_bucket_labels(rules),
        rows=rows,
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


# The dashboard in one reading of today's open lines (functional amounts): the customers most
# overdue, with their overdue items, then one row (customer_id NULL) with what falls due in the
# week and each bucket's total.
# Identifiers are fixed; every value is a placeholder.
_DASHBOARD_SQL = """
WITH open_today AS (
    SELECT l.customer_id, l.due_on, l.open_functional_now + COALESCE(x.f, 0) AS amount
    FROM {open_lines} l
    LEFT JOIN (
        SELECT a.line_id, CAST(SUM(a.amount) AS BIGINT) AS a, CAST(SUM(a.functional_amount) AS BIGINT) AS f
        FROM ledger_allocation a WHERE a.allocated_on > %s GROUP BY a.line_id
    ) x ON x.line_id = l.id
    WHERE l.issue_on <= %s{scope} AND l.open_now + COALESCE(x.a, 0) > 0
)
SELECT * FROM (
    SELECT customer_id, CAST(SUM(amount) AS BIGINT) AS overdue, COUNT(*) AS items, 0, 0, {zeros}
    FROM open_today WHERE due_on < %s
    GROUP BY customer_id ORDER BY 2 DESC, customer_id LIMIT %s
) top
UNION ALL
SELECT NULL, 0, 0,
       CAST(SUM(CASE WHEN l.due_on >= %s AND l.due_on <= %s THEN l.amount ELSE 0 END) AS BIGINT),
       SUM(CASE WHEN l.due_on >= %s AND l.due_on <= %s THEN 1 ELSE 0 END),
       {bucket_sums}
FROM open_today l
"""
_UNAPPLIED_SQL = """
SELECT -CAST(COALESCE(SUM(d.unapplied_functional_now + COALESCE(x.f, 0)), 0) AS BIGINT)
FROM {open_credits} d
LEFT JOIN (
    SELECT a.source_id, CAST(SUM(a.amount) AS BIGINT) AS a, CAST(SUM(a.source_functional_amount) AS BIGINT) AS f
    FROM ledger_allocation a WHERE a.allocated_on > %s GROUP BY a.source_id
) x ON x.source_id = d.id
WHERE d.unapplied_now + COALESCE(x.a, 0) > 0
"""


@dataclass
class DashboardFigures:
    """Today's open items in functional minor units: per bucket, the customers most overdue, the week's."""

    buckets: list[tuple[str, str]]
    totals: dict[str, int]
    top_overdue: list[dict]
    due_this_week: dict


def dashboard_figures(
    *, today: dt.date, week_end: dt.date, company_ids: list[int], bucket_set: BucketSet, top: int = 10
) -> DashboardFigures:
    """The dashboard's figures from one reading of today's open lines and one of the open credits.

    ``totals`` has a key per bucket of ``bucket_set`` (whose first bucket is "not due") and the
    unapplied credits; ``top_overdue`` lists {"customer_id", "overdue", "items"}, largest first.
    """
    rules = bucket_rules(bucket_set)
    keys = [*(r.key for r in rules), domain.UNAPPLIED]
    if not company_ids:
        return DashboardFigures(_bucket_labels(rules), dict.fromkeys(keys, 0), [], {"items": 0, "amount": 0})
    sums, sums_params = _bucket_sums("l.due_on", "l.amount", domain.limits(rules, today, bucket_set.unit))
    scope, scope_params = _scope_sql("l", company_ids, None, None)
    sql = _DASHBOARD_SQL.format(
        open_lines=_OPEN_LINES,
        scope=scope,
        zeros=", ".join("0" for _sum in sums),
        bucket_sums=", ".join(sums),
    )
    params = [today, today, today, *scope_params, today, top, today, week_end, today, week_end, *sums_params]
    credit_scope, credit_scope_params = _scope_sql("d", company_ids, None, None)
    with report_session():
        found = _grouped(sql, params)
        unapplied = _grouped(
            _UNAPPLIED_SQL.format(open_credits=_OPEN_CREDITS.format(scope=credit_scope)),
            [today, *credit_scope_params, today, today, *credit_scope_params, today],
        )[0][0]
    totals, top_rows, week = dict.fromkeys(keys, 0), [], {"items": 0, "amount": 0}
    for customer_id, overdue, items, week_amount, week_items, *amounts in found:
        if customer_id is None:
            totals.update(zip(keys, (int(a or 0) for a in amounts), strict=False))
            week = {"items": int(week_items or 0), "amount": int(week_amount or 0)}
        else:
            top_rows.append({"customer_id": customer_id, "overdue": int(overdue), "items": int(items)})
    totals[domain.UNAPPLIED] = int(unapplied)
    return DashboardFigures(_bucket_labels(rules), totals, top_rows, week)


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
