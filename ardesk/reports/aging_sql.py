"""The SQL of the aging's sums: the open items and unapplied credits of a date, per key and bucket.

Shared by the report (ardesk.reports.selectors), which joins the sums to the names its grouping shows,
and the kept aging (ardesk.reports.kept), which stores them per customer and reads them back.
Identifiers are fixed column names; every value is a placeholder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction

from ardesk.ledger.models import Allocation
from ardesk.reports.models import AgingBasis, BucketSet

# The lines that can be open on the date are those never settled and those settled after it, read as
# two ranges of the (settled_on) index that carries the columns needed, so PostgreSQL reads the index
# alone. A line's open amount on the date is today's plus the allocations dated after it, and no
# open amount is ever negative, so each bucket's sum is the sum of today's open amounts plus the sum
# of those allocations, read from the (allocated_on) index that carries their amounts and joined to
# their lines: no grouping per line. Unapplied credits likewise. The amounts are summed into one
# column per bucket on integer columns first, the unapplied credits into their own column, and only
# those sums are joined to the names the grouping shows: one statement, one row per row of the report.
OPEN_LINES = """(
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
OPEN_CREDITS = f"""(
    SELECT d.id, d.customer_id, d.company_id, d.currency, d.unapplied_now, d.unapplied_functional_now
    FROM ledger_document d WHERE d.settled_on IS NULL AND {_CREDITS_OPEN_ON_DATE}
    UNION ALL
    SELECT d.id, d.customer_id, d.company_id, d.currency, d.unapplied_now, d.unapplied_functional_now
    FROM ledger_document d WHERE d.settled_on > %s AND {_CREDITS_OPEN_ON_DATE}
)"""  # noqa: S608 (fixed text; values are placeholders)
# Of a few customers (a customer's page, the customers the kept aging recomputes): their lines and
# credits that can be open on the date, found through the (customer, …) indexes. The settled dates
# are compared through COALESCE so that no plan reads every open item of the (settled_on) indexes
# only to keep those of the customers (the credits' took 0.12 s for 1,000 customers).
_OPEN_ON_DATE = "COALESCE({table}settled_on, '9999-12-31') > %s"
OPEN_LINES_OF_CUSTOMERS = f"""(
    SELECT id, customer_id, company_id, currency, issue_on, due_on, open_now, open_functional_now
    FROM ledger_dueline WHERE {_OPEN_ON_DATE.format(table="")}
)"""  # noqa: S608 (fixed text; values are placeholders)
OPEN_CREDITS_OF_CUSTOMERS = f"""(
    SELECT d.id, d.customer_id, d.company_id, d.currency, d.unapplied_now, d.unapplied_functional_now
    FROM ledger_document d WHERE {_OPEN_ON_DATE.format(table="d.")} AND {_CREDITS_OPEN_ON_DATE}
)"""  # noqa: S608 (fixed text; values are placeholders)
# What each grouping selects as (key, name, company code) and groups by; all columns, never user input.
GROUP_SQL = {
    "customer": ("c.id", "c.code", "c.name", "co.code"),
    "group": ("g.id", "g.code", "g.name", "co.code"),
    "company": ("co.id", "co.code", "co.name", "co.code"),
    "collector": ("u.id", "u.username", "u.first_name || ' ' || u.last_name", "''"),
    "currency": ("t.currency", "t.currency", "t.currency", "''"),
}


def row_columns(by: str) -> str:
    """Group id, key, name (the key when it has none) and company code, never NULL, as each row shows them."""
    group_id, key, name, company = GROUP_SQL[by]
    return f"{group_id}, COALESCE({key}, ''), COALESCE(NULLIF(TRIM({name}), ''), {key}, ''), COALESCE({company}, '')"


def code_point_order() -> str:
    """The collation that orders keys in code-point order, as Python compares them, whatever the
    database's locale (SQLite compares so by default)."""
    return ' COLLATE "C"' if connection.vendor == "postgresql" else ""


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


_SUMS_SQL = """
WITH open_lines AS (
    SELECT l.* FROM {open_lines} l WHERE l.issue_on <= %s{line_scope}
), open_credits AS (
    SELECT d.* FROM {open_credits} d
)
SELECT {keys}, {sums}, -CAST(SUM(l.credit) AS BIGINT) AS u
FROM ({line_rows}
    UNION ALL{credit_rows}
) l
GROUP BY {keys}
"""


def bucket_sums(column: str, amount: str, bucket_limits: list[dt.date]) -> tuple[list[str], list]:
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


def scope_sql(table: str, company_ids: list[int], currency: str | None, customer_ids) -> tuple[str, list]:
    """The companies, currency and customers a report covers, as conditions on ``table``. With
    customers, the company is compared as ``+company_id``, which no index serves: SQLite otherwise
    read every document of the company through its (company, …) index rather than the customers'
    through theirs (5.1 s instead of 0.1 s for 1,000 customers)."""
    marks = ", ".join(["%s"] * len(company_ids))
    unindexed = "+" if customer_ids is not None else ""
    sql = f" AND {unindexed}{table}.company_id IN ({marks})"
    params: list = list(company_ids)
    if currency:
        sql += f" AND {table}.currency = %s"
        params.append(currency)
    if customer_ids is not None:
        sql += f" AND {table}.customer_id IN ({', '.join(['%s'] * len(customer_ids))})"
        params.extend(customer_ids)
    return sql, params


def grouped_sums(
    *,
    as_of: dt.date,
    bucket_set: BucketSet,
    bucket_limits: list[dt.date],
    keys: tuple[str, ...],
    company_ids: list[int],
    functional: bool,
    currency: str | None = None,
    customer_ids: list[int] | None = None,
) -> tuple[str, list]:
    """A statement of one row per ``keys`` (columns of the due lines and credits, e.g. customer_id,
    company_id) with its bucket sums ``b0``, ``b1``… and its unapplied credits ``u`` as of a date."""
    date_column = "l.due_on" if bucket_set.basis == AgingBasis.DUE else "l.issue_on"
    line_amount, line_allocated = ("open_functional_now", "functional_amount") if functional else ("open_now", "amount")
    credit_amount, credit_allocated = (
        ("unapplied_functional_now", "source_functional_amount") if functional else ("unapplied_now", "amount")
    )
    sums, sums_params = bucket_sums(date_column, "l.amount", bucket_limits)
    line_scope, line_scope_params = scope_sql("l", company_ids, currency, customer_ids)
    credit_scope, credit_scope_params = scope_sql("d", company_ids, currency, customer_ids)
    later = Allocation.objects.filter(allocated_on__gt=as_of).exists()
    few = customer_ids is not None
    sql = _SUMS_SQL.format(
        open_lines=OPEN_LINES_OF_CUSTOMERS if few else OPEN_LINES,
        line_scope=line_scope,
        open_credits=(OPEN_CREDITS_OF_CUSTOMERS if few else OPEN_CREDITS).format(scope=credit_scope),
        keys=", ".join(f"l.{k}" for k in keys),
        sums=", ".join(f"{sql} AS b{n}" for n, sql in enumerate(sums)),
        line_rows=_LINE_ROWS.format(
            amount=line_amount, later=_LINES_LATER.format(allocated=line_allocated) if later else ""
        ),
        credit_rows=_CREDIT_ROWS.format(
            amount=credit_amount, later=_CREDITS_LATER.format(allocated=credit_allocated) if later else ""
        ),
    )
    params = [
        *[as_of, as_of, *line_scope_params],
        *(
            [as_of, as_of, *credit_scope_params]
            if few
            else [as_of, *credit_scope_params, as_of, as_of, *credit_scope_params]
        ),
        *sums_params,
        *([as_of, as_of] if later else []),
    ]
    return sql, params
