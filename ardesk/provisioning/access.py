"""Who may read and change bad-debt data, and over which companies."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ardesk.companies.access import ensure_company_access, ensure_permission, granted_company
from ardesk.companies.models import Company
from ardesk.companies.selectors import company_ids_for
from ardesk.core.errors import NotFound

VIEW_RUNS = "provisioning.view_provisionrun"
EDIT_POLICY = "provisioning.change_provisionpolicy"
PREPARE_RUN = "provisioning.add_provisionrun"
APPROVE_RUN = "provisioning.approve_provisionrun"
REQUEST_WRITE_OFF = "provisioning.add_writeoff"
APPROVE_WRITE_OFF = "provisioning.approve_writeoff"
RECORD_RECOVERY = "provisioning.add_recovery"
EDIT_SPECIFIC = "provisioning.add_specificprovision"


def ensure_access(by, company_id: int, permission: str) -> None:
    """The user has the permission and the company is granted to them (a service's first check)."""
    ensure_permission(by, permission)
    ensure_company_access(by, company_id)


def visible_company(user, code: str, permission: str = VIEW_RUNS) -> Company:
    """The company named, if the user may read bad-debt data and the company is granted to them."""
    ensure_permission(user, permission)
    return granted_company(user, code)


def exported_company(user, code: str, permission: str) -> Company:
    """The company whose data an export names, or NotFound: another company's export does not exist for the user."""
    ensure_permission(user, permission)
    return granted_company(user, code, missing_is_not_found=True)


def visible(user, queryset, pk: int, permission: str, what: str):
    """One row of a company-scoped model the user may read, or NotFound."""
    ensure_permission(user, permission)
    found = queryset.filter(pk=pk, company_id__in=company_ids_for(user)).first()
    if found is None:
        raise NotFound(_("%(what)s %(id)s does not exist or is not visible to you.") % {"what": what, "id": pk})
    return found
