"""The worklist exports to CSV and Excel: ranked as on screen, mine or all as on screen, numbers as numbers."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from ardesk.core import clock
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.tests.factories import invoice

TODAY = dt.date(2025, 3, 31)


@pytest.fixture
def overdue(monkeypatch, accountant, customer, company):
    """C100 (the collector's) owes 600.00 due 30 days ago; C300 (nobody's) owes 100.00 due 100 days ago."""
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    invoice(accountant, customer, "I1", "600.00", issue_on=dt.date(2025, 1, 30), due_on=dt.date(2025, 3, 1))
    other = CustomerFactory(company=company, code="C300", name="=1+2")
    invoice(accountant, other, "I2", "100.00", issue_on=dt.date(2024, 11, 21), due_on=dt.date(2024, 12, 21))


def client_for(user) -> Client:
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(user)
    return client


def test_the_collectors_worklist_exports_their_customers_with_the_amount_at_risk(overdue, collector):
    response = client_for(collector).get("/collections/", {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [r for r in sheet.iter_rows(values_only=True) if r and r[0] in ("C100", "C300")]
    # 600.00 overdue for 30 days weighs 10 %: 60.00 at risk.
    assert rows == [("C100", "华东机电有限公司", "SH01", "CNY", 600, 60, dt.datetime(2025, 3, 1), 30, None, None)]


def test_all_customers_export_ranks_by_amount_at_risk_and_keeps_names_as_text(overdue, collector):
    rows = list(
        csv.reader(
            io.StringIO(
                client_for(collector).get("/collections/", {"all": "1", "export": "csv"}).content.decode("utf-8-sig")
            )
        )
    )
    # C300: 100.00 for 100 days weighs 75 % = 75.00, more at risk than C100's 60.00.
    assert [(r[0], r[1], r[5]) for r in rows[1:]] == [("C300", "'=1+2", "75.00"), ("C100", "华东机电有限公司", "60.00")]


def test_the_worklist_export_needs_the_worklist_permission(overdue, administrator):
    assert client_for(administrator).get("/collections/", {"export": "csv"}).status_code == 403
