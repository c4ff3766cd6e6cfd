"""Liveness and readiness for a load balancer, and the scheduler's heartbeat.

``/healthz`` answers as long as the process serves requests (it touches no database: a database
outage must not make the balancer restart healthy web processes). ``/readyz`` answers 200 only
when this process can do its work: the database answers, every migration is applied, the broker
answers when one is configured, and the scheduler has run recently when one is expected.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _

from ardesk.core import clock
from ardesk.operations import domain
from ardesk.operations.models import Heartbeat

logger = logging.getLogger(__name__)
SCHEDULER = "scheduler"
_migrations_applied = False  # once applied they stay applied for the life of the process


def heartbeat_record() -> None:
    Heartbeat.objects.update_or_create(name=SCHEDULER, defaults={"beat_at": clock.now()})


def heartbeat_max_age() -> dt.timedelta:
    """How old the last heartbeat may be: two scheduler passes (ARDESK_SCHEDULE_SECONDS each)."""
    return dt.timedelta(seconds=settings.ARDESK_HEARTBEAT_MAX_SECONDS or 2 * settings.ARDESK_SCHEDULE_SECONDS)


def check_database() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as exc:
        return _("The database does not answer: %(error)s") % {"error": exc}
    return None


def check_migrations() -> str | None:
    global _migrations_applied
    if _migrations_applied:
        return None
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        names = ", ".join(f"{m.app_label}.{m.name}" for m, _backwards in plan[:5])
        return _("%(count)d migrations are not applied (%(names)s): run ardesk migrate.") % {
            "count": len(plan),
            "names": names,
        }
    _migrations_applied = True
    return None


def check_broker() -> str | None:
    from kombu import Connection

    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as broker:
            broker.ensure_connection(max_retries=1, interval_start=0, timeout=2)
    except Exception as exc:  # any transport's failure means the same: jobs cannot be queued
        return _("The broker does not answer: %(error)s") % {"error": exc}
    return None


def check_scheduler() -> str | None:
    """With a broker celery beat must run; without one, a scheduler that ran once must keep running."""
    last = Heartbeat.objects.filter(name=SCHEDULER).values_list("beat_at", flat=True).first()
    if last is None and not settings.CELERY_BROKER_URL:
        return None
    return domain.heartbeat_problem(last, now=clock.now(), max_age=heartbeat_max_age())


def readiness() -> dict[str, str | None]:
    """Each check's problem (None when it passes); the later checks need the database."""
    results: dict[str, str | None] = {"database": check_database()}
    if results["database"] is None:
        results["migrations"] = check_migrations()
        if results["migrations"] is None:
            results["scheduler"] = check_scheduler()
    if settings.CELERY_BROKER_URL:
        results["broker"] = check_broker()
    for name, problem in results.items():
        if problem:
            logger.warning("Not ready, %s: %s", name, problem)
    return results
