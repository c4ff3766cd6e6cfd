"""Users' language, API tokens and the first administrator."""

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

from ardesk.accounts.models import ApiToken, Preference
from ardesk.audit.services import record
from ardesk.core.errors import ApplicationError, NotFound

User = get_user_model()


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


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    email: str = "",
    roles: list[str] = (),
    is_superuser: bool = False,
    is_staff: bool = False,
    validate: bool = True,
    by=None,
):
    """Create a user with roles, after checking the password against the policy."""
    from django.contrib.auth.models import Group

    if User.objects.filter(username=username).exists():
        raise ApplicationError(
            _("User %(name)s already exists.") % {"name": username}, field="username", code="duplicate"
        )
    user = User(username=username, email=email, is_superuser=is_superuser, is_staff=is_staff or is_superuser)
    if validate:
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ApplicationError(" ".join(exc.messages), field="password") from exc
    user.set_password(password)
    user.save()
    if roles:
        user.groups.add(*Group.objects.filter(name__in=roles))
    return user
