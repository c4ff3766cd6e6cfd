"""The ledger's derived data checked against its source (see ``core.integrity``).

- Each due line's and credit's stored open state equals what its allocations give
  (``open_state``: the refresh is the definition, recomputed here without writing).
- No line is overdrawn and no credit over-applied.
- Each allocation keeps its line's and its credit's dates and currency (``Allocation.facts``).
- The daily totals add up to the posted documents, and their triggers are all installed
  (``daily_totals``).
"""

from __future__ import annotations

from django.db import connection
from django.utils.translation import gettext as _

from ardesk.core.integrity import Problem, count_with_examples
from ardesk.ledger.daily_totals import triggers_missing
from ardesk.ledger.models import DocumentStatus
from ardesk.ledger.open_state import CREDITS_STATE, LINES_STATE

_POSTED = DocumentStatus.POSTED.value
_DIFFERENT_DATES = "(x.settled_on <> s.settled_on OR (x.settled_on IS NULL) <> (s.settled_on IS NULL))"
_LINES_DIFFER = f"""
    SELECT x.id FROM ledger_dueline x
    JOIN ({LINES_STATE.format(ids="SELECT id FROM ledger_dueline", posted=_POSTED)}) s ON s.id = x.id
    WHERE x.open_now <> s.open_amount OR x.open_functional_now <> s.open_functional OR {_DIFFERENT_DATES}
"""  # noqa: S608 (fixed text)
_CREDITS_DIFFER = f"""
    SELECT x.id FROM ledger_document x
    JOIN ({CREDITS_STATE.format(ids="SELECT id FROM ledger_document", posted=_POSTED)}) s ON s.id = x.id
    WHERE x.unapplied_now <> s.unapplied OR x.unapplied_functional_now <> s.unapplied_functional
       OR {_DIFFERENT_DATES}
"""  # noqa: S608 (fixed text)
_ALLOCATION_FACTS_DIFFER = """
    SELECT a.id FROM ledger_allocation a
    JOIN ledger_dueline l ON l.id = a.line_id JOIN ledger_document d ON d.id = a.source_id
    WHERE a.currency <> l.currency OR a.line_issue_on <> l.issue_on OR a.line_due_on <> l.due_on
       OR a.source_issue_on <> d.issue_on
"""
_LINES_OVERDRAWN = "SELECT id FROM ledger_dueline WHERE amount >= 0 AND (open_now < 0 OR open_now > amount)"
_CREDITS_OVERAPPLIED = (
    "SELECT id FROM ledger_document WHERE amount < 0 AND (unapplied_now < 0 OR unapplied_now > -amount)"
)


def open_state() -> list[Problem]:
    problems = []
    for check, sql, description in (
        (
            "ledger.open_state.lines",
            _LINES_DIFFER,
            _("due lines whose open amount or settled date is not what their allocations give"),
        ),
        (
            "ledger.open_state.credits",
            _CREDITS_DIFFER,
            _("credits whose unapplied amount or settled date is not what their allocations give"),
        ),
        (
            "ledger.overdrawn.lines",
            _LINES_OVERDRAWN,
            _("due lines open for less than nothing or more than their amount"),
        ),
        ("ledger.overapplied.credits", _CREDITS_OVERAPPLIED, _("credits applied for more than their amount")),
        (
            "ledger.allocation_facts",
            _ALLOCATION_FACTS_DIFFER,
            _("allocations whose copied dates or currency differ from their invoice's or credit's"),
        ),
    ):
        count, examples = count_with_examples(sql)
        if count:
            problems.append(Problem(check, description, count, examples))
    return problems


# Per company and currency: the posted documents' amounts and the daily totals, where they differ.
_DAILY_TOTALS = f"""
    SELECT company_id, currency, SUM(documents), SUM(totals), SUM(documents_functional), SUM(totals_functional)
    FROM (
        SELECT company_id, currency, amount AS documents, 0 AS totals,
               functional_amount AS documents_functional, 0 AS totals_functional
        FROM ledger_document WHERE status = '{DocumentStatus.POSTED.value}'
        UNION ALL
        SELECT company_id, currency, 0, balance, 0, balance_functional FROM ledger_ledgerday
    ) x
    GROUP BY company_id, currency
    HAVING SUM(documents) <> SUM(totals) OR SUM(documents_functional) <> SUM(totals_functional)
    ORDER BY company_id, currency
"""  # noqa: S608 (fixed text)


def daily_totals():
    """Companies and currencies whose daily totals do not add up to their posted documents, and the
    daily totals' triggers that are missing."""
    problems = []
    missing = triggers_missing()
    if missing:
        problems.append(
            Problem(
                "ledger.daily_totals.triggers",
                _("triggers of the daily totals missing: the totals no longer follow the ledger"),
                len(missing),
                missing[:5],
            )
        )
    with connection.cursor() as cursor:
        cursor.execute(_DAILY_TOTALS)
        rows = cursor.fetchall()
    if not rows:
        return problems
    return [
        *problems,
        Problem(
            "ledger.daily_totals",
            _("companies and currencies whose daily totals differ from their posted documents (documents / totals)"),
            len(rows),
            [
                f"{company_id}/{currency}: {documents} / {totals}"
                for company_id, currency, documents, totals, *_f in rows[:5]
            ],
        ),
    ]


CHECKS = [("ledger.open_state", open_state), ("ledger.daily_totals", daily_totals)]
