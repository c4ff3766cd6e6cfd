"""The order credit check screen in a real browser: from the menu, an order released, then one held with its reason."""

from __future__ import annotations

from playwright.sync_api import expect

from ardesk.core.testing.browser import BROWSER, signed_in
from ardesk.credit.models import OpenOrder
from ardesk.credit.tests.conftest import give_limit

pytestmark = BROWSER


def _check(page, order_ref: str, amount: str) -> None:
    page.fill("#id_customer_code", "C1")
    page.fill("#id_order_ref", order_ref)
    page.fill("#id_amount", amount)
    with page.expect_navigation():
        page.click("#check-order")


def test_an_analyst_checks_orders_from_the_screen(page, live_server, company, customer, analyst, manager):
    give_limit(customer, "1000.00", analyst, manager)  # C1 owes 850.00 (600.00 + 300.00 - 50.00 unapplied)
    signed_in(page, live_server, analyst)
    with page.expect_navigation():
        page.click(".sidebar a[href='/credit/orders/check/']")
    page.select_option("#id_company", company.code)

    _check(page, "SO-1", "100.00")  # 950.00 of 1,000.00
    expect(page.locator("#check-result")).to_have_attribute("data-decision", "release")
    expect(page.locator("#check-exposure")).to_contain_text("950.00")
    assert OpenOrder.objects.get(order_ref="SO-1").status == "released"

    _check(page, "SO-2", "500.00")  # 950.00 + 500.00 = 1,450.00 > 1,000.00
    expect(page.locator("#check-result")).to_have_attribute("data-decision", "hold")
    expect(page.locator("#check-reasons li[data-reason='over_limit']")).to_have_count(1)
    expect(page.locator("#check-exposure")).to_contain_text("1,450.00")
    assert OpenOrder.objects.get(order_ref="SO-2").status == "held"


def test_an_unknown_customer_is_named_on_its_field(page, live_server, company, customer, analyst):
    signed_in(page, live_server, analyst)
    page.goto(f"{live_server.url}/credit/orders/check/")
    page.fill("#id_customer_code", "NOPE")
    page.fill("#id_order_ref", "SO-9")
    page.fill("#id_amount", "10.00")
    with page.expect_navigation():
        page.click("#check-order")
    expect(page.locator(".has-error")).to_contain_text(company.code)
    assert not OpenOrder.objects.filter(order_ref="SO-9").exists()
