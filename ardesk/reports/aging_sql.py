"""The SQL of the aging's sums: the open items and unapplied credits of a date, per key and bucket.

The open amounts on the date are the ledger's open-items statement (ardesk.ledger.open_items); this
module sums them into buckets. Shared by the report (ardesk.reports.selectors), which joins the sums
to the names its grouping shows, and the kept aging (ardesk.reports.kept), which stores them per
customer and reads them back.
Identifiers are fixed column names; every value is a placeholder.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection

from ardesk.ledger import open_items
from ardesk.ledger.open_items import report_session, scope_sql
from ardesk.reports.models import BucketSet

__all__ = ["bucket_sums", "code_point_order", "grouped_sums", "report_session", "row_columns", "scope_sql"]

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
    sums, sums_params = bucket_sums("l.aged_on", "l.amount", bucket_limits)
    rows, params = open_items.open_amount_rows(
        as_of=as_of,
        basis=bucket_set.basis,
        keys=keys,
        company_ids=company_ids,
        functional=functional,
        currency=currency,
        customer_ids=customer_ids,
    )
    sql = _SUMS_SQL.format(
        keys=", ".join(f"l.{k}" for k in keys),
        sums=", ".join(f"{sql} AS b{n}" for n, sql in enumerate(sums)),
        rows=rows,
    )
    return sql, [*sums_params, *params]
