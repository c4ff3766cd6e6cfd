"""Background work of collections: deliver a run's notices, and the daily jobs."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from ardesk.collections import services
from ardesk.collections.models import DunningRun, Notice, NoticeStatus, RunStatus
from ardesk.core import clock
from ardesk.core.jobs import set_progress

BATCH = 500


@shared_task
def deliver_run(run_id: int) -> None:
    """Write, send or print every pending notice of a run, reporting progress as it goes."""
    run = DunningRun.objects.get(pk=run_id)
    done = 0
    try:
        last = 0
        while True:
            notices = list(
                Notice.objects.filter(run_id=run_id, pk__gt=last, status__in=[NoticeStatus.PENDING, NoticeStatus.TASK])
                .exclude(status=NoticeStatus.TASK, body__gt="")
                .order_by("pk")[:BATCH]
            )
            if not notices:
                break
            for notice in notices:
                services.notice_deliver(notice=notice)
                done += 1
                last = notice.pk
            set_progress("dunning", run_id, done)
    except Exception as exc:
        DunningRun.objects.filter(pk=run.pk).update(status=RunStatus.FAILED, error=str(exc), delivered=done)
        raise
    DunningRun.objects.filter(pk=run.pk).update(status=RunStatus.DONE, delivered=done, finished_at=timezone.now())


@shared_task(name="collections.daily")
def daily() -> None:
    """The daily collections jobs: promises kept or broken, the day's dunning runs, failed e-mails again."""
    today = clock.today()
    services.promises_check(as_of=today)
    services.scheduled_runs(run_on=today)
    services.notices_retry_failed()
