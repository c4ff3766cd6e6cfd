"""Demo data of the month-end close: the month before last closed with its checklist done, last month open
with an FX revaluation proposed (the month whose provision run waits for a manager)."""

from __future__ import annotations

import datetime as dt

from ardesk.closing import services
from ardesk.core import calendar
from ardesk.reports import services as reports


def demo_closing(*, companies, manager, accountant, anchor: dt.date) -> int:
    """Close each company's month before last; propose last month's revaluation. Returns the months closed."""
    closed = calendar.month_start(calendar.add_months(anchor, -2))
    last = calendar.month_start(calendar.add_months(anchor, -1))
    reports.aging_snapshot_take(as_of=calendar.month_end(closed), by=manager)
    for company in companies:
        run = services.revaluation_run(by=accountant, company=company, period=closed)
        services.revaluation_post(by=manager, run=run)
        services.journal_export(by=accountant, company=company, period=closed, file_format="csv")
        services.period_close(by=manager, company=company, period=closed, accept_open_points=True)
        services.revaluation_run(by=accountant, company=company, period=last)
    return len(companies)
