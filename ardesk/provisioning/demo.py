"""Demo data of the bad-debt context: an aging-method policy per company and a draft month-end run."""

from __future__ import annotations

import datetime as dt

from ardesk.core import calendar
from ardesk.provisioning import services
from ardesk.reports.models import BucketSet

# Rates a Chinese finance team commonly uses for 账龄分析法 (a policy choice, edited in the UI).
DEMO_RATES = {"0-6m": "1", "6-12m": "5", "1-2y": "10", "2-3y": "30", "3y+": "100"}


def demo_provisions(*, companies, manager, accountant, anchor: dt.date) -> int:
    """Give each company the demo policy and a draft run of the last month end, for a manager to approve."""
    bucket_set = BucketSet.objects.prefetch_related("buckets").get(code="age")
    as_of = calendar.previous_month_end(anchor)
    for company in companies:
        services.policy_save(by=manager, company=company, method="aging", bucket_set=bucket_set, rates=DEMO_RATES)
        services.run_prepare(by=accountant, company=company, as_of=as_of)
    return len(companies)
