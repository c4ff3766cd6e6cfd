"""Background jobs: Celery workers when a broker is configured, else a thread of this process.

A command that exits at once (``ardesk dunning run``) cannot leave its job to a thread: without a
broker ``start_detached`` starts it in an ``ardesk job`` process of its own instead.

Progress lives in Django's cache (in-process memory by default, Redis with a broker), not in the
database: a job that writes inside one long transaction could not show its progress there.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import close_old_connections, connections, transaction


def enqueue(task, *args) -> None:
    """Run a Celery task after the current transaction commits: on a worker, inline in tests, or in a thread."""

    def start() -> None:
        if getattr(settings, "ARDESK_JOBS_INLINE", False):
            task.apply(args=args, throw=True)
            return
        if settings.CELERY_BROKER_URL:
            task.delay(*args)
            return
        thread = threading.Thread(target=_run, args=(task, args), daemon=True, name=f"job-{task.name}")
        thread.start()

    transaction.on_commit(start)


def start_detached(task, *args: int) -> None:
    """Run a Celery task in the background from a process about to exit (a command).

    With a broker a worker takes it; jobs run inline (tests) run it at once; otherwise it runs in
    ``ardesk job TASK ARGS``, a process of its own in a session of its own, which goes on after
    this one ends (and after the terminal closes), writing what it prints to ``jobs.log`` in the
    data folder.
    """
    if getattr(settings, "ARDESK_JOBS_INLINE", False):
        task.apply(args=args, throw=True)
        return
    if settings.CELERY_BROKER_URL:
        task.delay(*args)
        return
    with (Path(settings.DATA_DIR) / "jobs.log").open("ab") as log:
        subprocess.Popen(  # noqa: S603 - this interpreter, ardesk's own command, integer arguments
            [sys.executable, "-m", "ardesk.cli", "job", task.name, *(str(int(arg)) for arg in args)],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _run(task, args) -> None:
    close_old_connections()
    try:
        task.apply(args=args, throw=True)  # apply: timed and counted like a worker's run
    finally:
        connections.close_all()


def progress_key(job: str, pk: int) -> str:
    return f"ardesk:progress:{job}:{pk}"


def set_progress(job: str, pk: int, done: int) -> None:
    cache.set(progress_key(job, pk), done, timeout=3600)


def get_progress(job: str, pk: int) -> int:
    return cache.get(progress_key(job, pk), 0)
