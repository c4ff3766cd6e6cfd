"""The reports' kept agings checked against the ledger (see ``core.integrity``)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ardesk.core.integrity import Problem
from ardesk.reports import kept
from ardesk.reports.models import KeptAging


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


CHECKS = [("reports.kept_aging", kept_aging)]
