"""Scheduled insights work: retrain stale models and predict open items again (safe to run again)."""

from __future__ import annotations

from celery import shared_task

from ardesk.core import clock
from ardesk.insights import services


@shared_task(name="insights.daily")
def daily() -> int:
    return services.scheduled_refresh(as_of=clock.today())
