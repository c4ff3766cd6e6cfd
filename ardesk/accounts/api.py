from __future__ import annotations

from ninja import Router, Schema

from ardesk.accounts.selectors import user_language
from ardesk.companies.selectors import companies_for

router = Router(tags=["users"])


class CompanyOut(Schema):
    id: int
    code: str
    name: str
    functional_currency: str


class MeOut(Schema):
    username: str
    language: str
    roles: list[str]
    permissions: list[str]
    companies: list[CompanyOut]


@router.get("/me", response=MeOut, summary="The signed-in user, roles, permissions and companies")
def me(request):
    user = request.user
    return {
        "username": user.get_username(),
        "language": user_language(user) or "zh-hans",
        "roles": list(user.groups.values_list("name", flat=True)),
        "permissions": sorted(user.get_all_permissions()),
        "companies": list(companies_for(user)),
    }


@router.get("/companies", response=list[CompanyOut], summary="Companies the user may see")
def companies(request):
    return list(companies_for(request.user))
