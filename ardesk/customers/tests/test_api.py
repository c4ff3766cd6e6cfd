from __future__ import annotations

import json

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from ardesk.accounts.services import token_issue, token_revoke
from ardesk.customers.domain import make_uscc
from ardesk.customers.models import Contact, Customer
from ardesk.customers.tests.factories import CustomerFactory

VALID = make_uscc("91", "310115", "MA1K4E7P")


@pytest.fixture
def api(accountant):
    _token, raw = token_issue(user=accountant)
    return Client(headers={"Authorization": f"Bearer {raw}"})


def post(client, path, body):
    return client.post(path, data=json.dumps(body), content_type="application/json")


def test_create_and_read_a_customer_over_the_api(api):
    response = post(
        api,
        "/api/v1/customers",
        {
            "company": "SH01",
            "code": "C9001",
            "name": "杭州明辉软件有限公司",
            "uscc": VALID,
            "registered_capital": "12000000.50",
            "industry": "I",
            "region": "33",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["registered_capital"] == {"amount": "12000000.50", "currency": "CNY"}
    assert api.get(f"/api/v1/customers/{body['id']}").json()["name"] == "杭州明辉软件有限公司"


def test_invalid_credit_code_gets_a_json_error_naming_the_field_and_nothing_is_saved(api):
    response = post(
        api,
        "/api/v1/customers",
        {
            "company": "SH01",
            "code": "C1",
            "name": "X",
            "uscc": VALID[:17] + "0" if VALID[17] != "0" else VALID[:17] + "1",
        },
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_input" and "uscc" in error["fields"]
    assert not Customer.objects.exists()


def test_duplicate_code_error_names_the_existing_customer(api, company):
    existing = CustomerFactory(company=company, code="C1")
    response = post(api, "/api/v1/customers", {"company": "SH01", "code": "C1", "name": "Y"})
    assert response.status_code == 422
    assert existing.name in response.json()["error"]["fields"]["code"][0]


def test_malformed_json_gets_a_clear_error(api):
    response = api.post("/api/v1/customers", data="{not json", content_type="application/json")
    assert response.status_code in (400, 422)
    assert response.json()["error"]["message"]
    assert not Customer.objects.exists()


def test_wrong_types_and_unknown_fields_are_refused(api):
    response = post(
        api,
        "/api/v1/customers",
        {"company": "SH01", "code": "C1", "name": "X", "registered_capital": "lots", "colour": "red"},
    )
    assert response.status_code == 422
    fields = response.json()["error"]["fields"]
    assert "registered_capital" in fields and "colour" in fields


def test_unknown_company_is_refused(api):
    response = post(api, "/api/v1/customers", {"company": "NOPE", "code": "C1", "name": "X"})
    assert response.status_code == 422 and "company" in response.json()["error"]["fields"]


def test_list_is_paginated_searched_and_sorted(api, company):
    for n in range(7):
        CustomerFactory(company=company, code=f"K{n}", name=f"宁波客户{n}")
    CustomerFactory(company=company, code="Z1", name="北京其他")
    page = api.get("/api/v1/customers", {"q": "宁波", "page_size": 3, "page": 2, "sort": "-code"}).json()
    assert page["count"] == 7 and page["page"] == 2
    assert [row["code"] for row in page["results"]] == ["K3", "K2", "K1"]


def test_page_size_is_bounded(api):
    response = api.get("/api/v1/customers", {"page_size": 10000})
    assert response.status_code == 422


def test_patch_changes_only_the_given_fields(api, company):
    customer = CustomerFactory(company=company, address="旧地址")
    response = api.patch(
        f"/api/v1/customers/{customer.pk}", data=json.dumps({"address": "新地址"}), content_type="application/json"
    )
    assert response.status_code == 200
    customer.refresh_from_db()
    assert customer.address == "新地址" and customer.name


def test_status_change_endpoint_requires_a_reason(api, company):
    customer = CustomerFactory(company=company)
    response = post(api, f"/api/v1/customers/{customer.pk}/status", {"status": "blocked"})
    assert response.status_code == 422 and "reason" in response.json()["error"]["fields"]
    response = post(api, f"/api/v1/customers/{customer.pk}/status", {"status": "blocked", "reason": "欺诈"})
    assert response.json()["status"] == "blocked"


def test_contacts_crud_with_masking(api, company, persona):
    customer = CustomerFactory(company=company)
    response = post(
        api,
        f"/api/v1/customers/{customer.pk}/contacts",
        {"name": "王伟", "phone": "13800138000", "id_number": "310115198001011234"},
    )
    assert response.status_code == 201
    contact_id = response.json()["id"]
    assert response.json()["id_number"] == "310115198001011234"
    collector = Client()
    collector.force_login(persona("collector"))
    seen = collector.get(f"/api/v1/customers/{customer.pk}/contacts/{contact_id}").json()
    assert seen["id_number"] == "•••• 1234"
    assert api.delete(f"/api/v1/customers/{customer.pk}/contacts/{contact_id}").status_code == 204
    assert not Contact.objects.exists()


def test_revoked_token_is_refused(accountant):
    token, raw = token_issue(user=accountant)
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    assert client.get("/api/v1/me").status_code == 200
    token_revoke(prefix=token.prefix)
    response = client.get("/api/v1/me")
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"


def test_openapi_schema_is_published(client, accountant):
    client.force_login(accountant)
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert "/api/v1/customers" in response.json()["paths"]


def test_me_lists_roles_and_companies(api):
    me = api.get("/api/v1/me").json()
    assert me["roles"] == ["ar_accountant"] and me["companies"][0]["code"] == "SH01"
    assert "customers.view_sensitive" in me["permissions"]


def test_api_docs_load_no_asset_from_a_cdn(accountant):
    client = Client()
    client.force_login(accountant)
    page = client.get("/api/v1/docs").content.decode()
    assert "swagger-ui" in page and "cdn." not in page and "unpkg" not in page
    for asset in ("ninja/swagger-ui.css", "ninja/swagger-ui-bundle.js", "ninja/swagger-ui-init.js"):
        assert f"/static/{asset}" in page and finders.find(asset), asset
