"""Scheduled risk work: the day's scan of each company, then the alert e-mails (safe to run again)."""

from __future__ import annotations

from celery import shared_task

from ardesk.core import clock
from ardesk.risk import services


@shared_task(name="risk.daily")
def daily() -> int:
    """Scan each company not yet scanned today, e-mail high-severity alerts at once, then the daily digests."""
    today = clock.today()
    scanned = services.risk_scan_all(as_of=today)
    services.alerts_email_immediate()
    services.alerts_digest_send(today=today)
    return scanned
