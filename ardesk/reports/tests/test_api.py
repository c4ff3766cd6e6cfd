"""The aging over the API: the documented JSON, drill-down, bucket sets, snapshots, permissions."""

from __future__ import annotations

import json

from django.test import Client

from ardesk.accounts.services import token_issue
from ardesk.reports.models import AgingSnapshot


def post(client: Client, path: str, body: dict):
    return client.post(path, json.dumps(body), content_type="application/json")


def client_for(user) -> Client:
    """A token client for the user, asking for English."""
    _token, raw = token_issue(user=user)
    return Client(headers={"Authorization": f"Bearer {raw}", "Accept-Language": "en"})


def test_aging_answers_the_documented_json(ledger, accountant):
    data = client_for(accountant).get("/api/v1/reports/aging", {"as_of": "2024-12-31"}).json()
    assert data["totals"]["total"] == "2660.00"
    assert data["rows"][0]["buckets"]["61-90"] == "400.00"
    assert data["reconciliation"]["difference"] == "0.00"


def test_the_items_behind_a_cell_add_up_to_it(ledger, accountant):
    client = client_for(accountant)
    data = client.get(
        "/api/v1/reports/aging/items", {"as_of": "2024-12-31", "bucket": "1-30", "by": "customer", "key": "A"}
    ).json()
    assert data["count"] == 2
    assert sorted(i["open_functional"]["amount"] for i in data["items"]) == ["450.00", "710.00"]
    credits = client.get("/api/v1/reports/aging/items", {"as_of": "2024-12-31", "bucket": "unapplied"}).json()
    assert sorted(i["number"] for i in credits["items"]) == ["CN1", "R3"]


def test_a_company_not_granted_is_refused(ledger, accountant, other_company):
    response = client_for(accountant).get("/api/v1/reports/aging", {"company": other_company.code})
    assert response.status_code == 422
    assert response.json()["error"]["fields"]["company"]


def test_reports_need_the_permission(ledger, administrator):
    response = client_for(administrator).get("/api/v1/reports/aging")
    assert response.status_code == 403


def test_unauthenticated_requests_are_refused(ledger):
    assert Client().get("/api/v1/reports/aging").status_code == 401


def test_a_finance_manager_defines_a_bucket_set_and_others_cannot(ledger, manager, accountant):
    body = {
        "code": "weekly",
        "name": "Weeks past due",
        "basis": "due",
        "unit": "days",
        "buckets": [
            {"key": "current", "label": "Current", "upper": 0},
            {"key": "w1", "label": "1 week", "upper": 7},
            {"key": "older", "label": "Older"},
        ],
    }
    created = post(client_for(manager), "/api/v1/reports/bucket-sets", body)
    assert created.status_code == 201, created.content
    data = client_for(manager).get("/api/v1/reports/aging", {"as_of": "2024-12-31", "buckets": "weekly"}).json()
    assert [b["key"] for b in data["buckets"]] == ["current", "w1", "older", "unapplied"]
    assert data["totals"]["total"] == "2660.00"
    refused = post(client_for(accountant), "/api/v1/reports/bucket-sets", body)
    assert refused.status_code == 403


def test_a_bucket_set_that_does_not_rise_is_refused_with_the_bucket_named(manager):
    body = {
        "code": "bad",
        "name": "Bad",
        "buckets": [{"key": "a", "label": "A", "upper": 30}, {"key": "b", "label": "B", "upper": 10}],
    }
    response = client_for(manager).post(
        "/api/v1/reports/bucket-sets", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 422
    assert "Bucket 2" in " ".join(response.json()["error"]["fields"]["buckets"])


def test_a_snapshot_keeps_the_month_end_as_it_was(ledger, manager, accountant):
    client = client_for(manager)
    taken = client.post(
        "/api/v1/reports/aging/snapshots", json.dumps({"as_of": "2024-12-31"}), content_type="application/json"
    )
    assert taken.status_code == 201
    assert AgingSnapshot.objects.filter(as_of="2024-12-31").count() == 2  # one per bucket set
    again = client.post(
        "/api/v1/reports/aging/snapshots", json.dumps({"as_of": "2024-12-31"}), content_type="application/json"
    )
    assert again.json() == []
    listed = client_for(accountant).get("/api/v1/reports/aging/snapshots").json()
    assert {s["bucket_set"] for s in listed} == {"overdue", "age"}
