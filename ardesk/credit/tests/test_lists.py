"""Every credit list exports to CSV and Excel: the list's rows and filters, numbers as numbers, the list's permission.

The fixture customer C1 (conftest) owes 900.00, of which 600.00 is overdue, and has 50.00 unapplied:
balance 850.00. Its limit is 1,000.00, so its utilisation is 85.0 %.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from ardesk.credit import services
from ardesk.credit.models import CreditAccount, CreditReview
from ardesk.credit.tests.conftest import give_limit
from ardesk.customers.tests.factories import CustomerFactory

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(user)
    return client


def sheet_rows(response) -> list[tuple]:
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def row_of(rows, first: str):
    return next(r for r in rows if r and r[0] == first)


def test_the_customer_list_exports_balance_overdue_limit_and_grade(analyst, manager, customer, today):
    give_limit(customer, "1000.00", analyst, manager)
    CreditAccount.objects.filter(pk=customer.pk).update(grade="BB")
    url = reverse("credit:customers_export")
    rows = sheet_rows(client_for(analyst).get(url, {"export": "xlsx"}))
    headers = row_of(rows, "Code")
    assert headers[6:10] == ("Balance", "Overdue", "Credit limit", "Grade")
    c1 = row_of(rows, "C1")
    assert c1[6:10] == (850, 600, 1000, "BB") and all(isinstance(v, int | float) for v in c1[6:9])
    assert row_of(csv_rows(client_for(analyst).get(url, {"export": "csv"})), "C1")[6:10] == [
        "850.00",
        "600.00",
        "1000.00",
        "BB",
    ]


def test_the_customer_export_keeps_the_list_filters(analyst, customer, company):
    CustomerFactory(company=company, code="C2", name="Other Trading", status="blocked")
    url = reverse("credit:customers_export")
    everyone = [r[0] for r in csv_rows(client_for(analyst).get(url, {"export": "csv"}))[1:]]
    assert everyone == ["C1", "C2"]
    rows = sheet_rows(client_for(analyst).get(url, {"export": "xlsx", "status": "blocked"}))
    assert [r[0] for r in rows if r and r[0] in ("C1", "C2")] == ["C2"]
    assert any(r and str(r[0]).startswith("Status:") for r in rows)  # the filter is named above the table


def test_the_customer_export_needs_the_credit_and_ledger_view(administrator, customer):
    url = reverse("credit:customers_export")
    assert client_for(administrator).get(url, {"export": "csv"}).status_code == 403
    assert Client().get(url, {"export": "csv"}).status_code == 302


def test_the_list_screen_links_to_its_export_with_the_current_filters(analyst, customer):
    page = client_for(analyst).get(reverse("customers:list"), {"status": "active", "page": "1"}).content.decode()
    assert f"{reverse('credit:customers_export')}?status=active&amp;export=xlsx" in page


def test_the_portfolio_exports_every_account_with_its_utilisation(analyst, manager, customer, company):
    give_limit(customer, "1000.00", analyst, manager)
    other = CustomerFactory(company=company, code="C9")
    CreditAccount.objects.create(customer=other, company=company, grade="A")
    rows = sheet_rows(client_for(manager).get(reverse("credit:portfolio"), {"export": "xlsx"}))
    c1 = row_of(rows, "C1")
    assert (c1[5], c1[6], c1[7], c1[8]) == (1000, 850, 600, 85)
    assert row_of(rows, "C9")[5:9] == (None, 0, 0, None)  # no limit: listed, no utilisation
    assert [r[0] for r in rows if r and r[0] in ("C1", "C9")] == ["C1", "C9"]  # the highest utilisation first


def test_held_orders_export_with_the_check_figures(analyst, manager, customer, administrator):
    services.credit_check(by=analyst, customer=customer, order_ref="SO-1", amount="10.00")
    url = reverse("credit:held")
    row = next(r for r in sheet_rows(client_for(manager).get(url, {"export": "xlsx"})) if r and r[2] == "SO-1")
    assert row[3] == "C1" and row[6] == 10 and isinstance(row[6], int | float)
    assert row[7] == 860  # the exposure the check saw: 850.00 and the order
    assert row_of(csv_rows(client_for(manager).get(url, {"export": "csv"}))[1:], row[0].strftime("%Y-%m-%d"))[2] == (
        "SO-1"
    )
    assert client_for(administrator).get(url, {"export": "csv"}).status_code == 403


def test_pending_requests_export_with_their_amounts(analyst, manager, customer, administrator):
    request = services.credit_request_create(
        by=analyst, customer=customer, kind="limit", amount="3000.00", reason="Growth"
    )
    url = reverse("credit:requests")
    row = next(r for r in sheet_rows(client_for(manager).get(url, {"export": "xlsx"})) if r and r[2] == "C1")
    assert row[6] == 3000 and isinstance(row[6], int | float)
    assert (row[9], row[10]) == (request.level, "Growth")
    assert client_for(administrator).get(url, {"export": "xlsx"}).status_code == 403


def test_open_reviews_export_earliest_first(analyst, customer, company, administrator):
    later = CustomerFactory(company=company, code="C7")
    CreditReview.objects.create(customer=later, company=company, due_on=dt.date(2025, 4, 30), reason="schedule")
    CreditReview.objects.create(customer=customer, company=company, due_on=dt.date(2025, 3, 1), reason="manual")
    url = reverse("credit:reviews")
    rows = csv_rows(client_for(analyst).get(url, {"export": "csv"}))
    assert [(r[0], r[1]) for r in rows[1:]] == [("2025-03-01", "C1"), ("2025-04-30", "C7")]
    assert rows[1][3] == "Asked for"
    assert client_for(administrator).get(url, {"export": "csv"}).status_code == 403


def test_the_portfolio_charts_exposure_and_limits_by_grade_best_first_ungraded_last(
    analyst, manager, customer, company
):
    give_limit(customer, "1000.00", analyst, manager)
    CreditAccount.objects.filter(pk=customer.pk).update(grade="BB")
    other = CustomerFactory(company=company, code="C9")
    CreditAccount.objects.create(customer=other, company=company, grade="A", limit=500_000)
    CreditAccount.objects.create(customer=CustomerFactory(company=company, code="C8"), company=company)
    page = client_for(manager).get(reverse("credit:portfolio"))
    chart = page.context["grade_chart"]
    assert chart["grades"] == ["A", "BB", "Ungraded"]
    assert chart["series"][0]["data"] == ["0.00", "850.00", "0.00"]  # exposure
    assert chart["series"][1]["data"] == ["5000.00", "1000.00", "0"]  # limits
    body = page.content.decode()
    assert 'id="grade-chart-data"' in body and "<script>" not in body  # data in json_script, code in static files
