"""The screens in Chromium under the Content-Security-Policy: no violation in the console, behaviours intact."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from ardesk.core import clock
from ardesk.core.testing.browser import BROWSER, signed_in
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.tests.factories import invoice

pytestmark = BROWSER


def violations(page) -> list[str]:
    """The console's CSP messages from now on (Chromium logs every blocked script, style or handler)."""
    found: list[str] = []

    def keep(message) -> None:
        if "Content Security Policy" in message.text:
            found.append(message.text)

    page.on("console", keep)
    return found


def test_the_main_screens_raise_no_csp_violation(page, live_server, accountant, company, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: dt.date(2024, 12, 31))
    customer = CustomerFactory(company=company, bank_account="6225880212345678")
    invoice(accountant, customer, "I1", "400.00", issue_on=dt.date(2024, 9, 1), due_on=dt.date(2024, 10, 1))
    found = violations(page)
    page.goto(f"{live_server.url}/accounts/login/")
    signed_in(page, live_server, accountant)
    expect(page.locator("#aging-chart canvas")).to_be_visible()  # the dashboard's ECharts drew
    for path in (
        "/customers/",
        f"/customers/{customer.pk}/",
        "/credit/requests/",
        "/accounts/profile/",
        "/api/v1/docs",
    ):
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
    expect(page.locator("#swagger-ui .info")).to_be_visible()  # Swagger UI runs from its own files
    assert found == []


def test_the_review_list_still_reloads_when_the_period_changes(page, live_server, accountant):
    found = violations(page)
    signed_in(page, live_server, accountant)
    page.goto(f"{live_server.url}/customers/review/")
    value = page.locator("#within option").nth(1).get_attribute("value")
    with page.expect_navigation():
        page.select_option("#within", value)
    assert f"within={value}" in page.url
    assert found == []


def test_the_administration_pages_raise_no_csp_violation(page, live_server, administrator, accountant):
    found = violations(page)
    signed_in(page, live_server, administrator)
    page.goto(f"{live_server.url}/admin/auth/user/{accountant.pk}/change/")
    page.wait_for_load_state("networkidle")
    assert found == []
