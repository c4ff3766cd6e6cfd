"""Scheduled credit work: open the credit reviews that fell due (safe to run again)."""

from __future__ import annotations

from celery import shared_task

from ardesk.core import clock
from ardesk.credit import services


@shared_task(name="credit.reviews_schedule")
def reviews_schedule() -> int:
    return services.reviews_schedule(as_of=clock.today())
