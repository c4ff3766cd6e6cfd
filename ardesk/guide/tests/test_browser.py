"""The help drawer in a real browser: the "?" opens the screen's help in the user's language; Escape and × close it."""

from __future__ import annotations

from ardesk.core.testing.browser import BROWSER, signed_in

pytestmark = BROWSER

TOGGLE = ".topbar button.help-toggle"
DRAWER = "#help-drawer"


def test_a_chinese_user_opens_the_screens_help_and_closes_it_with_escape(page, live_server, persona):
    signed_in(page, live_server, persona("collector"))
    page.goto(f"{live_server.url}/help/")
    toggle = page.locator(TOGGLE)
    assert toggle.get_attribute("aria-label") == "帮助"
    assert not page.locator(DRAWER).is_visible()

    toggle.click()
    drawer = page.locator(DRAWER)
    drawer.locator("#help-drawer-title").wait_for()
    assert drawer.is_visible()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert drawer.locator("#help-drawer-title").inner_text() == "帮助"
    headings = drawer.locator(".help-text h3").all_inner_texts()
    assert headings == ["用途", "栏目与字段", "操作", "角色分工"]
    assert "角色工作指南" in drawer.inner_text()
    assert drawer.locator("a[href='/help/page/guide:index/']").is_visible()  # the full page

    page.keyboard.press("Escape")
    assert not drawer.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"

    toggle.click()
    drawer.locator("#help-drawer-title").wait_for()
    page.click("#help-drawer .help-close")
    assert not drawer.is_visible()


def test_an_english_user_reads_the_help_in_english_and_opens_the_full_page(page, live_server, persona):
    signed_in(page, live_server, persona("accountant"))
    page.goto(f"{live_server.url}/help/whatsnew/")
    with page.expect_navigation():
        page.click(".language-switch button[value=en]")
    page.click(TOGGLE)
    drawer = page.locator(DRAWER)
    drawer.locator("#help-drawer-title").wait_for()
    assert drawer.locator("#help-drawer-title").inner_text() == "What's new"
    assert drawer.locator(".help-text h3").all_inner_texts() == [
        "Purpose",
        "Columns and fields",
        "Actions",
        "Who does what",
    ]
    with page.expect_navigation():
        drawer.locator("a[href='/help/page/guide:whatsnew/']").click()
    assert page.locator("h1").inner_text() == "What's new"
    assert page.locator("article.help-text h2").first.inner_text() == "Purpose"
