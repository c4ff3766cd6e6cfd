"""A budget in a real browser: import it, fix a cell on the grid, approve it, read it against actual, drill in."""

from __future__ import annotations

from playwright.sync_api import expect

from ardesk.budgets import services
from ardesk.budgets.models import BudgetLine, BudgetVersion, Segment
from ardesk.core.testing.browser import BROWSER, sign_out, signed_in

pytestmark = BROWSER

BUDGET = (
    "维度,对象,月份,销售额,销售成本,回款,应收账款余额\n"
    "客户,A001,2025-01,90000,60000,30000,90000\n"
    "客户,A001,2025-02,9000,6300,50000,50000\n"
)


def _import_budget(page, live_server, tmp_path, accountant, version) -> None:
    """The accountant signs in and imports BUDGET into the version from its page."""
    budget_file = tmp_path / "budget.csv"
    budget_file.write_text(BUDGET, encoding="utf-8")
    signed_in(page, live_server, accountant)
    page.goto(f"{live_server.url}/budgets/{version.pk}/")
    page.set_input_files("#id_file", str(budget_file))
    with page.expect_navigation():
        page.click("#budget-import button[type=submit]")


def test_import_approve_and_drill_into_a_variance(page, live_server, tmp_path, company, quarter, accountant, manager):
    version = services.version_create(by=accountant, company=company, year=2025, name="2025 预算")
    _import_budget(page, live_server, tmp_path, accountant, version)
    expect(page.locator("#budget-grid tbody tr")).to_have_count(1)
    february = page.locator("#budget-grid tbody tr").first.locator("input.grid-cell").nth(1)
    february.fill("10000")
    with page.expect_response(lambda r: "/cell/" in r.url):
        february.press("Tab")
    expect(page.locator("#budget-grid td.saved")).to_have_count(1)
    assert BudgetLine.objects.get(version=version, month=2).sales == 1_000_000
    sign_out(page)

    signed_in(page, live_server, manager)
    page.goto(f"{live_server.url}/budgets/{version.pk}/")
    with page.expect_navigation():
        page.click("#approve")
    expect(page.locator("#budget-state")).to_have_text("已批准")
    assert BudgetVersion.objects.get(pk=version.pk).approved_by == manager

    page.click("text=预算执行分析")
    rows = page.locator("#variance tbody tr")
    expect(rows).to_have_count(2)
    # B001 was not budgeted and sold 50,000: the biggest variance comes first.
    expect(rows.first).to_contain_text("B001")
    expect(rows.first).to_contain_text("50,000.00")
    expect(rows.nth(1)).to_contain_text("-2,000.00")
    with page.expect_navigation():
        rows.first.locator("a.drill").click()
    documents = page.locator("#drill-documents tbody tr")
    expect(documents).to_have_count(1)
    expect(documents.first).to_contain_text("INV-2")


def test_a_segment_names_its_credit_review_interval_on_the_segments_screen(page, live_server, company, manager):
    signed_in(page, live_server, manager)
    page.goto(f"{live_server.url}/budgets/segments/?company={company.code}")
    page.fill("#id_code", "MFG")
    page.fill("#id_name", "制造业")
    page.select_option("#id_industry", "C")
    page.fill("#id_review_months", "3")
    with page.expect_navigation():
        page.click("#segment-form button[type=submit]")
    row = page.locator("#segments tbody tr").first
    expect(row).to_contain_text("MFG")
    expect(row.locator("td").nth(7)).to_have_text("3")
    expect(page.locator("#segments thead")).to_contain_text("信用复核周期（月）")
    assert Segment.objects.get(code="MFG").review_months == 3


def test_the_grid_scrolls_sideways_rather_than_squeezing_a_members_name(
    page, live_server, tmp_path, company, quarter, accountant
):
    quarter[0].name = "南京云帆建材集团有限公司"
    quarter[0].save()
    version = services.version_create(by=accountant, company=company, year=2025, name="2025 预算")
    _import_budget(page, live_server, tmp_path, accountant, version)
    member = page.locator("#budget-grid tbody tr").first.locator("td").first
    expect(member).to_contain_text("南京云帆建材集团有限公司")
    lines = member.evaluate(
        """el => { const r = document.createRange(); r.selectNodeContents(el);
        return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size; }"""
    )
    assert lines == 1
