"""Reading users, their roles and tokens."""

from __future__ import annotations

import hashlib

from django.utils import timezone

from ardesk.accounts.models import ApiToken, Preference
from ardesk.accounts.roles import role_label


def user_language(user) -> str | None:
    if not hasattr(user, "_ardesk_language"):
        user._ardesk_language = Preference.objects.filter(user=user).values_list("language", flat=True).first()
    return user._ardesk_language


def user_roles(user) -> list[str]:
    return [role_label(name) for name in user.groups.values_list("name", flat=True)]


def token_user(raw: str):
    """The active user behind an API token, or None; marks the token as used."""
    digest = hashlib.sha256(raw.encode()).hexdigest()
    token = ApiToken.objects.select_related("user").filter(key_hash=digest, revoked_at=None).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
