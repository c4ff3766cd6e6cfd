"""Reading users, their roles and tokens."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone, translation

from ardesk.accounts.models import ApiToken, Preference
from ardesk.accounts.roles import role_label
from ardesk.companies.models import CompanyGrant
from ardesk.core import prepared


def user_language(user) -> str | None:
    if not hasattr(user, "_ardesk_language"):
        user._ardesk_language = Preference.objects.filter(user=user).values_list("language", flat=True).first()
    return user._ardesk_language


def api_language(request, user) -> str:
    """The language of an API answer: the one the call asks for (Accept-Language), else the user's saved choice.

    A screen speaks the signed-in user's choice whatever the browser says; an API client that sends
    Accept-Language chooses per call, and one that sends none gets what its user chose on the screens.
    """
    if request.META.get("HTTP_ACCEPT_LANGUAGE"):
        return translation.get_language_from_request(request)
    return user_language(user) or settings.LANGUAGE_CODE


def users_overview():
    """Every user with its roles and companies, for the administration screen and `ardesk user list`."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.order_by("username")
        .prefetch_related("groups", Prefetch("company_grants", queryset=CompanyGrant.objects.select_related("company")))
    )


def user_roles(user) -> list[str]:
    return [role_label(name) for name in user.groups.values_list("name", flat=True)]


def token_user(raw: str):
    """The active user behind an API token neither revoked nor expired, or None; marks it used (at most once a minute).

    One plain statement, prepared: every API call starts here. The user carries the fields a request reads
    (id, username, active, superuser) and the saved language; any other field loads on first use.
    """
    from django.contrib.auth import get_user_model
    from django.db import connection

    digest = hashlib.sha256(raw.encode()).hexdigest()
    now = timezone.now()
    user_model = get_user_model()
    # In the model's field order, as Model.from_db expects the values.
    wanted = {"id", user_model.USERNAME_FIELD, "is_active", "is_superuser"}
    fields = [field for field in user_model._meta.concrete_fields if field.attname in wanted]
    columns = ", ".join(f"u.{connection.ops.quote_name(field.column)}" for field in fields)
    sql = f"""
        SELECT t.id, t.last_used_at IS NULL OR t.last_used_at < %s, p.language, {columns}
        FROM accounts_apitoken t JOIN {connection.ops.quote_name(user_model._meta.db_table)} u ON u.id = t.user_id
        LEFT JOIN accounts_preference p ON p.user_id = u.id
        WHERE t.key_hash = %s AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > %s)
    """  # noqa: S608 (column and table names from the model; every value is a parameter)
    stale = connection.ops.adapt_datetimefield_value(now - dt.timedelta(seconds=60))
    with connection.cursor() as cursor:
        at = connection.ops.adapt_datetimefield_value(now)
        prepared.execute(cursor, "ardesk_token_user", sql, [stale, digest, at])
        row = cursor.fetchone()
    if row is None:
        return None
    token_id, is_stale, language, *values = row
    user = user_model.from_db(connection.alias, [field.attname for field in fields], values)
    user._ardesk_language = language  # what user_language reads, read here with the token
    if not user.is_active:
        return None
    if is_stale:
        ApiToken.objects.filter(pk=token_id).update(last_used_at=now)
    return user
