"""Background jobs of the reports context (scheduled by Celery beat; in-process without a broker)."""

from __future__ import annotations

from celery import shared_task

from ardesk.core import clock
from ardesk.reports import kept, services


@shared_task(name="reports.month_end_snapshots")
def month_end_snapshots() -> int:
    """Store any missing month-end aging snapshot."""
    return services.aging_snapshots_catch_up(today=clock.today())


@shared_task(name="reports.kept_aging_refresh")
def kept_aging_refresh() -> int:
    """Keep today's aging of the default bucket sets (ardesk.reports.kept)."""
    return kept.refresh_defaults(today=clock.today())
