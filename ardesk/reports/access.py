"""Who may read reports, and over which companies."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ardesk.companies.selectors import companies_for, company_ids_for
from ardesk.core.errors import InvalidInput
from ardesk.customers.services import ensure_permission

VIEW_REPORTS = "reports.view_reports"


def report_company_ids(user, code: str | None = None) -> list[int]:
    """The companies a report covers: the one named, if granted to the user, or all granted ones."""
    ensure_permission(user, VIEW_REPORTS)
    if not code:
        return company_ids_for(user)
    company = companies_for(user).filter(code=code).first()
    if company is None:
        raise InvalidInput(
            {"company": [_("Company %(code)s does not exist or is not granted to you.") % {"code": code}]}
        )
    return [company.pk]
