"""Background work of collections: deliver a run's notices, and the daily jobs."""

from __future__ import annotations

from collections.abc import Callable

from celery import shared_task
from django.db.models import Q
from django.utils import timezone

from ardesk.collections import services
from ardesk.collections.models import DunningRun, Notice, NoticeStatus, RunStatus
from ardesk.core import clock
from ardesk.core.jobs import set_progress

BATCH = 500


def _to_deliver(run_id: int):
    """A run's notices not delivered yet: pending ones, and calls whose task text is not written."""
    return Notice.objects.filter(Q(status=NoticeStatus.PENDING) | Q(status=NoticeStatus.TASK, body=""), run_id=run_id)


@shared_task
def deliver_run(run_id: int) -> None:
    """Deliver a run's notices in the background (a worker, or a thread of this process): see ``deliver``."""
    deliver(run_id)


def deliver(run_id: int, progress: Callable[[int, int], None] | None = None) -> None:
    """Write, send or print every notice of a run still to deliver, reporting progress as it goes.

    ``progress(delivered, notices)`` is called after each batch (the command line's progress bar).

    A delivery resumed after its process died (``services.deliveries_resume``, ``ardesk dunning
    resume``) first settles the notices the dead one left "sending", then takes up where it
    stopped. The delivered count is set from the notices themselves and moves with each notice, so
    it is true whenever the process stops.
    """
    run = DunningRun.objects.get(pk=run_id)
    services.notices_sending_settle(run_id=run_id)
    done = run.notices - _to_deliver(run_id).count()
    DunningRun.objects.filter(pk=run_id).update(
        status=RunStatus.DELIVERING, error="", delivered=done, delivery_seen_at=timezone.now()
    )
    try:
        last = 0
        while True:
            notices = list(_to_deliver(run_id).filter(pk__gt=last).order_by("pk")[:BATCH])
            if not notices:
                break
            for notice in notices:
                services.notice_deliver(notice=notice)
                done += 1
                last = notice.pk
                DunningRun.objects.filter(pk=run_id).update(delivery_seen_at=timezone.now(), delivered=done)
            set_progress("dunning", run_id, done)
            if progress is not None:
                progress(done, run.notices)
    except Exception as exc:
        DunningRun.objects.filter(pk=run.pk).update(status=RunStatus.FAILED, error=str(exc), delivered=done)
        raise
    DunningRun.objects.filter(pk=run.pk).update(status=RunStatus.DONE, delivered=done, finished_at=timezone.now())


@shared_task(name="collections.daily")
def daily() -> None:
    """The daily collections jobs: promises kept or broken, the day's dunning runs, deliveries whose process
    died, failed e-mails again."""
    today = clock.today()
    services.promises_check(as_of=today)
    services.scheduled_runs(run_on=today)
    services.deliveries_resume()
    services.notices_retry_failed()
