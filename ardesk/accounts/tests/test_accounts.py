from __future__ import annotations

import pytest
from django.test import Client

from ardesk.accounts.models import ApiToken, Preference
from ardesk.accounts.services import user_create
from ardesk.conftest import PASSWORD
from ardesk.core.errors import ApplicationError


def login(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_five_failed_logins_lock_the_account_even_for_the_right_password(accountant):
    client = Client()
    for _ in range(4):
        assert login(client, "accountant", "wrong-password-9").status_code == 200
    assert login(client, "accountant", "wrong-password-9").status_code == 429
    response = login(client, "accountant", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_successful_login_resets_the_failure_count(accountant):
    client = Client()
    for _ in range(4):
        login(client, "accountant", "wrong-password-9")
    assert login(client, "accountant", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        login(client, "accountant", "wrong-password-9")
    assert login(client, "accountant", PASSWORD).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("password", ["short1", "abcdefghijkl", "1234567890123", "password123"])
def test_password_policy_refuses_weak_passwords(password):
    with pytest.raises(ApplicationError):
        user_create(username="newuser", password=password)


@pytest.mark.django_db
def test_password_policy_accepts_a_strong_password():
    assert user_create(username="newuser", password="Ledger-2026-strong").check_password("Ledger-2026-strong")


def test_language_choice_is_kept_per_user(accountant):
    client = Client()
    client.force_login(accountant)
    assert client.get("/customers/").headers["Content-Language"] == "zh-hans"
    client.post("/accounts/language/", {"language": "en", "next": "/customers/"})
    assert Preference.objects.get(user=accountant).language == "en"
    other = Client(headers={"Accept-Language": "zh-CN"})
    other.force_login(accountant)
    response = other.get("/customers/")
    assert response.headers["Content-Language"] == "en"
    assert b"Customers" in response.content


def test_language_switch_refuses_foreign_redirects(accountant):
    client = Client()
    client.force_login(accountant)
    response = client.post("/accounts/language/", {"language": "en", "next": "https://evil.example.com/"})
    assert response["Location"] == "/"


def test_token_issued_in_the_ui_is_shown_once_and_can_be_revoked(accountant):
    client = Client()
    client.force_login(accountant)
    client.post("/accounts/tokens/", {"name": "ERP"})
    first = client.get("/accounts/profile/").content.decode()
    token = ApiToken.objects.get(user=accountant)
    assert f"ard_{token.prefix}_" in first
    assert f"ard_{token.prefix}_" not in client.get("/accounts/profile/").content.decode()
    client.post(f"/accounts/tokens/{token.prefix}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_a_user_cannot_revoke_another_users_token(accountant, collector):
    from ardesk.accounts.services import token_issue

    token, _raw = token_issue(user=accountant)
    client = Client()
    client.force_login(collector)
    client.post(f"/accounts/tokens/{token.prefix}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is None


@pytest.mark.django_db
def test_a_token_finds_its_active_user_and_is_marked_used_at_most_once_a_minute(accountant):
    import datetime as dt

    from ardesk.accounts.selectors import token_user
    from ardesk.accounts.services import token_issue, token_revoke

    token, raw = token_issue(user=accountant)
    user = token_user(raw)
    assert (user.pk, user.get_username(), user.is_active, user.is_superuser) == (
        accountant.pk,
        "accountant",
        True,
        False,
    )
    assert user.email == accountant.email  # any other field loads on first use
    token.refresh_from_db()
    first_use = token.last_used_at
    assert first_use is not None
    token_user(raw)
    token.refresh_from_db()
    assert token.last_used_at == first_use
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first_use - dt.timedelta(seconds=61))
    token_user(raw)
    token.refresh_from_db()
    assert token.last_used_at > first_use
    assert token_user(raw + "x") is None
    accountant.is_active = False
    accountant.save()
    assert token_user(raw) is None
    accountant.is_active = True
    accountant.save()
    token_revoke(prefix=token.prefix)
    assert token_user(raw) is None
