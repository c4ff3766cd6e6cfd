"""In a real browser: an analyst imports the old system's credit limits, a manager approves the batch."""

from __future__ import annotations

from playwright.sync_api import expect

from ardesk.core.testing.browser import BROWSER, sign_out, signed_in
from ardesk.credit.models import CreditAccount
from ardesk.customers.tests.factories import CustomerFactory

pytestmark = BROWSER

FILE = (
    "客户编码,信用额度,币种,有效期至,信用等级,最长账期,审批人,审批日期,审批单号\n"
    "K1,500000,CNY,2099-12-31,A,60,王经理,2025-01-15,CR-001\n"
    "K2,80000.50,CNY,,B,30,王经理,2025-01-15,CR-002\n"
)


def test_analyst_imports_limits_and_a_manager_approves_them_as_a_whole(
    page, live_server, company, analyst, manager, tmp_path
):
    k1 = CustomerFactory(company=company, code="K1")
    CustomerFactory(company=company, code="K2")
    path = tmp_path / "limits.csv"
    path.write_text(FILE, encoding="utf-8")

    signed_in(page, live_server, analyst)
    page.goto(f"{live_server.url}/credit/limits/")
    page.set_input_files("#id_file", str(path))
    with page.expect_navigation():
        page.click("#limit-import button[type=submit]")
    expect(page.locator("#limit-lines tbody")).to_contain_text("80,000.50")
    expect(page.locator("#limit-batch-decide")).to_have_count(0)
    sign_out(page)

    signed_in(page, live_server, manager)
    page.goto(f"{live_server.url}/credit/limits/")
    with page.expect_navigation():
        page.locator("#limit-batches tbody a").first.click()
    with page.expect_navigation():
        page.click("#limit-batch-decide button[value=approve]")
    expect(page.locator("#limit-batch")).to_contain_text("已批准并生效")
    assert CreditAccount.objects.get(customer=k1).limit == 50_000_000
    page.goto(f"{live_server.url}/credit/customers/{k1.pk}/")
    expect(page.locator("#imported-limits")).to_contain_text("CR-001")
