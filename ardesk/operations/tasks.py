"""Scheduled jobs of operations (celery beat with a broker; the in-process scheduler without one)."""

from __future__ import annotations

from celery import shared_task

from ardesk.operations import backup, health


@shared_task(name="operations.heartbeat")
def heartbeat() -> None:
    """Record that a scheduler is running its jobs (``/readyz`` checks it is recent)."""
    health.heartbeat_record()


@shared_task(name="operations.backup_daily")
def backup_daily() -> str:
    """Today's backup into ARDESK_BACKUP_DIR if missing, keeping the newest ARDESK_BACKUP_KEEP."""
    written = backup.scheduled_backup()
    return str(written or "")
