"""The month-end close in a real browser: close November from the cockpit, try to post into it, reopen it
with a second finance manager."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from ardesk.core.testing.browser import BROWSER, sign_out, signed_in
from ardesk.ledger import periods
from ardesk.ledger.models import Document

pytestmark = BROWSER
NOVEMBER = dt.date(2024, 11, 1)


def test_close_a_month_refuse_a_posting_into_it_and_reopen_it_with_a_second_manager(
    page, live_server, accountant, manager, second_manager, company, customer
):
    cockpit = f"{live_server.url}/closing/cockpit/?company=SH01&period=2024-11"
    signed_in(page, live_server, manager)
    page.goto(cockpit)
    expect(page.locator("#period-status")).to_have_text("未结账")
    expect(page.locator("#checklist tbody tr")).to_have_count(6)
    expect(page.locator("#checklist tr[data-key=aging]")).to_contain_text("待办")
    page.check("#id_accept_open_points")
    with page.expect_navigation():
        page.click("#close")
    expect(page.locator("#period-status")).to_have_text("已结账")
    expect(page.locator("#closed-notice")).to_contain_text("2024年11月")
    sign_out(page)

    signed_in(page, live_server, accountant)
    page.goto(f"{live_server.url}/ledger/customers/{customer.pk}/documents/new/")
    page.fill("#id_number", "I-NOV")
    page.fill("#id_issue_on", "2024-11-20")
    page.fill("#id_amount", "100.00")
    with page.expect_navigation():
        page.click("form.panel .actions button[type=submit]")
    expect(page.locator(".errorlist")).to_contain_text("2024年11月 已结账")
    assert not Document.objects.exists()
    sign_out(page)

    signed_in(page, live_server, manager)
    page.goto(cockpit)
    page.click("#reopen summary")
    page.fill("#id_reason", "ERP 补录 11 月发票")
    with page.expect_navigation():
        page.click("#request-reopen")
    expect(page.locator("#reopen-request")).to_contain_text("ERP 补录 11 月发票")
    expect(page.locator("#approve-reopen")).to_have_count(0)  # not the requester
    sign_out(page)

    signed_in(page, live_server, second_manager)
    page.goto(cockpit)
    with page.expect_navigation():
        page.click("#approve-reopen")
    expect(page.locator("#period-status")).to_have_text("未结账")
    expect(page.locator("#history")).to_contain_text("已反结账")
    assert not periods.is_closed(company.pk, NOVEMBER)
