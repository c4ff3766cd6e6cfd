"""The one place that reads the clock, so rules can take dates as arguments and tests can fix them."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def now() -> dt.datetime:
    return timezone.now()


def today() -> dt.date:
    """Today in the installation's time zone (Asia/Shanghai by default)."""
    return timezone.localdate()
