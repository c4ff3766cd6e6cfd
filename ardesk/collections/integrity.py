"""Dunning runs checked for deliveries that stopped and counts that do not match (see ``core.integrity``)."""

from __future__ import annotations

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ardesk.collections.models import DunningRun, Notice, NoticeStatus, RunStatus
from ardesk.core.integrity import Problem


def stopped_runs() -> list[Problem]:
    """Runs whose delivery failed, or still "delivering" but silent: their process died (`ardesk dunning resume`)."""
    # Imported here: the services load letters, exports and pinyin, which a command that runs no
    # integrity check should not pay for at start-up (the checks are registered from ready()).
    from ardesk.collections.services.runs import DELIVERY_SILENT

    silent_since = timezone.now() - DELIVERY_SILENT
    runs = DunningRun.objects.filter(status__in=(RunStatus.DELIVERING, RunStatus.FAILED)).exclude(
        status=RunStatus.DELIVERING, delivery_seen_at__gte=silent_since
    )
    runs = runs.exclude(status=RunStatus.DELIVERING, delivery_seen_at__isnull=True, created_at__gte=silent_since)
    ids = list(runs.order_by("pk").values_list("pk", flat=True))
    if not ids:
        return []
    return [
        Problem(
            "collections.stopped_runs",
            _("dunning runs whose delivery stopped before every notice was sent: run `ardesk dunning resume`"),
            len(ids),
            ids[:5],
        )
    ]


def delivered_counts() -> list[Problem]:
    """Finished runs whose delivered count is not their number of notices, or that still hold unsent notices."""
    unsent = Notice.objects.filter(status__in=(NoticeStatus.PENDING, NoticeStatus.SENDING)).values("run_id")
    finished = DunningRun.objects.filter(status=RunStatus.DONE)
    ids = sorted(
        set(finished.exclude(delivered=F("notices")).values_list("pk", flat=True))
        | set(finished.filter(pk__in=unsent).values_list("pk", flat=True))
    )
    if not ids:
        return []
    return [
        Problem(
            "collections.delivered_counts",
            _("finished dunning runs whose delivered count differs from their notices"),
            len(ids),
            ids[:5],
        )
    ]


CHECKS = [("collections.stopped_runs", stopped_runs), ("collections.delivered_counts", delivered_counts)]
