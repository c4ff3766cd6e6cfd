"""Who may see and act on the month-end close, and over which companies."""

from __future__ import annotations

from ardesk.companies.access import ensure_company_access, ensure_permission, granted_company
from ardesk.companies.models import Company

VIEW_CLOSE = "closing.view_periodevent"
CLOSE_PERIOD = "closing.close_period"
REQUEST_REOPEN = "closing.add_reopenrequest"
APPROVE_REOPEN = "closing.approve_reopenrequest"
VIEW_REVALUATION = "closing.view_revaluationrun"
RUN_REVALUATION = "closing.add_revaluationrun"
POST_REVALUATION = "closing.post_revaluationrun"
EXPORT_JOURNAL = "closing.add_journalexport"


def ensure_access(by, company_id: int, permission: str) -> None:
    """The user has the permission and the company is granted to them (a service's first check)."""
    ensure_permission(by, permission)
    ensure_company_access(by, company_id)


def visible_company(user, code: str, permission: str = VIEW_CLOSE) -> Company:
    """The company named, if the user may see the close and the company is granted to them."""
    ensure_permission(user, permission)
    return granted_company(user, code)
