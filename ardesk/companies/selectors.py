"""Which companies a user may see."""

from __future__ import annotations

from django.db.models import QuerySet

from ardesk.companies.models import Company


def companies_for(user) -> QuerySet[Company]:
    """The active companies granted to the user (all of them for a superuser)."""
    companies = Company.objects.filter(is_active=True)
    if not user.is_authenticated:
        return companies.none()
    if user.is_superuser:
        return companies
    return companies.filter(grants__user=user)


def company_ids_for(user) -> list[int]:
    return list(companies_for(user).values_list("pk", flat=True))
