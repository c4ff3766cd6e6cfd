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

# A line's open amount on a date is today's plus the allocations dated after it, and a credit's
# unapplied amount likewise; the sums are linear, so each bucket's sum as of a date is the sum of
# today's open amounts of the items that can be open on it plus the sum of the allocations dated after
# it, each allocation counted for its line if the line was issued by the date and for its credit if
# the credit was. Allocations keep their line's dates and their credit's date (Allocation.facts), so
# they are read from the (allocated_on) index alone and summed beside the items, in one grouping
# with no join: a past date reads about 160,000 rows rather than hashing 500,000 allocations to
# join them to their lines. An item settled by the date has no allocation after it (a line is
# settled on its last allocation, or on its reversal, which is never dated before the last).
#
# The items that can be open on the date are those never settled and those settled after it, read as
# two ranges of the (settled_on) index that carries the columns needed, so PostgreSQL reads the index
# alone (the dashboard reads them so, with each line's allocations after the date).
_LINES_OPEN_ON_DATE = """(
    SELECT id, customer_id, company_id, currency, issue_on, due_on, open_now, open_functional_now
    FROM ledger_dueline WHERE settled_on IS NULL
    UNION ALL
    SELECT id, customer_id, company_id, currency, issue_on, due_on, open_now, open_functional_now
    FROM ledger_dueline WHERE settled_on > %s<still open>
)"""
OPEN_LINES = _LINES_OPEN_ON_DATE.replace("<still open>", "")
# The sums need only the items with something open today: of those settled after the date, the few
# still open (reversed before they were paid or used up), read from their own partial index; the
# conditions are written as the indexes' so that PostgreSQL and SQLite both use it.
_OWED_LINES = _LINES_OPEN_ON_DATE.replace("<still open>", " AND settled_on IS NOT NULL AND NOT (open_now = 0)")
_LINE_ROWS = """
        SELECT {keys}, l.{aged_on} AS aged_on, l.{amount} AS amount, 0 AS credit
        FROM {open_lines} l WHERE l.issue_on <= %s{scope}"""
_CREDIT_ROWS = """
        SELECT {keys}, NULL, 0, d.{amount}
        FROM {open_credits} d"""
_LATER_ROWS = """
        SELECT {keys}, a.line_{aged_on}, CASE WHEN a.line_issue_on <= %s THEN a.{allocated} ELSE 0 END,
               CASE WHEN a.source_issue_on <= %s THEN a.{source_allocated} ELSE 0 END
        FROM ledger_allocation a
        WHERE a.allocated_on > %s AND (a.line_issue_on <= %s OR a.source_issue_on <= %s){scope}"""
# The credits that can be unapplied on a date, as the two ranges of the open-credits index that
# carries these columns (never settled, settled after the date); params: date, scope, date, date, scope.
_CREDITS_OPEN_ON_DATE = "d.amount < 0 AND d.reversal_of_id IS NULL AND d.status = 'posted' AND d.issue_on <= %s{scope}"
_CREDITS_OPEN = f"""(
    SELECT d.id, d.customer_id, d.company_id, d.currency, d.unapplied_now, d.unapplied_functional_now
    FROM ledger_document d WHERE d.settled_on IS NULL AND {_CREDITS_OPEN_ON_DATE}
    UNION ALL
    SELECT d.id, d.customer_id, d.company_id, d.currency, d.unapplied_now, d.unapplied_functional_now
    FROM ledger_document d WHERE d.settled_on > %s<still open> AND {_CREDITS_OPEN_ON_DATE}
)"""  # noqa: S608 (fixed text; values are placeholders)
OPEN_CREDITS = _CREDITS_OPEN.replace("<still open>", "")
_OWED_CREDITS = _CREDITS_OPEN.replace("<still open>", " AND d.settled_on IS NOT NULL AND NOT (d.unapplied_now = 0)")
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


# The cost of a page read at random, for the report's queries: what PostgreSQL's manuals suggest for
# storage where random reads cost about as much as sequential ones (SSD, or a ledger held in memory).
# At the default 4 the planner read all 949,430 allocations (0.16 to 0.24 s) rather than the 500,000
# index entries dated after a year-ago date (0.06 s).
REPORT_RANDOM_PAGE_COST = "1.1"
_SESSION_SETTINGS = ("jit", "work_mem", "max_parallel_workers_per_gather", "random_page_cost")


@contextmanager
def report_session() -> Iterator[None]:
    """On PostgreSQL, run the report's queries without JIT, with more sort memory and with random reads
    costed as on SSD, then restore the settings.

    Their estimated cost is above the default ``jit_above_cost``, and compiling them to machine
    code took 0.1 to 0.5 s, more than the queries themselves; with the default 4MB ``work_mem``
    grouping 200,000 open items per customer and bucket spilled to disk (1,000,000 items, 2 cores).
    """
    if connection.vendor != "postgresql":
        yield
        return
    report = {
        "jit": "off",
        "work_mem": REPORT_WORK_MEM,
        "max_parallel_workers_per_gather": "0",
        "random_page_cost": REPORT_RANDOM_PAGE_COST,
    }
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT "
            + ", ".join(f"current_setting('{name}')" for name in _SESSION_SETTINGS)
            + ", "
            + ", ".join(f"set_config('{name}', %s, true)" for name in _SESSION_SETTINGS),
            [report[name] for name in _SESSION_SETTINGS],
        )
        before = cursor.fetchone()[: len(_SESSION_SETTINGS)]
        yield
        cursor.execute(
            "SELECT " + ", ".join(f"set_config('{name}', %s, true)" for name in _SESSION_SETTINGS), list(before)
        )


_SUMS_SQL = """
SELECT {keys}, {sums}, -CAST(SUM(l.credit) AS BIGINT) AS u
FROM ({rows}
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
        when = f" FILTER (WHERE {' AND '.join(conditions)})" if conditions else ""
        sums.append(f"COALESCE(CAST(SUM({amount}){when} AS BIGINT), 0)")
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
    """A statement of one row per ``keys`` (columns of the due lines, credits and allocations, e.g.
    customer_id, company_id) with its bucket sums ``b0``, ``b1``… and its unapplied credits ``u`` as
    of a date."""
    aged_on = "due_on" if bucket_set.basis == AgingBasis.DUE else "issue_on"
    line_amount, allocated = ("open_functional_now", "functional_amount") if functional else ("open_now", "amount")
    credit_amount, source_allocated = (
        ("unapplied_functional_now", "source_functional_amount") if functional else ("unapplied_now", "amount")
    )
    sums, sums_params = bucket_sums("l.aged_on", "l.amount", bucket_limits)
    line_scope, line_scope_params = scope_sql("l", company_ids, currency, customer_ids)
    credit_scope, credit_scope_params = scope_sql("d", company_ids, currency, customer_ids)
    few = customer_ids is not None
    rows = _LINE_ROWS.format(
        keys=_keys("l", keys),
        aged_on=aged_on,
        amount=line_amount,
        open_lines=OPEN_LINES_OF_CUSTOMERS if few else _OWED_LINES,
        scope=line_scope,
    )
    rows += "\n        UNION ALL" + _CREDIT_ROWS.format(
        keys=_keys("d", keys),
        amount=credit_amount,
        open_credits=(OPEN_CREDITS_OF_CUSTOMERS if few else _OWED_CREDITS).format(scope=credit_scope),
    )
    if few:
        credit_params = [as_of, as_of, *credit_scope_params]
    else:
        credit_params = [as_of, *credit_scope_params, as_of, as_of, *credit_scope_params]
    params = [as_of, as_of, *line_scope_params, *credit_params]
    if Allocation.objects.filter(allocated_on__gt=as_of).exists():
        later_scope, later_scope_params = scope_sql("a", company_ids, currency, customer_ids)
        rows += "\n        UNION ALL" + _LATER_ROWS.format(
            keys=_keys("a", keys),
            aged_on=aged_on,
            allocated=allocated,
            source_allocated=source_allocated,
            scope=later_scope,
        )
        params += [as_of, as_of, as_of, as_of, as_of, *later_scope_params]
    sql = _SUMS_SQL.format(
        keys=", ".join(f"l.{k}" for k in keys),
        sums=", ".join(f"{sql} AS b{n}" for n, sql in enumerate(sums)),
        rows=rows,
    )
    return sql, [*sums_params, *params]


def _keys(table: str, keys: tuple[str, ...]) -> str:
    return ", ".join(f"{table}.{k}" for k in keys)
