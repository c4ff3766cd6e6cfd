"""Customer screens in a real browser: create with a checked credit code, search, history, masking, review."""

from __future__ import annotations

import datetime as dt
import re

from playwright.sync_api import expect

from ardesk.core import clock
from ardesk.core.testing.browser import BROWSER, new_page, signed_in
from ardesk.customers.domain import make_uscc
from ardesk.customers.models import Customer
from ardesk.customers.tests.factories import CustomerFactory

pytestmark = BROWSER

VALID = make_uscc("91", "310115", "MA1K4E7P")
INVALID = VALID[:17] + ("0" if VALID[17] != "0" else "1")  # only the check character is wrong
NAME = "苏州博远新材料有限公司"
INITIALS = "szbyxclyxgs"  # 苏州博远新材料有限公司 by the first letters of its pinyin
NEW_NAME = "苏州博远新材料科技有限公司"
ACCOUNT = "6222021001123456789"

SAVE = "form:has(#id_uscc) button[type=submit]"


def customer_rows(page):
    return page.locator("table#customers tbody tr")


def search(page, text: str):
    """Type into the list's search box; htmx replaces the table without loading the page."""
    with page.expect_response(lambda r: "/customers/?" in r.url and r.request.headers.get("hx-request") == "true"):
        page.fill("#id_q", text)
    page.wait_for_function(
        "text => new URL(location.href).searchParams.get('q') === text", arg=text
    )  # htmx pushed the search into the address


def test_accountant_creates_a_customer_finds_it_and_sees_its_history(page, live_server, persona, company):
    assert INVALID != VALID
    CustomerFactory(company=company, code="H0001", name="合肥锦程物流有限公司")  # one that must not match
    signed_in(page, live_server, persona("accountant"))

    # An invalid credit code: the error is on its field and nothing is saved.
    page.goto(f"{live_server.url}/customers/new/")
    page.fill("#id_code", "C7001")
    page.fill("#id_name", NAME)
    page.fill("#id_uscc", INVALID)
    with page.expect_navigation():
        page.click(SAVE)
    assert page.url == f"{live_server.url}/customers/new/"
    uscc_field = page.locator(".field.has-error", has=page.locator("#id_uscc"))
    assert uscc_field.locator(".errorlist li").count() >= 1
    assert uscc_field.locator(".errorlist li").first.is_visible()
    assert page.locator(".field.has-error").count() == 1  # only the credit code is wrong
    assert page.input_value("#id_name") == NAME  # what was typed is kept
    assert not Customer.objects.filter(code="C7001").exists()

    # Fixed: saved, and the browser lands on the new customer's page.
    page.fill("#id_uscc", VALID)
    with page.expect_navigation():
        page.click(SAVE)
    customer = Customer.objects.get(code="C7001")
    assert customer.uscc == VALID and customer.name == NAME
    assert page.url == f"{live_server.url}/customers/{customer.pk}/"
    assert NAME in page.locator("h1").inner_text()
    assert page.locator(".messages li.success").is_visible()

    # Found in the list by part of its name and by its pinyin initials, without a page load.
    page.goto(f"{live_server.url}/customers/")
    assert customer_rows(page).count() == 2
    page.evaluate("window.__samePage = true")
    for text in ("博远新材", "没有这家公司", INITIALS):  # the miss in between: no stale table can pass
        search(page, text)
        if text == "没有这家公司":
            expect(page.locator("table#customers tbody td.muted")).to_be_visible()
            expect(customer_rows(page)).to_have_count(1)
        else:
            expect(customer_rows(page).filter(has_text=NAME)).to_have_count(1)
            expect(customer_rows(page)).to_have_count(1)
        assert page.evaluate("window.__samePage === true")  # the table was swapped in by htmx
    with page.expect_navigation():
        customer_rows(page).filter(has_text=NAME).get_by_role("link", name=NAME).click()
    assert page.url == f"{live_server.url}/customers/{customer.pk}/"

    # The change history has its creation, with the values it was created with.
    history = page.locator("#history-table tbody tr")
    assert history.count() == 1
    assert NAME in history.first.inner_text()
    assert VALID in history.first.inner_text()

    # Renamed: the history shows the old and the new name.
    with page.expect_navigation():
        page.click(f"a[href='/customers/{customer.pk}/edit/']")
    assert page.input_value("#id_name") == NAME
    page.fill("#id_name", NEW_NAME)
    with page.expect_navigation():
        page.click(SAVE)
    assert page.url == f"{live_server.url}/customers/{customer.pk}/"
    assert NEW_NAME in page.locator("h1").inner_text()
    assert history.count() == 2
    change = history.first  # newest first
    assert change.locator("del").inner_text() == NAME
    assert change.locator("ins").inner_text() == NEW_NAME
    customer.refresh_from_db()
    assert customer.name == NEW_NAME


def test_bank_account_masked_for_a_collector_in_full_for_an_accountant(browser, page, live_server, persona, company):
    customer = CustomerFactory(company=company, bank_name="招商银行上海分行", bank_account=ACCOUNT)
    url = f"{live_server.url}/customers/{customer.pk}/"

    signed_in(page, live_server, persona("accountant"))
    page.goto(url)
    assert page.locator("[data-field=bank_account]").inner_text().strip() == ACCOUNT

    collector_page = new_page(browser)
    try:
        signed_in(collector_page, live_server, persona("collector"))
        collector_page.goto(url)
        shown = collector_page.locator("[data-field=bank_account]").inner_text().strip()
        assert shown.startswith("••••")
        assert shown.endswith(ACCOUNT[-4:])
        assert ACCOUNT not in collector_page.content()
    finally:
        collector_page.context.close()


def test_due_for_review_lists_a_customer_whose_review_date_has_passed(page, live_server, persona, company):
    today = clock.today()
    overdue = CustomerFactory(company=company, code="R0001", next_review_on=today - dt.timedelta(days=10))
    later = CustomerFactory(company=company, code="R0002", next_review_on=today + dt.timedelta(days=200))
    signed_in(page, live_server, persona("analyst"))
    page.goto(f"{live_server.url}/customers/")
    with page.expect_navigation():
        page.click(".sidebar a[href='/customers/review/']")
    assert page.url == f"{live_server.url}/customers/review/"

    row = page.locator("table.data tbody tr", has_text=overdue.code)
    assert row.count() == 1
    assert overdue.name in row.inner_text()
    assert row.locator("td.overdue").inner_text() == (today - dt.timedelta(days=10)).isoformat()
    assert page.locator("table.data tbody tr", has_text=later.code).count() == 0

    with page.expect_navigation():
        page.select_option("#within", "0")  # overdue and today only: still there
    assert re.search(r"within=0", page.url)
    assert page.locator("table.data tbody tr", has_text=overdue.code).count() == 1


def test_on_a_phone_the_sidebar_is_hidden_until_the_menu_button_opens_it(phone_page, live_server, persona, company):
    CustomerFactory(company=company, code="P0001")
    page = phone_page
    signed_in(page, live_server, persona("accountant"))
    page.goto(f"{live_server.url}/customers/")
    sidebar = page.locator("nav.sidebar")
    menu = page.locator(".topbar .menu-toggle")
    assert sidebar.is_hidden()
    assert menu.is_visible()
    assert customer_rows(page).filter(has_text="P0001").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling

    menu.click()
    sidebar.wait_for(state="visible")
    link = sidebar.locator("a[href='/customers/review/']")
    assert link.is_visible()
    with page.expect_navigation():
        link.click()
    assert page.url == f"{live_server.url}/customers/review/"
    assert page.locator("nav.sidebar").is_hidden()  # closed again on the next page
