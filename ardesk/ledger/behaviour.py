"""How every customer of a company pays and what it owes, in a few grouped statements: the risk scan's input.

The risk context (``ardesk.risk``) reads its early-warning facts for 100,000 customers at once; the
ledger owns the SQL over its tables, so the statements are written here, each grouped by customer,
whatever the number of customers (never one query per customer).
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.models import Max, Min, Q, Sum, Value
from django.db.models.functions import Coalesce

from ardesk.core import clock
from ardesk.ledger.models import Document, DocumentStatus, DueLine
from ardesk.ledger.selectors import open_credits, open_lines


def _days_between(later: str, earlier: str) -> str:
    """SQL for the whole days from one date column to another, on PostgreSQL and SQLite."""
    if connection.vendor == "postgresql":
        return f"({later} - {earlier})"
    return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"


# Each customer's items paid in full in a period, newest payment first (rn = 1), with the days
# late of each (settled date less due date, never below zero). The last ``recent`` payments are
# the recent window; the earlier ones in the period are the customer's own history. Items reversed
# unpaid keep something open (open_now > 0) and are left out: they were not paid.
_LATENESS = """
WITH paid AS (
    SELECT customer_id,
           CASE WHEN {late} > 0 THEN {late} ELSE 0 END AS late,
           ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY settled_on DESC, id DESC) AS rn
    FROM ledger_dueline
    WHERE settled_on > %s AND settled_on <= %s AND company_id = %s AND open_now = 0
)
SELECT customer_id,
       SUM(CASE WHEN rn <= %s THEN 1 ELSE 0 END),
       AVG(CASE WHEN rn <= %s THEN late END),
       MAX(CASE WHEN rn = %s THEN late END),
       MAX(CASE WHEN rn = 1 THEN late END),
       SUM(CASE WHEN rn > %s THEN 1 ELSE 0 END),
       AVG(CASE WHEN rn > %s THEN late END)
FROM paid
GROUP BY customer_id
"""


def payment_lateness(*, company_id: int, as_of: dt.date, recent: int, since: dt.date) -> dict[int, dict]:
    """Per customer, days late of the items paid in (since, as_of]: the last ``recent`` payments and the earlier.

    ``recent_count``, ``recent_average``, ``recent_first`` (the oldest of the recent window, when
    it is full), ``recent_last`` (the newest), ``history_count``, ``history_average``. Averages are
    plain (one item, one vote) so that the evidence reads as the items do.
    """
    sql = _LATENESS.format(late=_days_between("settled_on", "due_on"))
    with connection.cursor() as cursor:
        cursor.execute(sql, [since, as_of, company_id, recent, recent, recent, recent, recent])
        rows = cursor.fetchall()
    return {
        row[0]: {
            "recent_count": int(row[1]),
            "recent_average": None if row[2] is None else float(row[2]),
            "recent_first": row[3],
            "recent_last": row[4],
            "history_count": int(row[5]),
            "history_average": None if row[6] is None else float(row[6]),
        }
        for row in rows
    }


def open_position(*, company_id: int, as_of: dt.date, due_within_days: int) -> dict[int, dict]:
    """Per customer with something open on the date: open, overdue, oldest overdue due date, unapplied credits,
    and the largest item falling due within ``due_within_days`` after the date (functional minor units).

    Today (or later) reads the rows still open (``settled_on`` empty) through their covering index; a
    past date reads the items open then (``selectors.open_lines``), slower but exact.
    """
    soon = as_of + dt.timedelta(days=due_within_days)
    is_now = as_of >= clock.today()
    if is_now:
        lines = DueLine.objects.filter(company_id=company_id, settled_on__isnull=True, open_now__gt=0)
        amount = "open_functional_now"
    else:
        lines = open_lines(as_of=as_of, company_ids=[company_id])
        amount = "open_functional"
    grouped = lines.values("customer_id").annotate(
        open=Sum(amount),
        overdue=Coalesce(Sum(amount, filter=Q(due_on__lt=as_of)), Value(0)),
        oldest_overdue_on=Min("due_on", filter=Q(due_on__lt=as_of)),
        largest_due_soon=Coalesce(Max(amount, filter=Q(due_on__gte=as_of, due_on__lte=soon)), Value(0)),
    )
    figures = {row.pop("customer_id"): {**row, "unapplied": 0} for row in grouped}
    if is_now:
        credits = Document.objects.filter(
            company_id=company_id,
            status=DocumentStatus.POSTED,
            amount__lt=0,
            reversal_of__isnull=True,
            settled_on__isnull=True,
        ).exclude(unapplied_functional_now=0)
        unapplied = credits.values("customer_id").annotate(total=Sum("unapplied_functional_now"))
    else:
        unapplied = (
            open_credits(as_of=as_of, company_ids=[company_id])
            .values("customer_id")
            .annotate(total=Sum("unapplied_functional"))
        )
    for row in unapplied:
        entry = figures.setdefault(
            row["customer_id"],
            {"open": 0, "overdue": 0, "oldest_overdue_on": None, "largest_due_soon": 0, "unapplied": 0},
        )
        entry["unapplied"] = int(row["total"])
    return figures
