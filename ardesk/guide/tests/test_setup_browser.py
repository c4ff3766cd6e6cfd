"""In a real browser: a new installation's administrator follows the checklist through the first import;
a demo collector takes the tour of their role to its end."""

from __future__ import annotations

from playwright.sync_api import expect

from ardesk.core.testing.browser import BROWSER, signed_in
from ardesk.customers.models import Customer
from ardesk.guide.models import TourProgress, TourStatus
from ardesk.guide.tours import TOURS, tours_offer

pytestmark = BROWSER


def test_a_new_administrator_follows_the_checklist_through_the_first_import(page, live_server, administrator, company):
    administrator.is_superuser = True  # as `ardesk init` makes the first administrator
    administrator.save()
    signed_in(page, live_server, administrator)
    panel = page.locator("#onboarding-panel")
    expect(panel).to_contain_text("已完成 0 / 10 步")
    with page.expect_navigation():
        page.click("#onboarding-open")
    expect(page.locator("h1")).to_have_text("上线向导")
    step = page.locator("#step-customers")
    expect(step.locator(".badge")).to_have_text("待办")

    with page.expect_download() as downloaded:
        step.locator(".example-link").click()
    example = downloaded.value.path().read_bytes()
    assert example.startswith(b"code,name")

    with page.expect_navigation():
        step.locator("a", has_text="打开页面").click()
    page.select_option("#id_kind", "customers")
    page.select_option("#id_company", str(company.pk))
    page.set_input_files("#id_file", files=[{"name": "customers.csv", "mimeType": "text/csv", "buffer": example}])
    with page.expect_navigation():
        page.click("form[enctype] button[type=submit]")
    with page.expect_navigation():
        page.click("#import-confirm")
    expect(page.locator("#import-done")).to_be_visible()
    assert Customer.objects.filter(company=company).count() == 3

    page.goto(f"{live_server.url}/help/onboarding/")
    expect(page.locator("#step-customers .badge")).to_have_text("已完成")
    expect(page.locator("#step-open_items .badge")).to_have_text("待办")


def test_a_demo_collector_takes_the_tour_to_its_end(page, live_server, collector):
    tours_offer([collector])  # as the demo does for each of its users
    signed_in(page, live_server, collector)
    expect(page.locator("#tour-box")).to_contain_text("要不要花几分钟浏览一下")
    page.click("#tour-begin")
    steps = TOURS["collector"]
    for number, step in enumerate(steps, start=1):
        box = page.locator("#tour-box")
        expect(box).to_contain_text(f"第 {number} 步，共 {len(steps)} 步")
        # The step's element is lit, or the scrolling wrapper of a table (which would clip its light).
        lit = page.locator(f"{step.selector}.tour-highlight, .table-wrap.tour-highlight:has(> {step.selector})")
        expect(lit).to_be_visible()
        if number < len(steps):
            page.click("#tour-next")
    page.click("#tour-finish")
    expect(page.locator("#tour-box")).to_have_count(0)
    progress = TourProgress.objects.get(user=collector)
    assert (progress.status, progress.step) == (TourStatus.FINISHED, len(steps) - 1)
    page.reload()
    expect(page.locator("#tour-box")).to_have_count(0)
