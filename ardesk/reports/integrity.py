"""The reports' daily totals and kept agings checked against the ledger (see ``core.integrity``)."""

from __future__ import annotations

from django.db import connection
from django.utils.translation import gettext as _

from ardesk.core.integrity import Problem
from ardesk.ledger.models import DocumentStatus
from ardesk.reports import kept
from ardesk.reports.models import KeptAging

# Per company and currency: the posted documents' amounts and the daily totals, where they differ.
_DAILY_TOTALS = f"""
    SELECT company_id, currency, SUM(documents), SUM(totals), SUM(documents_functional), SUM(totals_functional)
    FROM (
        SELECT company_id, currency, amount AS documents, 0 AS totals,
               functional_amount AS documents_functional, 0 AS totals_functional
        FROM ledger_document WHERE status = '{DocumentStatus.POSTED.value}'
        UNION ALL
        SELECT company_id, currency, 0, balance, 0, balance_functional FROM reports_ledgerday
    ) x
    GROUP BY company_id, currency
    HAVING SUM(documents) <> SUM(totals) OR SUM(documents_functional) <> SUM(totals_functional)
    ORDER BY company_id, currency
"""  # noqa: S608 (fixed text)


def daily_totals():
    """Companies and currencies whose daily totals do not add up to their posted documents."""
    with connection.cursor() as cursor:
        cursor.execute(_DAILY_TOTALS)
        rows = cursor.fetchall()
    if not rows:
        return []
    return [
        Problem(
            "reports.ledger_days",
            _("companies and currencies whose daily totals differ from their posted documents (documents / totals)"),
            len(rows),
            [
                f"{company_id}/{currency}: {documents} / {totals}"
                for company_id, currency, documents, totals, *_f in rows[:5]
            ],
        )
    ]


def kept_aging():
    """Kept agings whose rows differ from the open items of their day (ardesk.reports.kept)."""
    problems = []
    for found in KeptAging.objects.select_related("bucket_set").prefetch_related("bucket_set__buckets"):
        differing = kept.differences(found)
        if differing:
            problems.append(
                Problem(
                    "reports.kept_aging",
                    _("customers whose kept aging of %(set)s differs from their open items (customer/company)")
                    % {"set": found.bucket_set.code},
                    len(differing),
                    [f"{customer_id}/{company_id}" for customer_id, company_id in differing[:5]],
                )
            )
    return problems


CHECKS = [("reports.ledger_days", daily_totals), ("reports.kept_aging", kept_aging)]
