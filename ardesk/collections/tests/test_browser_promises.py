"""The promises to pay list in a real browser: from the menu, filtered open, kept or broken."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from ardesk.collections.models import PromiseToPay
from ardesk.core.testing.browser import BROWSER, signed_in

pytestmark = BROWSER


def _promise(customer, amount: int, status: str, promised_on: dt.date, paid: int = 0) -> PromiseToPay:
    return PromiseToPay.objects.create(
        company=customer.company,
        customer=customer,
        currency="CNY",
        amount=amount,
        paid=paid,
        promised_on=promised_on,
        made_on=promised_on - dt.timedelta(days=7),
        status=status,
    )


def test_the_collector_opens_the_promises_and_filters_them(page, live_server, collector, customer):
    _promise(customer, 1_250_000, "open", dt.date(2026, 12, 20))
    _promise(customer, 300_000, "kept", dt.date(2026, 11, 10), paid=300_000)
    broken = _promise(customer, 4_800_050, "broken", dt.date(2026, 11, 30), paid=100_000)
    signed_in(page, live_server, collector)

    with page.expect_navigation():
        page.click(".sidebar a[href='/collections/promises/']")
    rows = page.locator("#promises tbody tr")
    expect(rows).to_have_count(1)  # open ones first
    expect(rows.first).to_contain_text("12,500.00 CNY")
    expect(rows.first).to_contain_text("2026-12-20")

    with page.expect_navigation():
        page.click("#promise-filters a[data-status='broken']")
    expect(rows).to_have_count(1)
    expect(rows.first).to_have_attribute("data-promise", str(broken.pk))
    expect(rows.first).to_contain_text("48,000.50 CNY")
    expect(rows.first).to_contain_text("1,000.00")  # paid by the date

    with page.expect_navigation():
        page.click("#promise-filters a[data-status='all']")
    expect(rows).to_have_count(3)
