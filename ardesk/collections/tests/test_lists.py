"""The worklist exports to CSV and Excel: ranked as on screen, mine or all as on screen, numbers as numbers."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from ardesk.collections import selectors
from ardesk.core import clock
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.models import DueLine
from ardesk.ledger.services import allocation_create
from ardesk.ledger.tests.factories import invoice, receipt

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


def test_the_worklist_as_of_a_past_date_shows_the_amounts_owed_on_that_date(overdue, accountant, collector, customer):
    """C100's 600.00 falls due 2025-03-01; a receipt of 400.00 is allocated on 2025-03-20.

    On 2025-03-15 the whole 600.00 was owed, 14 days late (weight 10 %: 60.00 at risk); today,
    2025-03-31, 200.00 is owed, 30 days late (20.00 at risk). The payment made after 03-15 does not
    lower what was owed on 03-15.
    """
    paid = receipt(accountant, customer, "R1", "400.00", issue_on=dt.date(2025, 3, 20))
    allocation_create(
        by=accountant,
        source=paid,
        line=DueLine.objects.get(customer=customer),
        amount="400.00",
        on=dt.date(2025, 3, 20),
    )
    mid_march = dt.date(2025, 3, 15)
    [then] = selectors.worklist_customers(user=collector, as_of=mid_march)
    assert (then.customer.code, then.overdue, then.at_risk, then.oldest_due) == (
        "C100",
        60_000,
        6_000,
        dt.date(2025, 3, 1),
    )
    [now] = selectors.worklist_customers(user=collector, as_of=TODAY)
    assert (now.overdue, now.at_risk) == (20_000, 2_000)
    # The API answers the same for the past date; everyone's list has C300's 100.00 too.
    answer = client_for(collector).get("/api/v1/collections/worklist", {"as_of": "2025-03-15", "mine": "false"}).json()
    assert [(c["code"], c["overdue"]["amount"]) for c in answer["customers"]] == [
        ("C100", "600.00"),
        ("C300", "100.00"),
    ]


def test_the_worklist_screen_and_its_export_take_a_past_date(overdue, accountant, collector, customer):
    paid = receipt(accountant, customer, "R1", "400.00", issue_on=dt.date(2025, 3, 20))
    allocation_create(
        by=accountant,
        source=paid,
        line=DueLine.objects.get(customer=customer),
        amount="400.00",
        on=dt.date(2025, 3, 20),
    )
    client = client_for(collector)
    # Today (2025-03-31) C100 owes 200.00; on 2025-03-15 it owed the whole 600.00.
    assert "200.00" in client.get("/collections/").content.decode()
    page = client.get("/collections/", {"as_of": "2025-03-15"}).content.decode()
    assert "600.00" in page and 'value="2025-03-15"' in page
    sheet = load_workbook(
        io.BytesIO(client.get("/collections/", {"as_of": "2025-03-15", "export": "xlsx"}).content)
    ).active
    assert [r[4] for r in sheet.iter_rows(values_only=True) if r and r[0] == "C100"] == [600]
