"""In a real browser: the analyst opens the risk portfolio and the risk settings."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from ardesk.accounts.models import Preference
from ardesk.core.testing.browser import BROWSER, signed_in
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.tests.factories import invoice
from ardesk.risk import services

pytestmark = BROWSER


def test_a_concentration_warning_leads_to_the_customers_behind_it(page, live_server, company, accountant, analyst):
    # Two customers owe 9,000.00 and 1,000.00: the largest holds 90%, HHI 8,100 + 100 = 8,200 > 1,500.
    today = dt.date.today()
    for code, amount in (("BIG", "9000.00"), ("SMALL", "1000.00")):
        customer = CustomerFactory(company=company, code=code)
        invoice(accountant, customer, f"I-{code}", amount, issue_on=today, due_on=today + dt.timedelta(days=30))
    services.risk_scan(company=company, as_of=today)

    signed_in(page, live_server, analyst)
    page.goto(f"{live_server.url}/risk/portfolio/")
    warning = page.locator("#concentration-warnings a[data-warning=hhi_customer_max]")
    expect(warning).to_contain_text("8200")
    expect(page.locator("#risk-grade-chart canvas")).to_have_count(1)
    with page.expect_navigation():
        warning.click()
    rows = page.locator("#concentration tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("BIG")
    expect(rows.first).to_contain_text("90.00%")
    with page.expect_navigation():
        rows.first.locator("a").click()
    expect(page.locator("h1")).to_contain_text(CustomerFactory._meta.model.objects.get(code="BIG").name)
    expect(page.locator("#risk")).to_contain_text("风险")


def test_a_short_setting_beside_a_long_label_reads_whole_in_english(page, live_server, company, analyst):
    Preference.objects.create(user=analyst, language="en")
    signed_in(page, live_server, analyst)
    page.goto(f"{live_server.url}/risk/settings/")
    label = page.locator("#config-watch dt", has_text="Any high signal puts the customer on the watch list")
    value = label.locator("xpath=following-sibling::dd")
    expect(value).to_have_text("Yes")
    # One line: the value is not broken letter by letter ("Ye" / "s") to make room for the label.
    lines = value.evaluate(
        "dd => { const text = document.createRange(); text.selectNodeContents(dd);"
        " return text.getClientRects().length; }"
    )
    assert lines == 1
