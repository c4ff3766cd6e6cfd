"""The report screens: dashboard, aging with drill-down and exports, bucket sets, snapshots."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from ardesk.core import clock
from ardesk.ledger.models import Document
from ardesk.reports import services
from ardesk.reports.models import AgingSnapshot


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    client.post("/accounts/language/", {"language": "en"})
    return client


@pytest.fixture
def web(accountant):
    return signed_in(accountant)


def test_home_opens_the_dashboard_for_report_readers(web, administrator):
    assert web.get("/")["Location"] == "/reports/dashboard/"
    other = Client()
    other.force_login(administrator)
    assert other.get("/")["Location"] == "/customers/"


def test_the_aging_page_shows_the_buckets_and_the_reconciliation(web, ledger):
    body = web.get("/reports/aging/", {"as_of": "2024-12-31"}).content.decode()
    assert "2,660.00" in body and "1,160.00" in body
    assert 'id="reconciliation"' in body and "✓" in body
    assert "/reports/aging/items/?" in body


def test_a_cell_drills_down_to_its_items(web, ledger):
    body = web.get(
        "/reports/aging/items/", {"as_of": "2024-12-31", "by": "customer", "key": "A", "bucket": "61-90"}
    ).content.decode()
    assert ">I1<" in body and "400.00" in body and ">I2<" not in body


def test_exports_keep_numbers_as_numbers(web, ledger):
    xlsx = web.get("/reports/aging/", {"as_of": "2024-12-31", "export": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [row for row in sheet.iter_rows(values_only=True) if row and row[0] == "A"]
    assert values[0][3] == 2660
    csv_body = web.get("/reports/aging/", {"as_of": "2024-12-31", "export": "csv"}).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(csv_body)))
    assert rows[1][0] == "A" and rows[1][3] == "2660.00"
    pdf = web.get("/reports/aging/", {"as_of": "2024-12-31", "export": "pdf"})
    assert pdf.content.startswith(b"%PDF")


def test_the_dashboard_shows_totals_that_link_to_their_lists(web, ledger, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: dt.date(2024, 12, 31))
    body = web.get("/reports/dashboard/").content.decode()
    assert "2,660.00" in body  # total receivables
    assert "/reports/aging/items/?bucket=overdue" in body
    assert "echarts" in body
    overdue = web.get("/reports/aging/items/", {"as_of": "2024-12-31", "bucket": "overdue"}).content.decode()
    assert ">I1<" in overdue and ">I2<" not in overdue


def test_bucket_sets_are_edited_by_a_finance_manager_only(web, manager):
    client = signed_in(manager)
    response = client.post(
        "/reports/aging/buckets/",
        {
            "code": "quarters",
            "name": "Quarters",
            "basis": "document",
            "unit": "months",
            "buckets": "q1 | First quarter | 一季度 | 3\nq2 | Second quarter | 二季度 | 6\nolder | Older | 更早 |",
        },
    )
    assert response.status_code == 302
    assert "quarters" in client.get("/reports/aging/buckets/").content.decode()
    bad = client.post(
        "/reports/aging/buckets/",
        {"code": "x", "name": "X", "basis": "due", "unit": "days", "buckets": "a | A | | ten\nb | B | |"},
    )
    assert "Line 1" in bad.content.decode()
    assert 'name="buckets"' not in web.get("/reports/aging/buckets/").content.decode()


def test_a_snapshot_is_shown_as_it_was_even_after_a_backdated_posting(web, ledger, manager, accountant):
    services.aging_snapshot_take(as_of=dt.date(2024, 12, 31), by=manager)
    snapshot = AgingSnapshot.objects.get(bucket_set__code="overdue")
    from ardesk.ledger.tests.factories import invoice

    invoice(accountant, ledger, "LATE", "1000.00", issue_on=dt.date(2024, 12, 1), due_on=dt.date(2024, 12, 2))
    body = web.get(f"/reports/aging/snapshots/{snapshot.pk}/").content.decode()
    assert "2,660.00" in body
    assert Document.objects.filter(number="LATE").exists()
    assert "3,660.00" in web.get("/reports/aging/", {"as_of": "2024-12-31"}).content.decode()


def test_the_month_end_job_stores_missing_snapshots_once(ledger):
    taken = services.aging_snapshots_catch_up(today=dt.date(2025, 2, 10), months=3)
    assert taken == 2 * 3  # 2024-11-30, 2024-12-31, 2025-01-31, for both bucket sets
    assert services.aging_snapshots_catch_up(today=dt.date(2025, 2, 10), months=3) == 0


def test_the_aging_exports_write_a_formula_like_customer_name_as_text(web, ledger):
    from ardesk.customers.models import Customer

    Customer.objects.filter(code="A").update(name='=HYPERLINK("http://x.example","open")')
    xlsx = web.get("/reports/aging/", {"as_of": "2024-12-31", "export": "xlsx"})
    row = next(r for r in load_workbook(io.BytesIO(xlsx.content)).active.iter_rows() if r[0].value == "A")
    assert (row[1].value, row[1].data_type) == ('=HYPERLINK("http://x.example","open")', "s")
    assert row[3].value == 2660 and row[3].data_type == "n"
    csv_body = web.get("/reports/aging/", {"as_of": "2024-12-31", "export": "csv"}).content.decode("utf-8-sig")
    row = next(r for r in csv.reader(io.StringIO(csv_body)) if r[0] == "A")
    assert row[1] == '\'=HYPERLINK("http://x.example","open")' and row[3] == "2660.00"


def test_the_dashboard_chart_marks_unapplied_credit_to_show_it_apart_from_the_bands(web, ledger, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: dt.date(2024, 12, 31))
    bars = web.get("/reports/dashboard/").context["chart"]["bars"]
    unapplied = [b for b in bars if b["unapplied"]]
    assert len(unapplied) == 1 and unapplied[0]["amount"].startswith("-")  # the credit, kept off the bars
    assert all(not b["amount"].startswith("-") for b in bars if not b["unapplied"])
