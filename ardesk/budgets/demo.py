"""Demo data of the budgets context: an approved budget for the current year and a few segments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ardesk.budgets import services

# Planned growth over last year's actuals: what the demo's finance team budgeted.
DEMO_GROWTH = Decimal("1.08")
DEMO_SEGMENTS = [
    {"code": "MFG-L", "name": "大型制造业", "priority": 10, "industry": "C", "size": "large"},
    {"code": "MFG", "name": "制造业", "priority": 20, "industry": "C"},
    {"code": "TRADE", "name": "批发零售", "priority": 30, "industry": "F"},
    {"code": "EAST", "name": "华东地区", "priority": 40, "region": "31"},
]


def demo_budgets(*, companies, manager, accountant, anchor: dt.date) -> int:
    """Each company's budget for the anchor's year, copied from last year's actuals plus 8 %, approved."""
    for company in companies:
        for segment in DEMO_SEGMENTS:
            services.segment_save(by=manager, company=company, **segment)
        version = services.version_create(
            by=accountant, company=company, year=anchor.year, name=f"{anchor.year} 年度预算"
        )
        services.budget_copy_actuals(by=accountant, version=version, growth=DEMO_GROWTH)
        services.version_approve(by=manager, version=version)
    return len(companies)
