"""The one place that reads the clock, so rules can take dates as arguments and tests can fix them."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

# The dates ARdesk accepts from a user, an API call or a form: wide enough for any business
# record (a founding date, a ten-year plan), narrow enough that date arithmetic near the calendar's
# ends (a year 1 "as of", a year 9999 "to") cannot overflow into a server error.
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2100, 12, 31)


def check_day(day: dt.date) -> dt.date:
    """Return the date if it lies in the accepted range, else raise ValueError saying the range."""
    if not EARLIEST <= day <= LATEST:
        raise ValueError(
            _("Give a date between %(first)s and %(last)s.")
            % {"first": EARLIEST.isoformat(), "last": LATEST.isoformat()}
        )
    return day


def now() -> dt.datetime:
    return timezone.now()


def today() -> dt.date:
    """Today in the installation's time zone (Asia/Shanghai by default)."""
    return timezone.localdate()
