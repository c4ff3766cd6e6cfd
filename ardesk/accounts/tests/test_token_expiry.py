"""API tokens expire: 90 days by default (ARDESK_TOKEN_DAYS), shown in "My account" and `ardesk token list`."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from ardesk.accounts.models import ApiToken
from ardesk.accounts.services import token_issue

pytestmark = pytest.mark.django_db


def me(raw: str):
    return Client(headers={"Authorization": f"Bearer {raw}", "Accept-Language": "en"}).get("/api/v1/me")


def test_a_token_expires_after_ninety_days_by_default(accountant):
    before = timezone.now()
    token, raw = token_issue(user=accountant)
    assert before + dt.timedelta(days=90) <= token.expires_at <= timezone.now() + dt.timedelta(days=90)
    assert me(raw).status_code == 200


def test_an_expired_token_is_refused_with_the_documented_error(accountant):
    token, raw = token_issue(user=accountant)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    answer = me(raw)
    assert answer.status_code == 401
    assert answer.json() == {
        "error": {"code": "unauthorized", "message": "Authentication required: send a valid API token.", "fields": {}}
    }


def test_the_life_of_a_token_is_configurable_and_zero_never_expires(accountant, settings):
    settings.ARDESK_TOKEN_DAYS = 7
    week, _raw = token_issue(user=accountant)
    assert dt.timedelta(days=6, hours=23) < week.expires_at - timezone.now() <= dt.timedelta(days=7)
    forever, raw = token_issue(user=accountant, days=0)
    assert forever.expires_at is None and me(raw).status_code == 200


def test_token_list_shows_the_expiry_and_expired_tokens(accountant):
    token, _raw = token_issue(user=accountant, name="ERP")
    ApiToken.objects.filter(pk=token.pk).update(expires_at=dt.datetime(2025, 3, 1, 8, 0, tzinfo=dt.UTC))
    forever, _raw = token_issue(user=accountant, name="BI", days=0)
    out = StringIO()
    call_command("token", "list", stdout=out)
    lines = out.getvalue().splitlines()
    assert f"{token.prefix}\taccountant\texpired\texpires 2025-03-01 08:00\tERP" in lines
    assert f"{forever.prefix}\taccountant\tactive\tnever expires\tBI" in lines


def test_my_account_shows_when_each_token_expires(accountant):
    token, _raw = token_issue(user=accountant)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=dt.datetime(2026, 6, 30, 3, 30, tzinfo=dt.UTC))
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(accountant)
    html = client.get("/accounts/profile/").content.decode()
    assert "<th>Expires</th>" in html
    assert "<td>06/30/2026 11:30 a.m.</td>" in html  # 03:30 UTC is 11:30 in Shanghai


def test_the_openapi_document_needs_a_sign_in_or_a_token(accountant):
    anonymous = Client()
    answer = anonymous.get("/api/v1/openapi.json")
    assert answer.status_code == 401 and answer.json()["error"]["code"] == "unauthorized"
    docs = anonymous.get("/api/v1/docs")
    assert docs.status_code == 302 and docs["Location"].startswith("/accounts/login/?next=/api/v1/docs")
    _token, raw = token_issue(user=accountant)
    assert Client(headers={"Authorization": f"Bearer {raw}"}).get("/api/v1/openapi.json").status_code == 200
    signed_in = Client()
    signed_in.force_login(accountant)
    assert signed_in.get("/api/v1/docs").status_code == 200


def test_the_openapi_document_can_be_configured_public(settings, db):
    settings.ARDESK_API_DOCS_PUBLIC = True
    assert Client().get("/api/v1/openapi.json").json()["info"]["title"] == "ARdesk API"
