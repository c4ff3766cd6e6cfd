"""KPIs over the API, the KPI page with its exports, and `ardesk report kpi`: same figures, same permissions."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook

from ardesk.accounts.services import token_issue
from ardesk.conftest import PERSONAS, make_persona
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.tests.factories import invoice
from ardesk.reports.tests.kpi_ledger import post_kpi_ledger

PERIOD = {"from": "2024-02-01", "to": "2024-03-31"}
PAGE = {"date_from": "2024-02-01", "date_to": "2024-03-31"}


@pytest.fixture
def ledger(company, accountant, collector):
    return post_kpi_ledger(company, accountant, collector)


def client_for(user) -> Client:
    _token, raw = token_issue(user=user)
    return Client(headers={"Authorization": f"Bearer {raw}"})


def web_for(user) -> Client:
    client = Client()
    client.force_login(user)
    client.post("/accounts/language/", {"language": "en"})
    return client


# --- API ----------------------------------------------------------------------------------------


def test_the_api_answers_the_documented_json(ledger, manager):
    data = client_for(manager).get("/api/v1/reports/kpi", PERIOD).json()
    assert (data["from"], data["to"], data["currency"], data["by"]) == ("2024-02-01", "2024-03-31", "CNY", "company")
    [row] = data["rows"]
    assert row["key"] == "SH01"
    assert {k: row[k] for k in ("dso", "countback_dso", "best_possible_dso", "add", "cei", "overdue_ratio")} == {
        "dso": "54.4",
        "countback_dso": "54.2",
        "best_possible_dso": "34.4",
        "add": "20.0",
        "cei": "45.5",
        "overdue_ratio": "40.8",
    }
    assert row["ending_ar"] == "4900.00" and row["credit_sales"] == "5400.00"
    assert [m["month"] for m in row["trend"]] == ["2024-02", "2024-03"]
    assert row["trend"][0]["dso"] == "40.6"
    assert data["totals"]["dso"] == "54.4"
    # The CRF form takes the sales of an average month, N = 2 months:
    # (1,000 + 5,400 / 2 − 4,900) / (1,000 + 5,400 / 2 − 3,100) × 100 = −1,200 / 600 × 100 = −200.0;
    # for one month both forms agree.
    assert row["cei_crf"] == "-200.0"
    assert all(m["cei_crf"] == m["cei"] for m in row["trend"])


def test_not_available_is_null(company, manager):
    data = client_for(manager).get("/api/v1/reports/kpi", PERIOD).json()
    assert data["rows"] == []
    assert data["totals"]["dso"] is None and data["totals"]["cei"] is None


def test_the_api_groups_by_customer(ledger, accountant):
    data = client_for(accountant).get("/api/v1/reports/kpi", {**PERIOD, "by": "customer"}).json()
    assert [(r["key"], r["company"], r["cei"]) for r in data["rows"]] == [("A", "SH01", "35.7"), ("B", "SH01", "100.0")]


@pytest.mark.parametrize("role", ["accountant", "analyst", "collector", "manager", "auditor"])
def test_every_role_but_the_administrator_reads_kpis(company, persona, role):
    assert client_for(persona(role)).get("/api/v1/reports/kpi", PERIOD).status_code == 200


def test_the_administrator_may_not_read_kpis(company, administrator):
    response = client_for(administrator).get("/api/v1/reports/kpi", PERIOD)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


def test_an_unauthenticated_request_is_refused(company):
    response = Client().get("/api/v1/reports/kpi", PERIOD)
    assert response.status_code == 401


def test_a_company_not_granted_is_refused(ledger, accountant, other_company):
    response = client_for(accountant).get("/api/v1/reports/kpi", {**PERIOD, "company": other_company.code})
    assert response.status_code == 422
    assert response.json()["error"]["fields"]["company"]


def test_a_user_sees_only_the_companies_granted(ledger, other_company, accountant):
    elsewhere = make_persona("sz-accountant", PERSONAS["accountant"], [other_company])
    invoice(elsewhere, CustomerFactory(company=other_company), "SZ-1", "999.00", issue_on=dt.date(2024, 3, 1))
    data = client_for(elsewhere).get("/api/v1/reports/kpi", PERIOD).json()
    assert [r["key"] for r in data["rows"]] == ["SZ01"] and data["totals"]["credit_sales"] == "999.00"
    both = client_for(accountant).get("/api/v1/reports/kpi", PERIOD).json()
    assert [r["key"] for r in both["rows"]] == ["SH01"]


def test_a_bad_period_or_grouping_is_a_field_error(company, manager):
    client = client_for(manager)
    backwards = client.get("/api/v1/reports/kpi", {"from": "2024-03-31", "to": "2024-02-01"})
    assert backwards.status_code == 422 and "date_to" in backwards.json()["error"]["fields"]
    assert client.get("/api/v1/reports/kpi", {**PERIOD, "by": "currency"}).status_code == 422
    assert client.get("/api/v1/reports/kpi", {"from": "2024-02-01"}).status_code == 422


# --- The page and its exports -----------------------------------------------------------------


def test_the_page_shows_each_kpi_with_its_formula(ledger, collector):
    page = web_for(collector).get("/reports/kpi/", PAGE).content.decode()
    assert 'id="kpi-formulas"' in page and 'id="kpi-trend"' in page
    assert "Ending total receivables ÷ credit sales of the period × days in the period" in page
    assert "54.4" in page and "45.5" in page and "2024-03" in page


def test_the_page_opens_with_a_default_period(ledger, manager):
    response = web_for(manager).get("/reports/kpi/")
    assert response.status_code == 200 and 'id="kpi-table"' in response.content.decode()


def test_the_page_is_refused_to_the_administrator_and_to_strangers(company, administrator):
    assert web_for(administrator).get("/reports/kpi/").status_code == 403
    assert Client().get("/reports/kpi/").status_code == 302  # to the sign-in page


def test_the_page_shows_a_backwards_period_as_a_form_error(company, manager):
    page = web_for(manager).get("/reports/kpi/", {"date_from": "2024-03-31", "date_to": "2024-02-01"})
    assert page.status_code == 200 and "The period ends before it starts." in page.content.decode()


def test_excel_export_keeps_numbers_as_numbers(ledger, manager):
    response = web_for(manager).get("/reports/kpi/", {**PAGE, "by": "customer", "export": "xlsx"})
    assert response["Content-Disposition"] == 'attachment; filename="kpi-20240201-20240331.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    kpis_sheet, trend, formulas = book.worksheets
    rows = list(kpis_sheet.iter_rows(min_row=4, values_only=True))
    assert rows[0][:4] == ("A", "甲公司", "SH01", 60)
    assert rows[-1][3] == 54.4 and isinstance(rows[-1][3], float)
    assert rows[-1][-1] == 5400  # credit sales, a number
    assert any(r[2] == "2024-03" for r in trend.iter_rows(min_row=4, values_only=True))
    assert formulas.max_row == 8
    headers = next(kpis_sheet.iter_rows(min_row=3, max_row=3, values_only=True))
    # The documented CEI and the CRF form side by side, each labelled: (1,000 + 5,400 / 2 − 4,900) /
    # (1,000 + 5,400 / 2 − 3,100) = −1,200 / 600 = −200.0 % for February and March together.
    assert headers[7:9] == ("CEI (%)", "CEI, CRF form (%)")
    assert (rows[-1][7], rows[-1][8]) == (45.5, -200.0)


def test_csv_export_is_utf8_with_a_bom(ledger, manager):
    response = web_for(manager).get("/reports/kpi/", {**PAGE, "export": "csv"})
    assert response.content.startswith("\ufeff".encode())
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert lines[2][:4] == ["SH01", "星辰实业（上海）有限公司", "", "54.4"]


def test_pdf_export_is_a_pdf(ledger, manager):
    response = web_for(manager).get("/reports/kpi/", {**PAGE, "export": "pdf"})
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


# --- The command ------------------------------------------------------------------------------


def test_the_command_prints_the_same_json_as_the_api(ledger, manager):
    out = io.StringIO()
    call_command("report", "kpi", "--from", "2024-02-01", "--to", "2024-03-31", "--format", "json", stdout=out)
    assert json.loads(out.getvalue()) == client_for(manager).get("/api/v1/reports/kpi", PERIOD).json()


def test_the_command_writes_files_and_a_table(ledger, tmp_path):
    target = tmp_path / "kpi.xlsx"
    out = io.StringIO()
    call_command(
        "report",
        "kpi",
        "--from",
        "2024-02-01",
        "--to",
        "2024-03-31",
        "--format",
        "xlsx",
        "--output",
        str(target),
        stdout=out,
    )
    assert load_workbook(target).worksheets[0]["D4"].value == 54.4
    out = io.StringIO()
    call_command("report", "kpi", "--from", "2024-02-01", "--to", "2024-03-31", "--by", "collector", stdout=out)
    assert "No collector" in out.getvalue() or "collector" in out.getvalue()


def test_the_kpi_exports_write_a_formula_like_customer_name_as_text(ledger, manager):
    ledger["a"].name = '=HYPERLINK("http://x.example","open")'
    ledger["a"].save()
    page = {**PAGE, "by": "customer"}
    book = load_workbook(io.BytesIO(web_for(manager).get("/reports/kpi/", {**page, "export": "xlsx"}).content))
    row = next(r for r in book.worksheets[0].iter_rows(min_row=4) if r[0].value == "A")
    assert (row[1].value, row[1].data_type) == (ledger["a"].name, "s") and row[3].data_type == "n"
    csv_body = web_for(manager).get("/reports/kpi/", {**page, "export": "csv"}).content.decode("utf-8-sig")
    row = next(r for r in csv.reader(io.StringIO(csv_body)) if r and r[0] == "A")
    assert row[1] == "'" + ledger["a"].name and row[3] == "60.0"


def test_the_page_charts_the_monthly_trend_from_its_data(ledger, manager):
    page = web_for(manager).get("/reports/kpi/", PAGE)
    chart = page.context["trend_chart"]
    assert chart["months"] == ["2024-02", "2024-03"]
    dso = next(s for s in chart["series"] if s["name"] == "DSO (days)")
    assert dso["axis"] == 0 and dso["data"][0] == "40.6"  # February's DSO, as the API gives it
    body = page.content.decode()
    assert 'id="kpi-trend-data"' in body and "ardesk/kpi.js" in body


def test_the_kpi_names_are_chinese_on_the_chinese_page_and_in_its_exports(ledger, manager):
    client = web_for(manager)
    client.post("/accounts/language/", {"language": "zh-hans"})
    page = client.get("/reports/kpi/", PAGE)
    body = page.content.decode()
    assert "倒推法周转天数（倒推法DSO）" in body and "最佳周转天数（最佳DSO）" in body
    assert "Countback" not in body and "Best possible" not in body
    assert [s["name"] for s in page.context["trend_chart"]["series"]][:2] == [
        "应收账款周转天数（天）",
        "倒推法周转天数（天）",
    ]
    book = load_workbook(io.BytesIO(client.get("/reports/kpi/", {**PAGE, "export": "xlsx"}).content))
    cells = [str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert "倒推法周转天数（天）" in cells and "倒推法周转天数（倒推法DSO）" in cells
    assert not [c for c in cells if "Countback" in c or "Best possible" in c]
    csv_text = client.get("/reports/kpi/", {**PAGE, "export": "csv"}).content.decode("utf-8-sig")
    assert "倒推法周转天数（天）" in csv_text and "Countback" not in csv_text
