from __future__ import annotations

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from ardesk.accounts import services
from ardesk.accounts.selectors import user_language, users_overview
from ardesk.companies import services as company_services
from ardesk.companies.access import ensure_permission
from ardesk.companies.selectors import companies_for
from ardesk.core.errors import NotFound

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


class UserOut(Schema):
    username: str
    name: str
    email: str
    active: bool
    superuser: bool
    roles: list[str]
    companies: list[str]


class UserIn(Schema):
    username: str = Field(max_length=150)
    password: str = Field(max_length=128)
    name: str = Field("", max_length=150)
    email: str = Field("", max_length=254)
    roles: list[str] = []
    companies: list[str] = []


class RightsIn(Schema):
    roles: list[str] = []
    companies: list[str] = []


class NameIn(Schema):
    name: str = Field(max_length=150)


class CompanyIn(Schema):
    code: str = Field(max_length=20)
    name: str = Field(max_length=200)
    functional_currency: str = Field("CNY", max_length=3)
    uscc: str = Field("", max_length=18)
    address: str = Field("", max_length=300)


def _user_out(user) -> dict:
    return {
        "username": user.username,
        "name": user.get_full_name(),
        "email": user.email,
        "active": user.is_active,
        "superuser": user.is_superuser,
        "roles": [group.name for group in user.groups.all()],
        "companies": [grant.company.code for grant in user.company_grants.all()],
    }


def _subject(username: str):
    user = users_overview().filter(username=username).first()
    if user is None:
        raise NotFound(_("No user named %(name)s.") % {"name": username})
    return user


@router.get("/users", response=list[UserOut], summary="Users with their roles and companies (administration)")
def users(request):
    ensure_permission(request.user, "auth.view_user")
    return [_user_out(user) for user in users_overview()]


@router.post("/users", response={201: UserOut}, summary="Create a user with roles and company access")
def user_create(request, payload: UserIn):
    ensure_permission(request.user, "auth.add_user")
    user = services.user_create(**payload.dict(), by=request.user)
    return Status(201, _user_out(_subject(user.username)))


@router.post("/users/{username}/grant", response=UserOut, summary="Add roles and company access to a user")
def user_grant(request, username: str, payload: RightsIn):
    ensure_permission(request.user, "auth.change_user")
    services.user_grant(user=_subject(username), **payload.dict(), by=request.user)
    return _user_out(_subject(username))


@router.post("/users/{username}/revoke", response=UserOut, summary="Take roles and company access from a user")
def user_revoke(request, username: str, payload: RightsIn):
    ensure_permission(request.user, "auth.change_user")
    services.user_revoke(user=_subject(username), **payload.dict(), by=request.user)
    return _user_out(_subject(username))


@router.post("/users/{username}/name", response=UserOut, summary="Change the name a user is shown by")
def user_rename(request, username: str, payload: NameIn):
    ensure_permission(request.user, "auth.change_user")
    services.user_rename(user=_subject(username), name=payload.name, by=request.user)
    return _user_out(_subject(username))


@router.post("/users/{username}/deactivate", response=UserOut, summary="Stop a user signing in (its tokens too)")
def user_deactivate(request, username: str):
    ensure_permission(request.user, "auth.change_user")
    services.user_set_active(user=_subject(username), active=False, by=request.user)
    return _user_out(_subject(username))


@router.post("/users/{username}/activate", response=UserOut, summary="Let a deactivated user sign in again")
def user_activate(request, username: str):
    ensure_permission(request.user, "auth.change_user")
    services.user_set_active(user=_subject(username), active=True, by=request.user)
    return _user_out(_subject(username))


@router.post("/companies", response={201: CompanyOut}, summary="Create a company (a legal entity)")
def company_create(request, payload: CompanyIn):
    ensure_permission(request.user, "companies.add_company")
    return Status(201, company_services.company_create(**payload.dict(), by=request.user))
