"""The cash desk in a real browser: import a statement, accept a suggestion, split a line, see the journal."""

from __future__ import annotations

from playwright.sync_api import expect

from ardesk.banking.models import Application, LineStatus, StatementLine
from ardesk.banking.tests.helpers import bank_account, csv_statement, customer, invoice_on
from ardesk.core.testing.browser import BROWSER, signed_in

pytestmark = BROWSER

# How many lines of text an element's content takes on the screen.
LINES_OF = """el => { const r = document.createRange(); r.selectNodeContents(el);
    return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size; }"""


def _import_statement(page, live_server, accountant, account, path) -> None:
    """The accountant signs in and imports the statement file into the bank account from the import screen."""
    signed_in(page, live_server, accountant)
    page.goto(f"{live_server.url}/banking/import/")
    page.select_option("#id_account", str(account.pk))
    page.set_input_files("#id_file", str(path))
    with page.expect_navigation():
        page.click("#import-form button[type=submit]")


def test_import_accept_split_and_see_the_journal(page, live_server, company, accountant, tmp_path):
    account = bank_account(company)
    customer(company, "C001", "上海华星贸易有限公司", "6222 0210 0112 3456")
    mingda = customer(company, "C002", "北京明达电子股份有限公司")
    huaxing_invoice = invoice_on(
        accountant, customer(company, "C003", "广州华南物流有限公司"), "INV-2026-0003", "500.00"
    )
    invoice_on(accountant, mingda, "INV-2026-0002", "700.00")
    path = tmp_path / "march.csv"
    path.write_bytes(
        csv_statement(
            [
                ("北京明达电子股份有限公司", "", "700.00", "货款 INV-2026-0002", "B1"),  # matched at import
                ("广州华南物流公司财务部", "", "200.00", "", "B2"),  # waits with a suggestion
                ("某集团财务公司", "", "1000.00", "代付", "B3"),  # split by hand
            ],
            encoding="gbk",
        )
    )

    _import_statement(page, live_server, accountant, account, path)
    expect(page.locator(".messages")).to_contain_text("自动认领 1 行")

    waiting = StatementLine.objects.get(bank_ref="B2")
    row = page.locator(f"#line-{waiting.pk}")
    expect(row).to_contain_text("C003")
    with page.expect_navigation():
        row.locator("button", has_text="采纳").first.click()
    assert StatementLine.objects.get(bank_ref="B2").status == LineStatus.MANUAL
    assert Application.objects.get(line=waiting).receipt.customer_id == huaxing_invoice.customer_id

    split = StatementLine.objects.get(bank_ref="B3")
    page.goto(f"{live_server.url}/banking/lines/{split.pk}/")
    page.fill("#id_customer_1", "C003")
    page.fill("#id_amount_1", "300.00")
    page.fill("#id_customer_2", "C001")
    page.fill("#id_amount_2", "700.00")
    with page.expect_navigation():
        page.click("#match-form button[type=submit]")
    expect(page.locator("#line-status")).to_have_text("手工认领")
    expect(page.locator("#applications tbody tr")).to_have_count(2)

    page.goto(f"{live_server.url}/banking/journal/")
    journal = page.locator("#journal tbody tr")
    expect(journal).to_have_count(8)  # four receipts, each Dr bank / Cr receivables
    expect(journal.first).to_contain_text("1002")
    expect(page.locator("#journal")).to_contain_text("应收账款")
    # A date never breaks inside itself ("2026-12-" above "04"), however wide the description beside it.
    assert journal.first.locator("td").nth(1).evaluate(LINES_OF) == 1


def test_the_queue_keeps_a_status_and_short_headings_on_one_line_beside_long_suggestions(
    page, live_server, company, accountant, tmp_path
):
    account = bank_account(company)
    invoice_on(accountant, customer(company, "C003", "无锡宏达纺织股份有限公司"), "INV-2026-0003", "9000.00")
    path = tmp_path / "queue.csv"
    path.write_bytes(csv_statement([("无锡宏达纺织", "", "4837.29", "货款", "B1")], encoding="gbk"))
    _import_statement(page, live_server, accountant, account, path)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{live_server.url}/banking/")
    line = StatementLine.objects.get(bank_ref="B1")
    expect(page.locator(f"#line-{line.pk}")).to_contain_text("待认领")
    status = page.locator(f"#line-{line.pk} td").nth(4)
    assert status.evaluate(LINES_OF) == 1
    for heading in ("摘要/附言", "状态"):
        assert page.locator("#lines th", has_text=heading).evaluate(LINES_OF) == 1, heading
    # The empty choice of the account filter reads "全部", not Django's dashes.
    expect(page.locator("#id_account option").first).to_have_text("全部")
