"""The budgets API: the same operations as the screens and the command line, with each role's permissions."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ardesk.budgets import services

pytestmark = pytest.mark.django_db


def api(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_import_export_approve_and_variance_over_the_api(company, quarter, accountant, manager):
    version = services.version_create(by=accountant, company=company, year=2025, name="API")
    bad = SimpleUploadedFile("b.csv", b"Member,Month,Sales\nA001,2025-01,1.234\n")
    answer = api(accountant).post(f"/api/v1/budgets/{version.pk}/import", {"file": bad})
    assert answer.status_code == 422
    problems = answer.json()["error"]["problems"]
    assert problems[0]["row"] == 2 and problems[0]["field"] == "销售额"
    good = SimpleUploadedFile("b.csv", b"Member,Month,Sales,Cost of sales\nA001,2025-01,90000,60000\n")
    assert api(accountant).post(f"/api/v1/budgets/{version.pk}/import", {"file": good}).json() == {"lines": 1}
    exported = api(accountant).get(f"/api/v1/budgets/{version.pk}/export?format=csv").content.decode("utf-8-sig")
    assert "A001,2025-01,90000.00,60000.00,30000.00" in exported
    assert api(accountant).post(f"/api/v1/budgets/{version.pk}/approve").status_code == 403
    assert api(manager).post(f"/api/v1/budgets/{version.pk}/approve").json()["status"] == "approved"
    rows = api(manager).get(f"/api/v1/budgets/{version.pk}/variance?month=3").json()["rows"]
    a = next(r for r in rows if r["member"].startswith("A001"))
    assert a["variance"] == {"amount": "8000.00", "currency": "CNY"}  # 98,000 actual − 90,000 budget


def test_profitability_over_the_api_and_refused_to_a_collector(company, quarter, analyst, collector):
    query = "company=SH01&date_from=2025-01-01&date_to=2025-03-31&by=customer"
    data = api(analyst).get(f"/api/v1/budgets/profitability?{query}").json()
    assert data["total"]["net_contribution"] == {"amount": "25633.01", "currency": "CNY"}
    assert api(collector).get(f"/api/v1/budgets/profitability?{query}").status_code == 403
