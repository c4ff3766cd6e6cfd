"""The bad-debt API: the same operations as the screens, with the permissions of each role."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.test import Client

from ardesk.provisioning.tests.conftest import AGE_RATES, sale

D = dt.date


def api(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def ledger(accountant, customers):
    c1, c2, c3 = customers
    sale(accountant, c1, "I1", "1000.00", issue_on=D(2024, 11, 1))
    sale(accountant, c3, "I3", "300.00", issue_on=D(2024, 3, 1))
    return customers


def test_a_manager_sets_the_policy_an_accountant_prepares_another_manager_approves(
    accountant, manager, persona, company, ledger
):
    body = {"company": "SH01", "method": "aging", "bucket_set": "age", "rates": AGE_RATES}
    response = api(manager).put("/api/v1/provisioning/policies", body, content_type="application/json")
    assert response.status_code == 200, response.content
    assert response.json()["rates"]["6-12m"] == "5.0000"

    response = api(accountant).post(
        "/api/v1/provisioning/runs", {"company": "SH01", "period": "2024-12"}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    run = response.json()
    # 1,000 at 1 % and 300 at 5 %.
    assert (run["status"], run["required"], run["difference"]) == ("draft", "25.00", "25.00")
    assert run["journal"] == [
        {"account": "6702", "role": "loss", "debit": "25.00", "credit": "0.00"},
        {"account": "1231", "role": "allowance", "debit": "0.00", "credit": "25.00"},
    ]
    assert api(accountant).post(f"/api/v1/provisioning/runs/{run['id']}/approve").status_code == 403
    approved = api(manager).post(f"/api/v1/provisioning/runs/{run['id']}/approve")
    assert approved.json()["status"] == "approved"

    journal = api(persona("auditor")).get("/api/v1/provisioning/journals", {"company": "SH01", "format": "csv"})
    rows = list(csv.reader(io.StringIO(journal.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["entry_number", "date", "company", "kind"]
    assert [r[5:9] for r in rows[1:]] == [["6702", "loss", "25.00", "0.00"], ["1231", "allowance", "0.00", "25.00"]]


def test_policy_errors_name_the_field(manager, company):
    body = {"company": "SH01", "method": "aging", "bucket_set": "age", "rates": {"0-6m": "1"}}
    response = api(manager).put("/api/v1/provisioning/policies", body, content_type="application/json")
    assert response.status_code == 422
    assert "rates.6-12m" in response.json()["error"]["fields"]


@pytest.mark.parametrize(
    ("name", "status"),
    [("accountant", 403), ("analyst", 403), ("collector", 403), ("auditor", 403), ("manager", 200)],
)
def test_only_a_finance_manager_changes_policies(persona, company, name, status):
    body = {"company": "SH01", "method": "balance", "balance_rate": "5"}
    response = api(persona(name)).put("/api/v1/provisioning/policies", body, content_type="application/json")
    assert response.status_code == status


def test_a_collector_sees_no_runs_and_no_one_sees_an_ungranted_company(persona, other_company, company):
    assert api(persona("collector")).get("/api/v1/provisioning/runs", {"company": "SH01"}).status_code == 403
    assert api(persona("auditor")).get("/api/v1/provisioning/runs", {"company": "SZ01"}).status_code == 422


def test_write_off_request_approve_and_recover_over_the_api(accountant, manager, company, ledger):
    api(manager).put(
        "/api/v1/provisioning/policies",
        {"company": "SH01", "method": "aging", "bucket_set": "age", "rates": AGE_RATES},
        content_type="application/json",
    )
    response = api(accountant).post(
        "/api/v1/provisioning/write-offs",
        {"company": "SH01", "customer": "C3", "on": "2024-12-20", "reason": "Deregistered"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    write_off = response.json()
    assert write_off["amount"] == {"amount": "300.00", "currency": "CNY"}
    assert api(accountant).post(f"/api/v1/provisioning/write-offs/{write_off['id']}/approve").status_code == 403
    approved = api(manager).post(f"/api/v1/provisioning/write-offs/{write_off['id']}/approve").json()
    assert approved["status"] == "approved" and approved["document"] == write_off["number"]
    recovered = api(accountant).post(
        f"/api/v1/provisioning/write-offs/{write_off['id']}/recoveries",
        {"on": "2025-01-10", "amount": "120.00", "receipt_number": "RB-1"},
        content_type="application/json",
    )
    assert recovered.status_code == 201, recovered.content
    assert recovered.json()["recovered"] == "120.00"
    figures = (
        api(manager)
        .get(
            "/api/v1/provisioning/roll-forward", {"company": "SH01", "date_from": "2024-01-01", "date_to": "2025-12-31"}
        )
        .json()
    )
    assert (figures["written_off"], figures["recovered"], figures["closing"]) == ("300.00", "120.00", "-180.00")


def test_policy_export_and_import_over_the_api(manager, company, ledger):
    api(manager).put(
        "/api/v1/provisioning/policies",
        {"company": "SH01", "method": "aging", "bucket_set": "age", "rates": AGE_RATES},
        content_type="application/json",
    )
    exported = api(manager).get("/api/v1/provisioning/policies/export", {"company": "SH01"}).json()
    exported["policies"][0]["rates"]["3y+"] = "100"
    response = api(manager).post(
        "/api/v1/provisioning/policies/import", {"company": "SH01", "data": exported}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    assert response.json()[0]["rates"]["3y+"] == "100.0000"


def test_an_import_with_a_look_back_that_is_not_a_whole_number_is_a_named_field_error(manager, company, ledger):
    api(manager).put(
        "/api/v1/provisioning/policies",
        {"company": "SH01", "method": "aging", "bucket_set": "age", "rates": AGE_RATES},
        content_type="application/json",
    )
    exported = api(manager).get("/api/v1/provisioning/policies/export", {"company": "SH01"}).json()
    exported["policies"][0]["lookback_months"] = "12.5"
    response = api(manager).post(
        "/api/v1/provisioning/policies/import",
        {"company": "SH01", "data": exported},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {
        "policies[1].lookback_months": ["12.5 is not a whole number of months."]
    }
