"""Who may read reports, and over which companies."""

from __future__ import annotations

from ardesk.companies.access import ensure_permission, granted_company
from ardesk.companies.selectors import company_ids_for

VIEW_REPORTS = "reports.view_reports"


def report_company_ids(user, code: str | None = None) -> list[int]:
    """The companies a report covers: the one named, if granted to the user, or all granted ones."""
    ensure_permission(user, VIEW_REPORTS)
    if not code:
        return company_ids_for(user)
    return [granted_company(user, code).pk]
