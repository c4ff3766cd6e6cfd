"""Prometheus metrics: requests by view and status, their latency, jobs' durations and failures, the queue.

Counted in every process at all times (a counter costs next to nothing); served at ``/metrics``
only with ARDESK_METRICS=1. Under ``ardesk serve --workers N`` each gunicorn process counts its own
requests: set PROMETHEUS_MULTIPROC_DIR (an empty folder, emptied at each start) so ``/metrics``
adds them up. Jobs are counted by the process that runs them: the web process for in-process
jobs, each Celery worker for queued ones (the web application and the Celery application connect
``connect_job_signals``; a command does not, and starts without importing Celery).
"""

from __future__ import annotations

import logging
import os
import threading
import time

from django.conf import settings
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily

logger = logging.getLogger(__name__)

REQUESTS = Counter(
    "ardesk_http_requests", "HTTP requests answered, by view, method and status", ["view", "method", "status"]
)
REQUEST_SECONDS = Histogram(
    "ardesk_http_request_duration_seconds",
    "Time to answer an HTTP request, by view",
    ["view"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
JOB_SECONDS = Histogram(
    "ardesk_job_duration_seconds",
    "Time a background or scheduled job ran, by task",
    ["task"],
    buckets=(0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600),
)
JOB_FAILURES = Counter("ardesk_job_failures", "Background or scheduled jobs that failed, by task", ["task"])

_started: dict[str, float] = {}
_started_lock = threading.Lock()


def _job_started(task_id=None, task=None, **kwargs) -> None:
    with _started_lock:
        _started[task_id] = time.monotonic()


def _job_finished(task_id=None, task=None, **kwargs) -> None:
    with _started_lock:
        started = _started.pop(task_id, None)
    if started is not None:
        JOB_SECONDS.labels(task=task.name).observe(time.monotonic() - started)


def _job_failed(sender=None, **kwargs) -> None:
    JOB_FAILURES.labels(task=sender.name).inc()


def connect_job_signals() -> None:
    """Time every Celery task run by a worker or in-process (``apply``), and count its failures."""
    from celery.signals import task_failure, task_postrun, task_prerun

    task_prerun.connect(_job_started, weak=False, dispatch_uid="ardesk.operations.job_started")
    task_postrun.connect(_job_finished, weak=False, dispatch_uid="ardesk.operations.job_finished")
    task_failure.connect(_job_failed, weak=False, dispatch_uid="ardesk.operations.job_failed")


class QueueCollector:
    """Jobs waiting in the broker's queue (Redis), and jobs running in threads of this process."""

    def collect(self):
        running = GaugeMetricFamily("ardesk_jobs_running_in_process", "Background jobs running in this process")
        running.add_metric([], sum(1 for thread in threading.enumerate() if thread.name.startswith("job-")))
        yield running
        url = settings.CELERY_BROKER_URL
        if not url.startswith("redis"):
            return
        import redis

        queue = getattr(settings, "CELERY_TASK_DEFAULT_QUEUE", "celery")
        try:
            length = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2).llen(queue)
        except redis.RedisError as exc:
            logger.warning("Queue length not read from the broker: %s", exc)
            return
        waiting = GaugeMetricFamily("ardesk_job_queue_length", "Jobs waiting in the broker's queue", labels=["queue"])
        waiting.add_metric([queue], length)
        yield waiting


REGISTRY.register(QueueCollector())


def exposition() -> bytes:
    """Every metric in Prometheus' text format (summed over the processes in multiprocess mode)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        registry.register(QueueCollector())
        return generate_latest(registry)
    return generate_latest(REGISTRY)


def request_observed(*, view: str, method: str, status: int, seconds: float) -> None:
    REQUESTS.labels(view=view, method=method, status=str(status)).inc()
    REQUEST_SECONDS.labels(view=view).observe(seconds)
