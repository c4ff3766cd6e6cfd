"""The open-items statement: the SQL of what was open on a date, for the readers that sum millions of items.

The ledger owns the rule (see ``ledger.open_state``): an item open on a date D was issued by D and
is never settled or settled after D, and its open amount on D is today's open amount plus the
allocations dated after D; a credit's unapplied amount likewise. The aging (reports), the dashboard,
the provision run (provisioning) and the dunning run (collections) compose the fragments below into
their own statements instead of naming the ledger's tables, the way the credit check reads
``selectors.exposure_statement``. ``selectors.open_lines`` and ``open_credits`` state the same
rule through the ORM for the screens that read a few items.

Every fragment is fixed text: identifiers are this module's constants or columns a caller names,
every value is a placeholder, and each fragment says which parameters it takes, in order. The
conditions are written as the ledger's indexes are (``ledger.models``: the (settled_on) covering
indexes, the partial indexes of items reopened, the (customer, …) indexes, the (allocated_on)
index), so that PostgreSQL and SQLite both read the indexes rather than the tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from ardesk.ledger.models import Allocation

# The columns of a due line that the statements below read from the (settled_on) covering index.
LINE_COLUMNS = "id, customer_id, company_id, currency, issue_on, due_on, open_now, open_functional_now"

# The items that can be open on a date are those never settled and those settled after it, read as
# two ranges of the (settled_on) index that carries the columns needed, so PostgreSQL reads the index
# alone. Param: the date.
_LINES_OPEN_ON_DATE = """(
    SELECT {columns}
    FROM ledger_dueline WHERE settled_on IS NULL
    UNION ALL
    SELECT {columns}
    FROM ledger_dueline WHERE settled_on > %s{still_open}
)"""
# Of the items settled after the date, those still open today (reversed before they were paid or
# used up), read from their own partial index; written as the index's condition so that PostgreSQL
# and SQLite both use it.
_LINES_STILL_OPEN = " AND settled_on IS NOT NULL AND NOT (open_now = 0)"


def lines_open_on(columns: str = LINE_COLUMNS, *, owed: bool = False) -> str:
    """A subquery of the due lines that can be open on a date (param: the date), with ``columns``.

    Their open amount on the date is ``open_now`` plus the allocations after it (``allocations_after``).
    With ``owed``, only the lines with something open today: enough for sums of the open amounts,
    whose allocations after the date are summed beside them (``open_amount_rows``).
    """
    return _LINES_OPEN_ON_DATE.format(columns=columns, still_open=_LINES_STILL_OPEN if owed else "")


OPEN_LINES = lines_open_on()
OWED_LINES = lines_open_on(owed=True)

# The credits that can be unapplied on a date, as the two ranges of the open-credits index that
# carries these columns (never settled, settled after the date); ``{scope}`` is a ``scope_sql`` of
# table ``d``; params: date, scope, date, date, scope.
_CREDITS_OPEN_ON_DATE = "d.amount < 0 AND d.reversal_of_id IS NULL AND d.status = 'posted' AND d.issue_on <= %s{scope}"
_CREDITS_OPEN = f"""(
    SELECT d.id, d.customer_id, d.company_id, d.currency, d.unapplied_now, d.unapplied_functional_now
    FROM ledger_document d WHERE d.settled_on IS NULL AND {_CREDITS_OPEN_ON_DATE}
    UNION ALL
    SELECT d.id, d.customer_id, d.company_id, d.currency, d.unapplied_now, d.unapplied_functional_now
    FROM ledger_document d WHERE d.settled_on > %s<still open> AND {_CREDITS_OPEN_ON_DATE}
)"""  # noqa: S608 (fixed text; values are placeholders)
OPEN_CREDITS = _CREDITS_OPEN.replace("<still open>", "")
OWED_CREDITS = _CREDITS_OPEN.replace("<still open>", " AND d.settled_on IS NOT NULL AND NOT (d.unapplied_now = 0)")

# Of a few customers (a customer's page, the customers the kept aging recomputes): their lines and
# credits that can be open on the date, found through the (customer, …) indexes. The settled dates
# are compared through COALESCE so that no plan reads every open item of the (settled_on) indexes
# only to keep those of the customers (the credits' took 0.12 s for 1,000 customers).
# Lines: param the date; credits: params date, date, scope.
_OPEN_ON_DATE = "COALESCE({table}settled_on, '9999-12-31') > %s"
OPEN_LINES_OF_CUSTOMERS = f"""(
    SELECT id, customer_id, company_id, currency, issue_on, due_on, open_now, open_functional_now
    FROM ledger_dueline WHERE {_OPEN_ON_DATE.format(table="")}
)"""  # noqa: S608 (fixed text; values are placeholders)
OPEN_CREDITS_OF_CUSTOMERS = f"""(
    SELECT d.id, d.customer_id, d.company_id, d.currency, d.unapplied_now, d.unapplied_functional_now
    FROM ledger_document d WHERE {_OPEN_ON_DATE.format(table="d.")} AND {_CREDITS_OPEN_ON_DATE}
)"""  # noqa: S608 (fixed text; values are placeholders)

# What the allocations dated after a date took from each line (or credit): added back to today's
# open amount, it gives the open amount on the date. Columns: the key, ``a`` (document currency)
# and ``f`` (functional). Params: the date, then the scope's.
_ALLOCATED_AFTER = {
    "line": """
    SELECT a.line_id, CAST(SUM(a.amount) AS BIGINT) AS a, CAST(SUM(a.functional_amount) AS BIGINT) AS f
    FROM ledger_allocation a WHERE a.allocated_on > %s{scope} GROUP BY a.line_id
""",
    "source": """
    SELECT a.source_id, CAST(SUM(a.amount) AS BIGINT) AS a, CAST(SUM(a.source_functional_amount) AS BIGINT) AS f
    FROM ledger_allocation a WHERE a.allocated_on > %s{scope} GROUP BY a.source_id
""",
}


def allocations_after(of: str = "line", scope: str = "") -> str:
    """The allocations dated after a date summed per line (``of="line"``) or per credit (``"source"``):
    columns ``line_id`` or ``source_id``, ``a``, ``f``; params: the date, then ``scope``'s (conditions
    on table ``a``)."""
    return _ALLOCATED_AFTER[of].format(scope=scope)


# The same rule through the ORM, for the screens that read a few items (``selectors.open_lines``,
# ``selectors.open_credits``).
def allocated_after(as_of: dt.date, field: str, column: str = "amount"):
    """What allocations dated after the date took from the row: added back, it gives the open amount then."""
    allocations = (
        Allocation.objects.filter(**{field: OuterRef("pk")}, allocated_on__gt=as_of)
        .values(field)
        .annotate(total=Sum(column))
        .values("total")
    )
    return Coalesce(Subquery(allocations), Value(0))


def open_on_q(as_of: dt.date) -> Q:
    """Rows (due lines or credits) that can be open on a date: issued by it, never settled or settled after it."""
    return Q(issue_on__lte=as_of) & (Q(settled_on__isnull=True) | Q(settled_on__gt=as_of))


# Today's open items and unapplied credits of some customers at a company, for the credit check
# (``selectors.exposure_statement``): the rows still open (``settled_on`` empty), through the
# (customer, due date) and (customer, issue date) indexes.
EXPOSURE = """
SELECT COALESCE(SUM(l.open_functional_now), 0) AS open_total,
       COALESCE(SUM(CASE WHEN l.due_on < %s THEN l.open_functional_now ELSE 0 END), 0) AS overdue_total,
       MIN(CASE WHEN l.due_on < %s THEN l.due_on END) AS oldest_due_on,
       (SELECT COALESCE(SUM(d.unapplied_functional_now), 0) FROM ledger_document d
        WHERE d.customer_id IN ({marks}) AND d.company_id = %s AND d.amount < 0 AND d.settled_on IS NULL
          AND d.status = %s AND d.reversal_of_id IS NULL) AS unapplied_total
FROM ledger_dueline l
WHERE l.customer_id IN ({marks}) AND l.company_id = %s AND l.settled_on IS NULL AND l.open_now > 0
"""


def scope_sql(table: str, company_ids: list[int], currency: str | None, customer_ids) -> tuple[str, list]:
    """The companies, currency and customers read, as conditions on ``table``. With customers, the
    company is compared as ``+company_id``, which no index serves: SQLite otherwise read every
    document of the company through its (company, …) index rather than the customers' through
    theirs (5.1 s instead of 0.1 s for 1,000 customers)."""
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


# A line's open amount on a date is today's plus the allocations dated after it, and a credit's
# unapplied amount likewise; the sums are linear, so each sum as of a date is the sum of today's open
# amounts of the items that can be open on it plus the sum of the allocations dated after it, each
# allocation counted for its line if the line was issued by the date and for its credit if the credit
# was. Allocations keep their line's dates and their credit's date (Allocation.facts), so they are
# read from the (allocated_on) index alone and summed beside the items, in one grouping with no join:
# a past date reads about 160,000 rows rather than hashing 500,000 allocations to join them to their
# lines. An item settled by the date has no allocation after it (a line is settled on its last
# allocation, or on its reversal, which is never dated before the last).
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
# The date a line is aged from, per basis (reports.AgingBasis: days past due, or age since the document date).
AGED_ON = {"due": "due_on", "document": "issue_on"}


def open_amount_rows(
    *,
    as_of: dt.date,
    basis: str,
    keys: tuple[str, ...],
    company_ids: list[int],
    functional: bool,
    currency: str | None = None,
    customer_ids: list[int] | None = None,
) -> tuple[str, list]:
    """Rows whose sums per ``keys`` are the open amounts on a date: ``keys`` (columns of the due lines,
    credits and allocations, e.g. customer_id, company_id), ``aged_on`` (the line's date of the
    ``basis``, NULL for a credit), ``amount`` (owed by a line) and ``credit`` (unapplied, positive).

    Summed per key and per range of ``aged_on`` they make an aging as of the date; the rows are not
    items (an item open on the date may have several, and an item settled since none of its own).
    """
    aged_on = AGED_ON[basis]
    line_amount, allocated = ("open_functional_now", "functional_amount") if functional else ("open_now", "amount")
    credit_amount, source_allocated = (
        ("unapplied_functional_now", "source_functional_amount") if functional else ("unapplied_now", "amount")
    )
    line_scope, line_scope_params = scope_sql("l", company_ids, currency, customer_ids)
    credit_scope, credit_scope_params = scope_sql("d", company_ids, currency, customer_ids)
    few = customer_ids is not None
    rows = _LINE_ROWS.format(
        keys=_keys("l", keys),
        aged_on=aged_on,
        amount=line_amount,
        open_lines=OPEN_LINES_OF_CUSTOMERS if few else OWED_LINES,
        scope=line_scope,
    )
    rows += "\n        UNION ALL" + _CREDIT_ROWS.format(
        keys=_keys("d", keys),
        amount=credit_amount,
        open_credits=(OPEN_CREDITS_OF_CUSTOMERS if few else OWED_CREDITS).format(scope=credit_scope),
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
    return rows, params


def _keys(table: str, keys: tuple[str, ...]) -> str:
    return ", ".join(f"{table}.{k}" for k in keys)


# The customers with a document, an allocation, or an allocation to one of their items past given
# positions (the highest document and allocation ids a reader had seen). Each allocation's line is
# looked up by its key: joined, PostgreSQL hashed all 1,000,000 lines for 10,000 allocations.
# Params: document id, allocation id, allocation id.
CUSTOMERS_POSTED_SINCE = """
SELECT customer_id FROM ledger_document WHERE id > %s
UNION SELECT customer_id FROM ledger_allocation WHERE id > %s
UNION SELECT (SELECT l.customer_id FROM ledger_dueline l WHERE l.id = a.line_id)
      FROM ledger_allocation a WHERE a.id > %s"""
# The tables a reader of those positions holds against writers (documents, then allocations).
POSTED_TABLES = ("ledger_document", "ledger_allocation")

# Memory for each sort or hash of the open-items statements on PostgreSQL (the server default is 4MB).
REPORT_WORK_MEM = "64MB"
# The cost of a page read at random, for the open-items statements: what PostgreSQL's manuals suggest
# for storage where random reads cost about as much as sequential ones (SSD, or a ledger held in
# memory). At the default 4 the planner read all 949,430 allocations (0.16 to 0.24 s) rather than the
# 500,000 index entries dated after a year-ago date (0.06 s).
REPORT_RANDOM_PAGE_COST = "1.1"
_SESSION_SETTINGS = ("jit", "work_mem", "max_parallel_workers_per_gather", "random_page_cost")


@contextmanager
def report_session() -> Iterator[None]:
    """On PostgreSQL, run the open-items statements without JIT, with more sort memory and with random
    reads costed as on SSD, then restore the settings.

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


# The open foreign-currency balance per customer and currency of a company on a date, in the document
# currency and in the functional currency at the historical rates (what the books carry), for the
# month-end FX revaluation: lines owed less credits unapplied, plus what the allocations dated after
# the date took (as in ``open_amount_rows``). Params: date, date, company, functional currency (lines);
# date, company, functional currency, date, date, company, functional currency (credits); and, with
# later allocations, date, date, date, date, date, company, functional currency.
_FOREIGN = " AND {t}.company_id = %s AND {t}.currency <> %s"
_FOREIGN_LINES = f"""
        SELECT l.customer_id, l.currency, l.open_now AS amount, l.open_functional_now AS functional
        FROM {OWED_LINES} l WHERE l.issue_on <= %s{_FOREIGN.format(t="l")}"""  # noqa: S608 (fixed text)
_FOREIGN_CREDITS = f"""
        SELECT d.customer_id, d.currency, -d.unapplied_now, -d.unapplied_functional_now
        FROM {OWED_CREDITS.format(scope=_FOREIGN.format(t="d"))} d"""  # noqa: S608 (fixed text)
_FOREIGN_LATER = f"""
        SELECT a.customer_id, a.currency,
               CASE WHEN a.line_issue_on <= %s THEN a.amount ELSE 0 END
               - CASE WHEN a.source_issue_on <= %s THEN a.amount ELSE 0 END,
               CASE WHEN a.line_issue_on <= %s THEN a.functional_amount ELSE 0 END
               - CASE WHEN a.source_issue_on <= %s THEN a.source_functional_amount ELSE 0 END
        FROM ledger_allocation a
        WHERE a.allocated_on > %s{_FOREIGN.format(t="a")}"""  # noqa: S608 (fixed text)


def foreign_open_balances(*, as_of: dt.date, company_id: int, functional_currency: str) -> tuple[str, list]:
    """One statement: per customer and foreign currency of a company, the open amount on the date in the
    document currency (``amount``) and in the functional currency at the historical rates
    (``functional``), both in minor units; customers with nothing open are left out."""
    rows = _FOREIGN_LINES + "\n        UNION ALL" + _FOREIGN_CREDITS
    params: list = [as_of, as_of, company_id, functional_currency]
    params += [as_of, company_id, functional_currency, as_of, as_of, company_id, functional_currency]
    if Allocation.objects.filter(allocated_on__gt=as_of).exists():
        rows += "\n        UNION ALL" + _FOREIGN_LATER
        params += [as_of, as_of, as_of, as_of, as_of, company_id, functional_currency]
    sql = f"""
SELECT r.customer_id, r.currency, CAST(SUM(r.amount) AS BIGINT), CAST(SUM(r.functional) AS BIGINT)
FROM ({rows}
) r
GROUP BY r.customer_id, r.currency
HAVING SUM(r.amount) <> 0 OR SUM(r.functional) <> 0
ORDER BY r.customer_id, r.currency"""  # noqa: S608 (fixed text; values are placeholders)
    return sql, params
