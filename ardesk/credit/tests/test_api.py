"""The credit API: statements with ratios, the order check, orders, requests, reviews, and who may call what."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ardesk.credit.tests.conftest import api_client, give_limit, post

pytestmark = pytest.mark.django_db


def check(client, **body):
    return post(client, "/api/v1/credit/check", {"company": "SH01", "customer_code": "C1", **body})


def test_post_a_statement_and_read_its_ratios_and_z_scores(analyst, customer):
    client = api_client(analyst)
    response = post(
        client,
        "/api/v1/credit/statements",
        {
            "customer_id": customer.pk,
            "period_end": "2024-12-31",
            "lines": {"流动资产合计": "290000", "current_liabilities": "200000", "total_assets": "620000"},
        },
    )
    assert response.status_code == 201, response.content
    ratios = {r["key"]: r for r in response.json()["ratios"]}
    assert ratios["current_ratio"]["value"] == "1.450000"
    assert ratios["current_ratio"]["formula"] == "current assets ÷ current liabilities"
    assert ratios["roa"]["value"] is None and "Net profit" in ratios["roa"]["reason"]
    listed = client.get(f"/api/v1/credit/customers/{customer.pk}/statements").json()
    assert [s["period_end"] for s in listed] == ["2024-12-31"]


def test_import_statements_as_a_file(analyst, customer):
    content = b"customer,period_end,cash,current_liabilities\nC1,2024-12-31,50,100\n"
    response = api_client(analyst).post(
        "/api/v1/credit/statements/import", {"file": SimpleUploadedFile("s.csv", content, "text/csv")}
    )
    assert response.status_code == 201, response.content
    assert {r["key"]: r["value"] for r in response.json()[0]["ratios"]}["cash_ratio"] == "0.500000"


def test_the_api_speaks_chinese_when_asked(analyst, customer):
    response = api_client(analyst).get(
        f"/api/v1/credit/customers/{customer.pk}/statements", HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert response.status_code == 200
    from ardesk.credit import services

    services.financial_statement_save(
        by=analyst, customer=customer, period_end=customer.founded_on, lines={"cash": "1"}
    )
    response = api_client(analyst).get(
        f"/api/v1/credit/customers/{customer.pk}/statements", headers={"Accept-Language": "zh-hans"}
    )
    ratios = {r["key"]: r for r in response.json()[0]["ratios"]}
    assert ratios["current_ratio"]["formula"] == "流动资产 ÷ 流动负债"
    assert ratios["current_ratio"]["reason"] == "无法计算：未录入流动资产合计, 流动负债合计。"


def test_a_bad_import_row_answers_422_naming_the_row(analyst, customer):
    content = b"customer,period_end,cash\nNOPE,2024-12-31,50\n"
    response = api_client(analyst).post(
        "/api/v1/credit/statements/import", {"file": SimpleUploadedFile("s.csv", content, "text/csv")}
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["message"].startswith("Row 2: customer") and "NOPE" in error["message"]
    assert "customer" in error["fields"]


def test_the_check_answers_with_a_decision_reasons_and_figures(accountant, analyst, manager, customer):
    give_limit(customer, "1000.00", analyst, manager)
    client = api_client(accountant)
    released = check(client, order_ref="SO-1", amount="100.00")
    assert released.status_code == 200, released.content
    body = released.json()
    assert body["decision"] == "release" and body["reasons"] == []
    assert body["figures"]["exposure"] == "950.00" and body["figures"]["limit"] == "1000.00"
    held = check(client, order_ref="SO-2", amount="100.00").json()
    assert held["decision"] == "hold"
    assert held["reasons"][0]["code"] == "over_limit"
    invoiced = post(client, "/api/v1/credit/orders/SO-1/invoiced", {"company": "SH01"})
    assert invoiced.json()["status"] == "invoiced"
    assert check(client, order_ref="SO-2", amount="100.00").json()["decision"] == "release"
    cancelled = post(client, "/api/v1/credit/orders/SO-2/cancelled", {"company": "SH01"})
    assert cancelled.json()["status"] == "cancelled"


def test_the_check_refuses_bad_input_with_the_field(accountant, customer):
    response = check(api_client(accountant), order_ref="SO-1", amount="-5")
    assert response.status_code == 422
    assert "amount" in response.json()["error"]["fields"]


def test_a_collector_may_not_run_the_check_and_an_analyst_may_not_release(collector, analyst, customer):
    assert check(api_client(collector), order_ref="SO-1", amount="1.00").status_code == 403
    order_id = check(api_client(analyst), order_ref="SO-1", amount="1.00").json()["order_id"]
    assert post(api_client(analyst), f"/api/v1/credit/orders/{order_id}/release", {}).status_code == 403


def test_a_manager_releases_a_held_order_from_the_queue(analyst, manager, customer):
    check(api_client(analyst), order_ref="SO-1", amount="1.00")
    client = api_client(manager)
    queue = client.get("/api/v1/credit/orders/held").json()
    assert [o["order_ref"] for o in queue] == ["SO-1"]
    released = post(client, f"/api/v1/credit/orders/{queue[0]['id']}/release", {"note": "ok"})
    assert released.json()["status"] == "released" and released.json()["decided_by"] == "manager"


def test_request_and_approve_a_limit_over_the_api(analyst, manager, customer):
    created = post(
        api_client(analyst),
        "/api/v1/credit/requests",
        {"customer_id": customer.pk, "kind": "limit", "amount": "5000.00", "reason": "Growth"},
    )
    assert created.status_code == 201, created.content
    request_id = created.json()["id"]
    assert post(api_client(analyst), f"/api/v1/credit/requests/{request_id}/approve", {}).status_code == 403
    approved = post(api_client(manager), f"/api/v1/credit/requests/{request_id}/approve", {"note": "ok"})
    assert approved.json()["status"] == "approved"
    account = api_client(analyst).get(f"/api/v1/credit/customers/{customer.pk}").json()
    assert account["limit"] == {"amount": "5000.00", "currency": "CNY"}
    assert account["exposure"] == {"amount": "850.00", "currency": "CNY"}
    assert account["utilisation"] == "0.1700"


def test_score_a_customer_and_explain_the_score(analyst, customer):
    client = api_client(analyst)
    scored = post(client, f"/api/v1/credit/customers/{customer.pk}/score", {})
    assert scored.status_code == 201, scored.content
    body = scored.json()
    assert body["scorecard"] == "DEMO" and body["scorecard_version"] == 1
    assert {f["key"] for f in body["breakdown"]} >= {"current_ratio", "avg_days_late"}
    assert client.get(f"/api/v1/credit/customers/{customer.pk}/scores").json()[0]["id"] == body["id"]


def test_an_auditor_reads_but_cannot_enter_or_score(auditor, customer):
    client = api_client(auditor)
    assert client.get(f"/api/v1/credit/customers/{customer.pk}").status_code == 200
    assert post(client, f"/api/v1/credit/customers/{customer.pk}/score", {}).status_code == 403
    response = post(
        client,
        "/api/v1/credit/statements",
        {"customer_id": customer.pk, "period_end": "2024-12-31", "lines": {"cash": "1"}},
    )
    assert response.status_code == 403


def test_another_companys_customer_is_not_found(analyst, other_company):
    from ardesk.customers.tests.factories import CustomerFactory

    stranger = CustomerFactory(company=other_company, code="X1")
    assert api_client(analyst).get(f"/api/v1/credit/customers/{stranger.pk}").status_code == 404


def test_reviews_queue_and_completion(analyst, customer):
    from ardesk.credit import services

    review = services.review_open(customer=customer, due_on=customer.created_at.date(), reason="manual")
    client = api_client(analyst)
    assert [r["id"] for r in client.get("/api/v1/credit/reviews").json()] == [review.pk]
    done = post(client, f"/api/v1/credit/reviews/{review.pk}/complete", {"decision": "keep", "note": "ok"})
    assert done.status_code == 200, done.content
    assert done.json()["status"] == "done" and done.json()["grade"]
