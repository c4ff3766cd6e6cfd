"""The collector in a real browser: the worklist, a call logged with a promise, the item out of the next run."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from ardesk.collections.models import PromiseToPay
from ardesk.core import clock
from ardesk.core.testing.browser import BROWSER, signed_in
from ardesk.ledger.tests.factories import invoice

pytestmark = BROWSER


def test_a_call_with_a_promise_takes_the_item_out_of_the_next_dunning_run(
    page, live_server, accountant, collector, company, customer
):
    today = clock.today()
    invoice(
        accountant,
        customer,
        "INV-88",
        "3200.00",
        issue_on=today - dt.timedelta(days=40),
        due_on=today - dt.timedelta(days=10),
    )
    signed_in(page, live_server, collector)

    # Before the call, today's run would send the first notice.
    page.goto(f"{live_server.url}/collections/runs/?company={company.code}&run_on={today.isoformat()}")
    expect(page.locator("#preview-notices tbody tr")).to_have_count(1)
    expect(page.locator("#preview-notices")).to_contain_text("C100")

    # The worklist shows the customer; the collector opens it and logs the call.
    page.goto(f"{live_server.url}/collections/")
    row = page.locator("#worklist tbody tr").first
    expect(row).to_contain_text("华东机电有限公司")
    expect(row).to_contain_text("320.00")  # 3,200.00 ten days overdue: 10 % at risk
    with page.expect_navigation():
        row.locator("a.btn[href$='#log']").click()  # the contact log (relations adds its own button)
    promised = today + dt.timedelta(days=7)
    page.select_option("#id_channel", "call")
    page.select_option("#id_outcome", "promised")
    page.fill("#id_promise_amount", "3200.00")
    page.fill("#id_promise_on", promised.isoformat())
    page.fill("#id_note", "财务李娜承诺下周付款")
    page.locator("#contact-form button[type=submit]").click()
    expect(page.locator("#contact-saved")).to_be_visible()
    expect(page.locator("#timeline-list")).to_contain_text("财务李娜承诺下周付款")
    promise = PromiseToPay.objects.get()
    assert (promise.amount, promise.promised_on) == (320000, promised)

    # The next run leaves the promised item alone.
    page.goto(f"{live_server.url}/collections/runs/?company={company.code}&run_on={today.isoformat()}")
    expect(page.locator("#preview-notices tbody td.muted")).to_have_count(1)
    expect(page.locator("#confirm-run")).to_have_count(0)
