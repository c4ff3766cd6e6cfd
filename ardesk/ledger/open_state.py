"""The open state kept on due lines and credits, so that reports read only what can be open.

Allocations are the truth: an item's open amount as of a date is its amount less the allocations
dated on or before that date. Summing them for a million items on every report is what makes
aging slow, so each due line keeps its open amount today (``open_now``, ``open_functional_now``)
and the day it stopped being open (``settled_on``: the day of the allocation that closed it, or
of the reversal that cancelled it; empty while open). Credits keep the same as ``unapplied_now``,
``unapplied_functional_now`` and ``settled_on``.

Two facts follow, and the aging report rests on them:

- an item open today has ``settled_on`` empty, so today's report reads only those rows;
- an item open on a past date D was issued by D and has ``settled_on`` empty or after D, and its
  open amount on D is today's open amount plus the allocations dated after D (a reversal is
  never dated before the document's last allocation, so it cannot hide one).

Every write that adds an allocation or a reversal calls ``lines_refresh`` / ``credits_refresh``
with the rows it touched, in the same transaction; both recompute from the allocations rather
than adjusting by a difference, so a refresh is always safe to repeat.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet

from ardesk.ledger.models import Document, DocumentStatus, DueLine

# What each line's and credit's open state must be, recomputed from the allocations: the refresh
# writes it, the integrity check (ledger.integrity) compares it with what is stored.
LINES_STATE = """
    SELECT l.id,
           l.amount - COALESCE(a.total, 0) AS open_amount,
           l.functional_amount - COALESCE(a.functional, 0) AS open_functional,
           CASE
               WHEN r.issue_on IS NOT NULL THEN r.issue_on
               WHEN l.amount = COALESCE(a.total, 0) THEN COALESCE(a.last_on, l.issue_on)
           END AS settled_on
    FROM ledger_dueline l
    LEFT JOIN (
        SELECT line_id, SUM(amount) AS total, SUM(functional_amount) AS functional, MAX(allocated_on) AS last_on
        FROM ledger_allocation
        WHERE line_id IN ({ids})
        GROUP BY line_id
    ) a ON a.line_id = l.id
    LEFT JOIN ledger_document r ON r.reversal_of_id = l.document_id AND r.status = '{posted}'
    WHERE l.id IN ({ids})
"""
CREDITS_STATE = """
    SELECT d.id,
           CASE WHEN d.amount < 0 AND d.reversal_of_id IS NULL THEN -d.amount - COALESCE(a.total, 0) ELSE 0 END
               AS unapplied,
           CASE WHEN d.amount < 0 AND d.reversal_of_id IS NULL
                THEN -d.functional_amount - COALESCE(a.functional, 0) ELSE 0 END AS unapplied_functional,
           CASE
               WHEN d.amount > 0 OR d.reversal_of_id IS NOT NULL OR d.status <> '{posted}' THEN d.issue_on
               WHEN r.issue_on IS NOT NULL THEN r.issue_on
               WHEN -d.amount = COALESCE(a.total, 0) THEN COALESCE(a.last_on, d.issue_on)
           END AS settled_on
    FROM ledger_document d
    LEFT JOIN (
        SELECT source_id, SUM(amount) AS total, SUM(source_functional_amount) AS functional,
               MAX(allocated_on) AS last_on
        FROM ledger_allocation
        WHERE source_id IN ({ids})
        GROUP BY source_id
    ) a ON a.source_id = d.id
    LEFT JOIN ledger_document r ON r.reversal_of_id = d.id AND r.status = '{posted}'
    WHERE d.id IN ({ids})
"""
_LINES_SQL = f"""
UPDATE ledger_dueline
SET open_now = s.open_amount, open_functional_now = s.open_functional, settled_on = s.settled_on
FROM ({LINES_STATE}) s
WHERE ledger_dueline.id = s.id
"""  # noqa: S608 (fixed text)
_CREDITS_SQL = f"""
UPDATE ledger_document
SET unapplied_now = s.unapplied, unapplied_functional_now = s.unapplied_functional, settled_on = s.settled_on
FROM ({CREDITS_STATE}) s
WHERE ledger_document.id = s.id
"""  # noqa: S608 (fixed text)


def _run(template: str, ids: QuerySet) -> None:
    ids_sql, ids_params = ids.values("pk").query.sql_with_params()
    sql = template.format(ids=ids_sql, posted=DocumentStatus.POSTED.value)
    with connection.cursor() as cursor:
        cursor.execute(sql, (*ids_params, *ids_params))


def lines_refresh(lines: QuerySet) -> None:
    """Recompute the open amount and settled date of the due lines in a queryset from their allocations."""
    _run(_LINES_SQL, lines)


def credits_refresh(documents: QuerySet) -> None:
    """Recompute the unapplied amount and settled date of the documents in a queryset from their allocations.

    Debits and reversal documents get nothing unapplied and count as settled on their own date,
    so the credit side of a report never reads them.
    """
    _run(_CREDITS_SQL, documents)


def allocations_refresh(*, line_ids, source_ids) -> None:
    """Refresh the lines and credits that new allocations touched (imports write them in bulk)."""
    if line_ids:
        lines_refresh(DueLine.objects.filter(pk__in=list(line_ids)))
    if source_ids:
        credits_refresh(Document.objects.filter(pk__in=list(source_ids)))
