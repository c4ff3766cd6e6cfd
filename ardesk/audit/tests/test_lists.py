"""The audit trail exports to CSV and Excel with the screen's filters; only its readers may export it."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.test import Client
from openpyxl import load_workbook

from ardesk.audit.services import record
from ardesk.customers.tests.factories import CustomerFactory


def client_for(user) -> Client:
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(user)
    return client


@pytest.fixture
def events(manager, company):
    customer = CustomerFactory(company=company, code="C1")
    record(action="customer.update", actor=manager, target=customer, before={"limit": 1}, after={"limit": 2})
    record(action="credit.check", actor=manager, target=customer, after={"exposure": "12.50"})
    return customer


def test_the_audit_trail_exports_the_filtered_events_newest_first(events, auditor):
    rows = list(
        csv.reader(
            io.StringIO(
                client_for(auditor).get("/audit/", {"action": "customer.", "export": "csv"}).content.decode("utf-8-sig")
            )
        )
    )
    assert rows[0][:5] == ["#", "When", "Who", "What", "Action code"]
    assert [r[4] for r in rows[1:]] == ["customer.update"]  # credit.check is filtered out
    assert json.loads(rows[1][7]) == {"limit": 1} and json.loads(rows[1][8]) == {"limit": 2}


def test_the_excel_audit_trail_keeps_the_sequence_a_number(events, auditor):
    response = client_for(auditor).get("/audit/", {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [r for r in sheet.iter_rows(values_only=True) if r and r[4] in ("credit.check", "customer.update")]
    assert [r[4] for r in rows] == ["credit.check", "customer.update"]
    assert isinstance(rows[0][0], int) and rows[0][0] > rows[1][0]


def test_only_readers_of_the_audit_trail_export_it(events, collector):
    assert client_for(collector).get("/audit/", {"export": "csv"}).status_code == 403
