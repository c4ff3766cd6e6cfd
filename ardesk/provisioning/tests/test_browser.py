"""The month-end provision in a real browser: prepare, review the entry, approve as a manager, export."""

from __future__ import annotations

import csv
import datetime as dt
import io

from playwright.sync_api import expect

from ardesk.core.testing.browser import BROWSER, sign_out, signed_in
from ardesk.provisioning.models import ProvisionRun
from ardesk.provisioning.tests.conftest import sale

pytestmark = BROWSER


def test_prepare_review_approve_and_export_the_month_end_journal(
    page, live_server, accountant, manager, customers, aging_policy
):
    # 1,000 within 6 months at 1 % and 300 of 6-12 months at 5 %: 25.00 to provision.
    sale(accountant, customers[0], "I1", "1000.00", issue_on=dt.date(2024, 11, 1))
    sale(accountant, customers[2], "I3", "300.00", issue_on=dt.date(2024, 3, 1))

    signed_in(page, live_server, accountant)
    page.goto(f"{live_server.url}/provisioning/")
    page.select_option("#id_company", "SH01")
    page.fill("#id_period", "2024-12")
    with page.expect_navigation():
        page.click("#prepare-run button[type=submit]")
    expect(page.locator("#run-status")).to_have_text("草稿")
    journal = page.locator("#journal tbody tr")
    expect(journal).to_have_count(2)
    expect(journal.nth(0)).to_contain_text("6702")
    expect(journal.nth(0)).to_contain_text("25.00")
    expect(journal.nth(1)).to_contain_text("1231")
    expect(page.locator("#approve")).to_have_count(0)
    run_url = page.url
    sign_out(page)

    signed_in(page, live_server, manager)
    page.goto(run_url)
    with page.expect_navigation():
        page.click("#approve")
    expect(page.locator("#run-status")).to_have_text("已批准")
    assert ProvisionRun.objects.get().approved_by == manager

    page.click("text=本期凭证")
    with page.expect_download() as download:
        page.click("#export-csv")
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8-sig").read())))
    assert rows[0][:6] == ["entry_number", "date", "company", "kind", "line", "account"]
    assert [(r[5], r[7], r[8]) for r in rows[1:]] == [("6702", "25.00", "0.00"), ("1231", "0.00", "25.00")]
