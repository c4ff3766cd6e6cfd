"""Who may do what, over which company: the first check of every service, view and API call.

A user works only on the companies granted to them (all active ones for a superuser), and only
does what their role's permissions allow. Every context asks here, so the same refusal reads the
same everywhere.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from ardesk.companies.models import Company
from ardesk.companies.selectors import companies_for, company_ids_for
from ardesk.core.errors import InvalidInput, NotFound, NotPermitted


def ensure_permission(user, permission: str) -> None:
    """The user's role allows the action (``app_label.codename``), else NotPermitted."""
    if not user.has_perm(permission):
        raise NotPermitted(_("Your role does not allow this action."))


def ensure_company_access(user, company_id: int) -> None:
    """The company is granted to the user, else NotPermitted."""
    if company_id not in company_ids_for(user):
        raise NotPermitted(_("You have no access to this company's data."))


def _not_granted_message(code: str) -> str:
    return _("Company %(code)s does not exist or is not granted to you.") % {"code": code}


def company_not_granted(code: str) -> InvalidInput:
    """The error for a company code that does not exist, is inactive or is not granted to the user."""
    return InvalidInput({"company": [_not_granted_message(code)]})


def granted_company(user, code: str, *, missing_is_not_found: bool = False) -> Company:
    """The active company with this code, if it is granted to the user, else InvalidInput on ``company``.

    Where the code names the thing asked for (a company's export), ``missing_is_not_found`` makes the
    refusal a NotFound: another company's data does not exist for the user.
    """
    company = companies_for(user).filter(code=code).first()
    if company is None:
        if missing_is_not_found:
            raise NotFound(_not_granted_message(code))
        raise company_not_granted(code)
    return company
