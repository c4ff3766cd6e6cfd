"""In a real browser: an analyst asks for a higher limit, a manager approves it and the held order is released."""

from __future__ import annotations

from playwright.sync_api import expect

from ardesk.core.testing.browser import BROWSER, sign_out, signed_in
from ardesk.credit import services
from ardesk.credit.models import CreditAccount, OpenOrder
from ardesk.credit.tests.conftest import give_limit

pytestmark = BROWSER


def test_analyst_requests_a_limit_increase_manager_approves_and_the_held_order_is_released(
    page, live_server, customer, analyst, manager
):
    give_limit(customer, "1000.00", analyst, manager)
    order, result = services.credit_check(by=analyst, customer=customer, order_ref="SO-77", amount="500.00")
    assert result.codes == ["over_limit"]  # 850.00 owed + 500.00 > 1,000.00

    signed_in(page, live_server, analyst)
    page.goto(f"{live_server.url}/customers/{customer.pk}/")
    expect(page.locator("#credit-summary [data-field=limit]")).to_contain_text("1,000.00")
    page.goto(f"{live_server.url}/credit/customers/{customer.pk}/")
    page.click("#request-change")
    page.select_option("#id_kind", "limit")
    page.fill("#id_amount", "2000.00")
    page.fill("#id_reason", "Order SO-77 for the spring season; three years paid on time")
    with page.expect_navigation():
        page.click("#request-form button[type=submit]")
    expect(page.locator("#requests tbody")).to_contain_text("2,000.00")
    sign_out(page)

    signed_in(page, live_server, manager)
    page.goto(f"{live_server.url}/credit/requests/")
    row = page.locator("#credit-requests tbody tr").first
    expect(row).to_contain_text("SO-77 for the spring season")
    row.locator("input[name=note]").fill("Approved with the sales director")
    with page.expect_navigation():
        row.locator("button[value=approve]").click()
    expect(page.locator("#credit-requests tbody")).not_to_contain_text("SO-77")
    assert CreditAccount.objects.get(customer=customer).limit == 200000

    # The approval re-checks the customer's held orders: SO-77 now fits (1,350.00 of 2,000.00).
    page.goto(f"{live_server.url}/credit/orders/held/")
    expect(page.locator("#held-orders")).not_to_contain_text("SO-77")
    order.refresh_from_db()
    assert (order.status, order.decided_by) == ("released", manager)

    page.goto(f"{live_server.url}/customers/{customer.pk}/")
    expect(page.locator("#credit-summary [data-field=exposure]")).to_contain_text("1,350.00")
    assert OpenOrder.objects.filter(customer=customer, status="released").count() == 1
