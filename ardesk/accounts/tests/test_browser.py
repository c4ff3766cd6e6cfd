"""Signing in, the language switch and API tokens, in a real browser."""

from __future__ import annotations

import hashlib
import re

from ardesk.accounts.models import ApiToken, Preference
from ardesk.conftest import PASSWORD
from ardesk.core.testing.browser import BROWSER, sign_out, signed_in

pytestmark = BROWSER

SWITCH = "button[name=language]"


def html_lang(page) -> str:
    return page.evaluate("document.documentElement.lang")


def test_wrong_password_stays_on_the_login_page_and_the_right_one_opens_the_dashboard(page, live_server, persona):
    user = persona("accountant")
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "not-the-password-2026")
    with page.expect_navigation():
        page.press("#id_password", "Enter")
    assert page.url.startswith(f"{live_server.url}/accounts/login/")
    assert page.locator(".messages li.error").is_visible()
    assert page.input_value("#id_username") == user.username  # the name is kept, the password is not
    assert page.input_value("#id_password") == ""

    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.press("#id_password", "Enter")
    assert page.url == f"{live_server.url}/reports/dashboard/"  # the first page of a report reader
    assert page.locator("#card-total").is_visible()
    assert page.locator(".topbar .who").inner_text() == user.username


def test_language_switch_changes_the_page_and_is_kept_for_the_user(page, live_server, persona):
    user = persona("accountant")
    signed_in(page, live_server, user)
    assert html_lang(page) == "zh-hans"

    with page.expect_navigation():
        page.click(f".topbar {SWITCH}")
    assert html_lang(page) == "en"
    assert page.url == f"{live_server.url}/reports/dashboard/"  # back where the switch was pressed
    assert Preference.objects.get(user=user).language == "en"

    with page.expect_navigation():
        page.click(f".topbar {SWITCH}")
    assert html_lang(page) == "zh-hans"

    with page.expect_navigation():
        page.click(f".topbar {SWITCH}")
    assert html_lang(page) == "en"
    sign_out(page)
    assert "/accounts/login/" in page.url

    # Without the language cookie this browser is a Chinese one: only the user's saved choice
    # can bring English back after signing in again.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    assert html_lang(page) == "zh-hans"
    signed_in(page, live_server, user)
    assert html_lang(page) == "en"
    page.goto(f"{live_server.url}/accounts/profile/")
    assert html_lang(page) == "en"


def test_language_switch_on_the_login_page(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    assert html_lang(page) == "zh-hans"
    with page.expect_navigation():
        page.click(f".login-box {SWITCH}")
    assert html_lang(page) == "en"
    assert page.url.startswith(f"{live_server.url}/accounts/login/")
    assert page.locator("#id_username").is_visible()


def test_an_api_token_is_shown_once_and_can_be_revoked(page, live_server, persona):
    user = persona("accountant")
    signed_in(page, live_server, user)
    page.goto(f"{live_server.url}/accounts/profile/")
    page.fill("#token-name", "ERP nightly export")
    with page.expect_navigation():
        page.click("form[action$='/accounts/tokens/'] button[type=submit]")

    raw = page.locator("#new-token").inner_text().strip()
    token = ApiToken.objects.get(user=user)
    assert token.name == "ERP nightly export"
    assert hashlib.sha256(raw.encode()).hexdigest() == token.key_hash  # the very token that was stored
    row = page.locator("tr", has_text="ERP nightly export")
    assert row.locator("code").inner_text() == token.prefix

    page.reload()  # shown once: not after a reload
    assert page.locator("#new-token").count() == 0
    assert raw not in page.content()

    with page.expect_navigation():
        page.locator("tr", has_text="ERP nightly export").locator("button[type=submit]").click()
    token.refresh_from_db()
    assert token.revoked_at is not None
    row = page.locator("tr", has_text="ERP nightly export")
    assert row.locator("button[type=submit]").count() == 0  # nothing left to revoke
    assert page.locator(".messages li.success").is_visible()
    assert re.search(r"/accounts/profile/$", page.url)


def test_the_administrator_creates_a_user_from_the_administration_screen(page, live_server, persona):
    from ardesk.accounts.roles import COLLECTOR
    from ardesk.companies.models import CompanyGrant

    signed_in(page, live_server, persona("administrator"))
    page.click("nav.sidebar a[href='/accounts/users/']")
    with page.expect_navigation():
        page.click("a[href='/accounts/users/new/']")
    page.fill("#id_username", "zhou")
    page.fill("#id_email", "zhou@example.cn")
    page.fill("#id_password", "Receivable-2026-ok")
    page.check(f"input[name=roles][value={COLLECTOR}]")
    page.check("input[name=companies][value=SH01]")
    with page.expect_navigation():
        page.click("form.panel button[type=submit]")
    row = page.locator("#users tr", has_text="zhou")
    assert row.is_visible()
    assert "催收员" in row.inner_text()  # the role by its name, in the administrator's language
    assert "SH01" in row.inner_text()
    assert CompanyGrant.objects.filter(user__username="zhou", company__code="SH01").exists()
