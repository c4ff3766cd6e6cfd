"""The ledger in a real browser: import a file with a bad row, fix it, import, see the balance."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from ardesk.core.testing.browser import BROWSER, signed_in
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.models import Document

pytestmark = BROWSER

HEADER = "number,customer,issue_date,due_date,currency,amount\n"
GOOD_ROW = 'INV-1,C1,2024-01-05,2024-02-04,CNY,"1,200.50"\n'
BAD_ROW = "INV-2,C1,2024-01-06,2024-13-01,CNY,300\n"  # no 13th month


def upload(page, live_server, company, name: str, text: str) -> None:
    page.goto(f"{live_server.url}/ledger/import/")
    page.select_option("#id_kind", "invoices")
    page.select_option("#id_company", str(company.pk))
    # The file field speaks the page's language, not the browser's ("Choose File", "No file chosen").
    picker = page.locator(".file-picker")
    expect(picker.locator("label")).to_have_text("选择文件")
    expect(picker.locator(".file-name")).to_have_text("未选择文件")
    page.set_input_files("#id_file", files=[{"name": name, "mimeType": "text/csv", "buffer": text.encode()}])
    expect(picker.locator(".file-name")).to_have_text(name)
    with page.expect_navigation():
        page.click("form[enctype] button[type=submit]")


def test_import_a_file_with_a_bad_row_fix_it_and_see_the_balance(page, live_server, persona, company):
    customer = CustomerFactory(company=company, code="C1", name="上海宏达机械有限公司")
    signed_in(page, live_server, persona("accountant"))

    upload(page, live_server, company, "invoices.csv", HEADER + GOOD_ROW + BAD_ROW)
    problems = page.locator("#problems tbody tr")
    expect(problems).to_have_count(1)
    expect(problems.first.locator("td").nth(0)).to_have_text("3")
    # The column by its label in the user's language, then as the file names it.
    expect(problems.first.locator("td").nth(1)).to_have_text(re.compile(r"^到期日 \(due_date\)\s*$"))
    assert not Document.objects.exists()

    upload(
        page,
        live_server,
        company,
        "invoices-fixed.csv",
        HEADER + GOOD_ROW + BAD_ROW.replace("2024-13-01", "2024-02-05"),
    )
    expect(page.locator("#import-confirm")).to_be_visible()
    with page.expect_navigation():
        page.click("#import-confirm")
    expect(page.locator("#import-done")).to_be_visible()
    assert Document.objects.count() == 2

    page.goto(f"{live_server.url}/customers/{customer.pk}/")
    balance = page.locator("#ledger-balances [data-balance='CNY']")
    expect(balance).to_contain_text("1,500.50")
    expect(page.locator("#open-items tbody tr")).to_have_count(2)


def test_a_finance_manager_refunds_part_of_a_customers_credit(page, live_server, persona, company):
    from ardesk.ledger.tests.factories import receipt

    customer = CustomerFactory(company=company, code="C2", name="上海宏达机械有限公司")
    paid = receipt(persona("accountant"), customer, "R-1", "1000.00")  # nothing allocated: 1,000.00 of credit
    signed_in(page, live_server, persona("manager"))
    page.goto(f"{live_server.url}/ledger/documents/{paid.pk}/")
    page.fill("#refund #id_amount", "150.00")
    page.fill("#refund #id_reference", "ICBC 0098")
    with page.expect_navigation():
        page.click("#refund button[type=submit]")
    # 1,000.00 - 150.00: what is left to refund is offered next.
    expect(page.locator("#refund #id_amount")).to_have_value("850.00")
    expect(page.locator("#allocations")).to_contain_text("R-1-RF1")
    page.fill("#refund #id_amount", "900.00")
    with page.expect_navigation():
        page.click("#refund button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("850.00")
    assert Document.objects.get(pk=paid.pk).unapplied_now == 85000
