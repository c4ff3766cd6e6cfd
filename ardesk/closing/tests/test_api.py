"""The close API: status, close, reopen with a second manager, revaluation; each permission-checked."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.test import Client

from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.models import Document, ExchangeRate
from ardesk.ledger.tests.factories import invoice

D = dt.date
JSON = "application/json"


def api(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_manager_closes_a_month_and_a_second_one_approves_its_reopening(
    accountant, manager, second_manager, company, customer
):
    status = api(accountant).get("/api/v1/closing/status?company=SH01&period=2024-11")
    assert status.status_code == 200 and status.json()["closed"] is False
    assert [i["key"] for i in status.json()["checklist"]][:2] == ["imports", "receipts"]

    body = {"company": "SH01", "period": "2024-11"}
    assert api(accountant).post("/api/v1/closing/close", {**body, "accept_open_points": True}, JSON).status_code == 403
    refused = api(manager).post("/api/v1/closing/close", body, JSON)
    assert refused.status_code == 422 and "accept_open_points" in refused.json()["error"]["fields"]
    closed = api(manager).post("/api/v1/closing/close", {**body, "accept_open_points": True}, JSON)
    assert closed.status_code == 200 and closed.json()["closed"] is True

    posted = api(accountant).post(
        "/api/v1/ledger/documents",
        {
            "company": "SH01",
            "customer": "C1",
            "doc_type": "invoice",
            "number": "I-NOV",
            "issue_on": "2024-11-15",
            "currency": "CNY",
            "amount": "10.00",
        },
        JSON,
    )
    assert posted.status_code == 409 and posted.json()["error"]["code"] == "period_closed"
    assert "2024年11月" in posted.json()["error"]["message"]  # the default language is Chinese
    assert not Document.objects.exists()

    made = api(manager).post("/api/v1/closing/reopen-requests", {**body, "reason": "Late invoice"}, JSON)
    assert made.status_code == 201
    request_id = made.json()["id"]
    assert api(manager).post(f"/api/v1/closing/reopen-requests/{request_id}/approve").status_code == 403
    assert api(accountant).post(f"/api/v1/closing/reopen-requests/{request_id}/approve").status_code == 403
    approved = api(second_manager).post(f"/api/v1/closing/reopen-requests/{request_id}/approve")
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    assert api(accountant).get("/api/v1/closing/status?company=SH01&period=2024-11").json()["closed"] is False


def test_the_revaluation_runs_shows_and_posts_over_the_api(accountant, manager, collector, company):
    customer = CustomerFactory(company=company, code="U1")
    ExchangeRate.objects.create(currency="USD", rate_on=D(2024, 10, 1), rate=Decimal("7.00"))
    ExchangeRate.objects.create(currency="USD", rate_on=D(2024, 11, 29), rate=Decimal("7.10"))
    invoice(accountant, customer, "U-1", "1000", issue_on=D(2024, 10, 10), currency="USD")
    body = {"company": "SH01", "period": "2024-11"}
    assert api(collector).post("/api/v1/closing/revaluations", body, JSON).status_code == 403
    made = api(accountant).post("/api/v1/closing/revaluations", body, JSON)
    assert made.status_code == 201, made.content
    run = made.json()
    # 1,000 USD at 7.00 = 7,000.00 booked; at 7.10 = 7,100.00: a gain of 100.00.
    assert run["gain"] == {"amount": "100.00", "currency": "CNY"} and run["status"] == "proposed"
    shown = api(accountant).get(f"/api/v1/closing/revaluations/{run['id']}").json()
    assert shown["lines"][0] == {
        "customer": "U1",
        "currency": "USD",
        "open_amount": "1000.00",
        "closing_rate": "7.10000000",
        "historical": "7000.00",
        "revalued": "7100.00",
        "difference": "100.00",
    }
    assert api(accountant).post(f"/api/v1/closing/revaluations/{run['id']}/post").status_code == 403
    done = api(manager).post(f"/api/v1/closing/revaluations/{run['id']}/post").json()
    assert done["status"] == "posted" and [e["date"] for e in done["entries"]] == ["2024-11-30", "2024-12-01"]
    status = api(manager).get("/api/v1/closing/status?company=SH01&period=2024-11").json()
    assert {i["key"]: i["done"] for i in status["checklist"]}["revaluation"] is True


def test_a_bad_period_and_another_company_are_refused(manager, other_company):
    assert api(manager).get("/api/v1/closing/status?company=SH01&period=2024-13").status_code == 422
    assert api(manager).get("/api/v1/closing/status?company=SZ01&period=2024-11").status_code == 422
