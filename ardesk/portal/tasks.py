"""Background work of the portal: send a statement run, and the daily statement jobs."""

from __future__ import annotations

from collections.abc import Callable

from celery import shared_task

from ardesk.core import clock
from ardesk.core.jobs import set_progress
from ardesk.portal import services
from ardesk.portal.models import RecipientStatus, StatementRecipient, StatementRun, StatementRunStatus

BATCH = 200


@shared_task
def deliver_statement_run(run_id: int) -> None:
    """Send a run's statements in the background (a worker, or a thread of this process): see ``deliver``."""
    deliver(run_id)


def deliver(run_id: int, progress: Callable[[int, int], None] | None = None) -> StatementRun:
    """Render and e-mail every statement of a run still to send, reporting progress after each batch.

    ``progress(done, recipients)`` is called after each batch (the command line's progress bar). A
    sending resumed after its process died first settles the rows the dead one left "sending".
    """
    services.sending_settle(run_id=run_id)
    run = StatementRun.objects.get(pk=run_id)
    to_send = StatementRecipient.objects.filter(run_id=run_id, status=RecipientStatus.DRAFT)
    done = run.recipients - to_send.count()
    pdf_cache: dict = {}
    try:
        last = 0
        while True:
            batch = list(
                to_send.filter(pk__gt=last)
                .select_related("customer__company", "run__company", "link")
                .order_by("pk")[:BATCH]
            )
            if not batch:
                break
            for recipient in batch:
                services.recipient_deliver(recipient=recipient, pdf_cache=pdf_cache)
                last = recipient.pk
            done += len(batch)
            services.run_counts_update(run_id)
            set_progress("statements", run_id, done)
            if progress is not None:
                progress(done, run.recipients)
    except Exception as exc:
        StatementRun.objects.filter(pk=run_id).update(status=StatementRunStatus.FAILED, error=str(exc)[:2000])
        raise
    return services.run_counts_update(run_id, finished=True)


@shared_task(name="portal.daily")
def daily() -> None:
    """The daily statement jobs: the scheduled runs whose day has come, sendings whose process died,
    reminders and the owners' tasks for unanswered statements."""
    today = clock.today()
    services.scheduled_runs(today=today)
    services.sendings_resume()
    services.statements_follow_up(as_of=today)
