"""Company access: a user works only on the companies granted to them, and only as their role allows."""

from __future__ import annotations

import pytest

from ardesk.companies.access import ensure_company_access, ensure_permission, granted_company
from ardesk.companies.models import Company
from ardesk.core.errors import InvalidInput, NotPermitted

pytestmark = pytest.mark.django_db


def test_a_granted_company_is_found_by_its_code(accountant, company):
    assert granted_company(accountant, "SH01") == company


def test_a_company_not_granted_is_refused_on_the_company_field(accountant, other_company):
    with pytest.raises(InvalidInput) as refused:
        granted_company(accountant, "SZ01")
    assert refused.value.errors == {"company": ["Company SZ01 does not exist or is not granted to you."]}


def test_an_unknown_or_inactive_company_reads_the_same_as_one_not_granted(accountant, company):
    Company.objects.filter(pk=company.pk).update(is_active=False)
    for code in ("SH01", "NOPE"):
        with pytest.raises(InvalidInput) as refused:
            granted_company(accountant, code)
        assert refused.value.errors == {"company": [f"Company {code} does not exist or is not granted to you."]}


def test_access_to_a_company_needs_its_grant(accountant, company, other_company):
    ensure_company_access(accountant, company.pk)
    with pytest.raises(NotPermitted, match="You have no access to this company's data."):
        ensure_company_access(accountant, other_company.pk)


def test_an_action_needs_the_roles_permission(accountant, auditor):
    ensure_permission(accountant, "ledger.add_document")
    with pytest.raises(NotPermitted, match="Your role does not allow this action."):
        ensure_permission(auditor, "ledger.add_document")
