"""Demo data of the bad-debt context: an aging-method policy per company and a draft month-end run."""

from __future__ import annotations

import datetime as dt

from ardesk.core import calendar
from ardesk.provisioning import services
from ardesk.reports.models import BucketSet

# Rates a Chinese finance team commonly uses for 账龄分析法 (a policy choice, edited in the UI).
DEMO_RATES = {"0-6m": "1", "6-12m": "5", "1-2y": "10", "2-3y": "30", "3y+": "100"}


def demo_provisions(*, companies, manager, accountant, anchor: dt.date, months: int = 24) -> int:
    """Give each company the demo policy, approved month-end runs for the past two years and a draft of the last.

    The approved history fills the allowance roll-forward; the last month end waits for a manager.
    """
    bucket_set = BucketSet.objects.prefetch_related("buckets").get(code="age")
    *history, last = calendar.month_ends(calendar.add_months(anchor, -months), calendar.previous_month_end(anchor))
    for company in companies:
        services.policy_save(by=manager, company=company, method="aging", bucket_set=bucket_set, rates=DEMO_RATES)
        for month_end in history:
            run = services.run_prepare(by=accountant, company=company, as_of=month_end)
            services.run_approve(by=manager, run=run)
        services.run_prepare(by=accountant, company=company, as_of=last)
    return len(companies)
