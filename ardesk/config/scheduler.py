"""Scheduled jobs without a broker: a thread of the web process runs celery beat's schedule.

Every scheduled task is written to be safe to run again (it does only what is missing), so the
thread simply runs each one at start and then every ``ARDESK_SCHEDULE_SECONDS``.
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings

logger = logging.getLogger(__name__)


def run_scheduled_once() -> None:
    from ardesk.config.celery import app

    app.loader.import_default_modules()  # registers every context's tasks (celery's autodiscovery)
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        try:
            app.tasks[entry["task"]].apply(throw=True)  # apply: timed and counted like a worker's run
        except Exception:
            logger.exception("Scheduled job %s failed", name)


def start_in_process(stop: threading.Event | None = None) -> threading.Thread:
    stop = stop or threading.Event()

    def loop() -> None:
        while True:
            run_scheduled_once()
            if stop.wait(settings.ARDESK_SCHEDULE_SECONDS):
                return

    thread = threading.Thread(target=loop, name="ardesk-scheduler", daemon=True)
    thread.start()
    return thread
