"""In a real browser: an analyst trains the pay-date model on the crafted history, reads the model card
and the forecast, and sees the slipping customer's expected payment date on its page, in Chinese."""

from __future__ import annotations

from playwright.sync_api import expect

from ardesk.companies.models import CompanyGrant
from ardesk.core.testing.browser import BROWSER, signed_in
from ardesk.customers.models import Customer

pytestmark = BROWSER


def test_an_analyst_trains_the_model_and_reads_what_it_expects(page, live_server, crafted, analyst):
    signed_in(page, live_server, analyst)
    page.goto(f"{live_server.url}/insights/model/")
    expect(page.locator("#not-trained")).to_be_visible()
    with page.expect_navigation(timeout=120_000):  # training answers when it is done: slow on a loaded machine
        page.locator("#train").click(timeout=120_000)
    # The crafted history is learnable: the model beats the five baselines and is the one in use.
    expect(page.locator("#method")).to_have_text("学习模型")
    expect(page.locator("#figures tbody tr")).to_have_count(6)
    expect(page.locator("#versions tbody tr")).to_have_count(1)

    page.goto(f"{live_server.url}/insights/forecast/")
    expect(page.locator("#forecast-chart canvas")).to_have_count(1)
    expect(page.locator("#not-trained")).to_have_count(0)

    slipping = Customer.objects.get(code="SLIP-00")
    page.goto(f"{live_server.url}/customers/{slipping.pk}/")
    rows = page.locator("#expected-dates tbody tr")
    expect(rows).to_have_count(2)  # its May invoice and the 100,000 one, both still open
    expect(rows.first).to_contain_text("天")


def test_the_company_switch_is_a_select_with_its_button_beside_it(page, live_server, company, other_company, manager):
    CompanyGrant.objects.create(user=manager, company=other_company)
    signed_in(page, live_server, manager)
    for path in ("/insights/model/", "/insights/forecast/"):
        page.goto(f"{live_server.url}{path}")
        select = page.locator("form.inline-form select[name=company]").bounding_box()
        button = page.locator("form.inline-form", has=page.locator("select")).locator("button").bounding_box()
        assert select["width"] < 600, path  # not the page's whole width
        assert abs(select["y"] - button["y"]) < select["height"], path  # on the same line
