"""GET /kpi: collection KPIs for a period, the same JSON as `ardesk report kpi --format json`."""

from __future__ import annotations

from ninja import Field, Query, Router, Schema

from ardesk.core.schemas import Day
from ardesk.reports import kpi_output, kpi_selectors
from ardesk.reports.access import report_company_ids

router = Router(tags=["reports"])


class KpiQuery(Schema):
    date_from: Day = Field(..., alias="from", description="First day of the period, YYYY-MM-DD")
    date_to: Day = Field(..., alias="to", description="Last day of the period, YYYY-MM-DD")
    by: str = Field("company", pattern="^(company|customer|collector)$", description="One row per ...")
    company: str = Field("", description="Company code; all companies granted to you when empty")


@router.get(
    "/kpi",
    response=dict,
    summary="Collection KPIs for a period: DSO, countback DSO, best possible DSO, ADD, CEI (two forms), overdue ratio",
)
def kpi(request, query: Query[KpiQuery]):
    """KPIs per company, customer or collector, with totals and the monthly trend (docs/reports.md, "KPIs")."""
    company_ids = report_company_ids(request.user, query.company)
    report = kpi_selectors.kpi_report(
        date_from=query.date_from, date_to=query.date_to, company_ids=company_ids, by=query.by
    )
    return kpi_output.report_json(report)
