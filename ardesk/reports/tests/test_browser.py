"""The dashboard in a real browser: click an overdue bar of the aging chart, land on its items."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from ardesk.core import clock
from ardesk.core.testing.browser import BROWSER, signed_in

pytestmark = BROWSER


def test_click_an_overdue_bar_and_see_the_items_behind_it(page, live_server, ledger, accountant, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: dt.date(2024, 12, 31))
    signed_in(page, live_server, accountant)
    page.goto(f"{live_server.url}/")
    expect(page.locator("#card-total")).to_contain_text("2,660.00")
    chart = page.locator("#aging-chart canvas")
    expect(chart).to_be_visible()
    # The 61-90 bar (fourth): where ECharts drew it, in page pixels.
    x, y = page.evaluate(
        """() => {
            const chart = echarts.getInstanceByDom(document.getElementById('aging-chart'));
            return chart.convertToPixel({seriesIndex: 0}, [3, 200]);
        }"""
    )
    box = chart.bounding_box()
    with page.expect_navigation():
        page.mouse.click(box["x"] + x, box["y"] + y)
    assert "bucket=61-90" in page.url
    rows = page.locator("#items tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("I1")
    expect(rows.first).to_contain_text("400.00")
