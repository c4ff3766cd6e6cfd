"""Users: their language, API tokens, roles, company access and whether they may sign in."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ardesk.accounts.domain import Actor, rights_change_problem
from ardesk.accounts.models import ApiToken, Preference
from ardesk.accounts.roles import ROLE_LABELS
from ardesk.audit.services import record
from ardesk.companies.models import Company
from ardesk.companies.services import company_grant, company_revoke
from ardesk.core.errors import ApplicationError, NotFound, NotPermitted

User = get_user_model()
# The whole name is kept in Django's first_name (a Chinese name is not split into given and family names).
NAME_LENGTH = User._meta.get_field("first_name").max_length


@transaction.atomic
def language_set(*, user, language: str) -> Preference:
    if language not in dict(settings.LANGUAGES):
        raise ApplicationError(_("Unknown language %(language)s.") % {"language": language}, field="language")
    preference, _created = Preference.objects.update_or_create(user=user, defaults={"language": language})
    user._ardesk_language = language
    return preference


@transaction.atomic
def token_issue(*, user, name: str = "", days: int | None = None, by=None) -> tuple[ApiToken, str]:
    """Create an API token; return it with the raw token, which is shown only this once.

    It expires after ``days`` (``ARDESK_TOKEN_DAYS`` by default, 90); 0 issues a token that never expires.
    """
    days = settings.ARDESK_TOKEN_DAYS if days is None else days
    if days < 0:
        raise ApplicationError(_("A token's life is a number of days, 0 for never expiring."), field="days")
    prefix = secrets.token_hex(4)
    raw = f"ard_{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=prefix,
        key_hash=hashlib.sha256(raw.encode()).hexdigest(),
        expires_at=timezone.now() + dt.timedelta(days=days) if days else None,
    )
    record(
        action="api_token.issue",
        actor=by,
        target=token,
        after={"user": user.username, "name": name, "expires_at": token.expires_at},
    )
    return token, raw


@transaction.atomic
def token_revoke(*, prefix: str, by=None) -> ApiToken:
    token = ApiToken.objects.select_for_update().filter(prefix=prefix).first()
    if token is None:
        raise NotFound(_("No API token with prefix %(prefix)s.") % {"prefix": prefix})
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record(action="api_token.revoke", actor=by, target=token, after={"revoked_at": token.revoked_at})
    return token


def _actor(by) -> Actor | None:
    return Actor(user_id=by.pk, is_superuser=by.is_superuser) if by is not None else None


def _ensure_may_change_rights(by, user, *, makes_superuser: bool = False) -> None:
    """The acting user may change this user's rights (never its own), else NotPermitted; None is the operator."""
    problem = rights_change_problem(
        actor=_actor(by), user_ids={user.pk} if user.pk else set(), makes_superuser=makes_superuser
    )
    if problem:
        raise NotPermitted(problem)


def _role_groups(roles) -> list:
    """The groups of these role names, refusing a name that is no role."""
    from django.contrib.auth.models import Group

    roles = list(dict.fromkeys(roles))
    unknown = [name for name in roles if name not in ROLE_LABELS]
    if unknown:
        raise ApplicationError(
            _("%(name)s is not a role. The roles are: %(roles)s.")
            % {"name": unknown[0], "roles": ", ".join(ROLE_LABELS)},
            field="roles",
        )
    return list(Group.objects.filter(name__in=roles))


def _companies(codes) -> list[Company]:
    codes = list(dict.fromkeys(codes))
    found = {company.code: company for company in Company.objects.filter(code__in=codes)}
    missing = [code for code in codes if code not in found]
    if missing:
        raise ApplicationError(
            _("Company %(code)s does not exist.") % {"code": missing[0]}, field="companies", code="not_found"
        )
    return [found[code] for code in codes]


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    email: str = "",
    name: str = "",
    roles: list[str] = (),
    companies: list[str] = (),
    is_superuser: bool = False,
    is_staff: bool = False,
    validate: bool = True,
    by=None,
):
    """Create a user with roles and company access, after checking the password against the policy.

    ``name`` is the person's name as screens show it (张伟; whole, not split into given and family
    names); the user name is what they sign in with.

    ``by`` is the administrator acting (None from the command line, the server's operator): only a
    superuser makes a superuser. The audit trail records the user, its roles and its companies.
    """
    username = (username or "").strip()
    if not username:
        raise ApplicationError(_("A user name is required."), field="username")
    if User.objects.filter(username=username).exists():
        raise ApplicationError(
            _("User %(name)s already exists.") % {"name": username}, field="username", code="duplicate"
        )
    if is_superuser:
        _ensure_may_change_rights(by, User(), makes_superuser=True)
    groups = _role_groups(roles)
    granted = _companies(companies)
    user = User(
        username=username,
        email=email,
        first_name=_person_name(name),
        is_superuser=is_superuser,
        is_staff=is_staff or is_superuser,
    )
    if validate:
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ApplicationError(" ".join(exc.messages), field="password") from exc
    user.set_password(password)
    user.save()
    if groups:
        user.groups.add(*groups)
    for company in granted:
        company_grant(user=user, company=company, by=by)
    return user


def _person_name(name: str) -> str:
    name = " ".join((name or "").split())
    if len(name) > NAME_LENGTH:
        raise ApplicationError(
            _("A name has at most %(count)d characters.") % {"count": NAME_LENGTH}, field="name", code="too_long"
        )
    return name


@transaction.atomic
def user_rename(*, user, name: str, by=None):
    """Change the name a user is shown by (its user name, to sign in with, stays); audited."""
    name = _person_name(name)
    if name != user.first_name or user.last_name:
        before = user.get_full_name()
        user.first_name, user.last_name = name, ""
        user.save(update_fields=["first_name", "last_name"])
        record(
            action="auth.user.rename", actor=by, target=user, before={"full_name": before}, after={"full_name": name}
        )
    return user


@transaction.atomic
def user_grant(*, user, roles: list[str] = (), companies: list[str] = (), by=None):
    """Add roles and company access to a user (another administrator's change, never one's own)."""
    _ensure_may_change_rights(by, user)
    groups = _role_groups(roles)
    granted = _companies(companies)
    if groups:
        user.groups.add(*groups)
    for company in granted:
        company_grant(user=user, company=company, by=by)
    return user


@transaction.atomic
def user_revoke(*, user, roles: list[str] = (), companies: list[str] = (), by=None):
    """Take roles and company access away from a user."""
    _ensure_may_change_rights(by, user)
    groups = _role_groups(roles)
    taken = _companies(companies)
    if groups:
        user.groups.remove(*groups)
    for company in taken:
        company_revoke(user=user, company=company, by=by)
    return user


@transaction.atomic
def user_set_active(*, user, active: bool, by=None):
    """Deactivate a user (it can no longer sign in, and its API tokens stop working) or activate it again.

    A user is deactivated, not deleted: the audit trail and the records it made keep naming it.
    """
    _ensure_may_change_rights(by, user)
    if user.is_active != active:
        user.is_active = active
        user.save(update_fields=["is_active"])
    return user
