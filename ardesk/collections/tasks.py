"""Background work of collections: deliver a run's notices, and the daily jobs."""

from __future__ import annotations

from collections.abc import Callable

from celery import shared_task
from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ardesk.collections import services
from ardesk.collections.errors import CollectionsError
from ardesk.collections.models import DunningRun, Notice, NoticeStatus, RunStatus
from ardesk.core import clock, parallel

BATCH = 200


def _to_deliver(run_id: int):
    """A run's notices not delivered yet: pending ones, and calls whose task text is not written."""
    return Notice.objects.filter(Q(status=NoticeStatus.PENDING) | Q(status=NoticeStatus.TASK, body=""), run_id=run_id)


@shared_task
def deliver_run(run_id: int) -> None:
    """Deliver a run's notices in the background (a worker, or a thread of this process): see ``deliver``."""
    deliver(run_id)


@shared_task
def deliver_shard(run_id: int, first: int, last: int) -> None:
    """Deliver one range of a run's notices (one of the shards ``deliver`` hands to the workers)."""
    shard_deliver(run_id, first, last)


def deliver(run_id: int, progress: Callable[[int, int], None] | None = None) -> None:
    """Write, send or print every notice of a run still to deliver, several shards of them at once.

    The notices still to deliver are split into ranges of ids, one per worker
    (``core.parallel``): with a broker each range is a Celery task and this returns at once; without
    one, processes of this machine deliver them and this returns when they are done, calling
    ``progress(delivered, notices)`` as the run's count moves (the command line's progress bar).
    Jobs run inline (tests), and a delivery called inside a transaction (the demo's loader), deliver
    the ranges one after another in this process: other processes would not see its writes.

    A delivery resumed after its process died (``services.deliveries_resume``, ``ardesk dunning
    resume``) first settles the notices the dead one left "sending", then takes up where it
    stopped. The delivered count is set from the notices themselves and moves with their outcomes,
    so it is true whenever a process stops. The run is done when the last range is; a range that
    fails marks the run failed, with its error, and the other ranges go on.
    """
    run = DunningRun.objects.get(pk=run_id)
    services.notices_sending_settle(run_id=run_id)
    ids = list(_to_deliver(run_id).order_by("pk").values_list("pk", flat=True))
    DunningRun.objects.filter(pk=run_id).update(
        status=RunStatus.DELIVERING, error="", delivered=run.notices - len(ids), delivery_seen_at=timezone.now()
    )
    shards = parallel.id_ranges(ids, parallel.worker_count())
    inline = getattr(settings, "ARDESK_JOBS_INLINE", False)
    if settings.CELERY_BROKER_URL and not inline and len(shards) > 1:
        from celery import group

        group(deliver_shard.si(run_id, first, last) for first, last in shards).apply_async()
        return
    if inline or len(shards) <= 1 or connection.in_atomic_block:
        for first, last in shards:
            shard_deliver(run_id, first, last, progress=progress)
    else:

        def watch() -> None:
            if progress is not None:
                counted = DunningRun.objects.values_list("delivered", "notices").get(pk=run_id)
                progress(*counted)

        codes = parallel.in_processes(
            shard_deliver, [(run_id, *shard) for shard in shards], workers=len(shards), watch=watch
        )
        stopped = [code for code in codes if code]
        if stopped:
            DunningRun.objects.filter(pk=run_id, status=RunStatus.DELIVERING).update(
                status=RunStatus.FAILED,
                error=_("A delivery process stopped (exit code %(code)s).") % {"code": stopped[0]},
            )
    _finish(run_id)
    run.refresh_from_db()
    if progress is not None:
        progress(run.delivered, run.notices)
    if run.status == RunStatus.FAILED:
        raise CollectionsError(_("The delivery of run %(run)s failed: %(error)s") % {"run": run_id, "error": run.error})


def shard_deliver(run_id: int, first: int, last: int, progress: Callable[[int, int], None] | None = None) -> None:
    """Deliver the run's notices still to deliver with ids from ``first`` to ``last``, a batch at a time.

    A batch shares one connection to the mail server and one read of what its notices need; each
    notice is claimed before it is sent, so a range taken up again (a Celery task redelivered after
    its worker died) first settles what its dead predecessor left "sending" and sends nothing twice.
    """
    settled = services.notices_sending_settle(run_id=run_id, first=first, last=last)
    if settled:  # e-mails its predecessor sent, now counted with the run's delivered notices
        DunningRun.objects.filter(pk=run_id).update(delivered=F("delivered") + len(settled))
    try:
        position = first - 1
        while True:
            notices = list(_to_deliver(run_id).filter(pk__gt=position, pk__lte=last).order_by("pk")[:BATCH])
            if not notices:
                break
            services.notices_deliver(notices=notices, run_id=run_id)
            position = notices[-1].pk
            if progress is not None:
                progress(*DunningRun.objects.values_list("delivered", "notices").get(pk=run_id))
    except Exception as exc:
        DunningRun.objects.filter(pk=run_id).update(status=RunStatus.FAILED, error=str(exc))
        raise
    _finish(run_id)


def _finish(run_id: int) -> None:
    """Mark the run done once no notice is left to deliver or being sent (the last range to end does it)."""
    with transaction.atomic():
        run = DunningRun.objects.select_for_update().get(pk=run_id)
        sending = Notice.objects.filter(run_id=run_id, status=NoticeStatus.SENDING)
        if run.status != RunStatus.DELIVERING or _to_deliver(run_id).exists() or sending.exists():
            return
        DunningRun.objects.filter(pk=run_id).update(
            status=RunStatus.DONE, delivered=run.notices, finished_at=timezone.now()
        )


@shared_task(name="collections.daily")
def daily() -> None:
    """The daily collections jobs: promises kept or broken, the day's dunning runs, deliveries whose process
    died, failed e-mails again."""
    today = clock.today()
    services.promises_check(as_of=today)
    services.scheduled_runs(run_on=today)
    services.deliveries_resume()
    services.notices_retry_failed()
