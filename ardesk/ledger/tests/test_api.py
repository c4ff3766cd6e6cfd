from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ardesk.accounts.services import token_issue
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.models import Document


@pytest.fixture
def api(accountant):
    _token, raw = token_issue(user=accountant)
    return Client(headers={"Authorization": f"Bearer {raw}"})


@pytest.fixture
def customer(company):
    return CustomerFactory(company=company, code="C1")


def post(client, path, body):
    return client.post(path, data=json.dumps(body), content_type="application/json")


def test_post_allocate_and_read_the_balance(api, customer):
    invoice = post(
        api,
        "/api/v1/ledger/documents",
        {
            "company": "SH01",
            "customer": "C1",
            "doc_type": "invoice",
            "number": "INV-1",
            "issue_on": "2024-01-05",
            "currency": "CNY",
            "amount": "1000.00",
            "due_on": "2024-02-04",
        },
    )
    assert invoice.status_code == 201, invoice.content
    receipt = post(
        api,
        "/api/v1/ledger/documents",
        {
            "company": "SH01",
            "customer": "C1",
            "doc_type": "receipt",
            "number": "R-1",
            "issue_on": "2024-02-01",
            "currency": "CNY",
            "amount": "400.00",
        },
    ).json()
    allocation = post(
        api,
        "/api/v1/ledger/allocations",
        {"source_id": receipt["id"], "invoice_id": invoice.json()["id"], "amount": "400.00", "on": "2024-02-01"},
    )
    assert allocation.status_code == 201
    balance = api.get(f"/api/v1/ledger/customers/{customer.pk}/balance", {"as_of": "2024-03-01"}).json()
    assert balance["balances"][0]["balance"] == "600.00"
    assert balance["open_items"][0]["open"] == {"amount": "600.00", "currency": "CNY"}
    assert balance["open_items"][0]["days_past_due"] == 26
    before = api.get(f"/api/v1/ledger/customers/{customer.pk}/balance", {"as_of": "2024-01-31"}).json()
    assert before["balances"][0]["balance"] == "1000.00"


def test_over_allocation_gets_a_json_error(api, customer):
    ids = {}
    for doc_type, number, amount in (("invoice", "I", "100"), ("receipt", "R", "500")):
        ids[number] = post(
            api,
            "/api/v1/ledger/documents",
            {
                "company": "SH01",
                "customer": "C1",
                "doc_type": doc_type,
                "number": number,
                "issue_on": "2024-01-05",
                "currency": "CNY",
                "amount": amount,
                "due_on": "2024-02-04" if doc_type == "invoice" else None,
            },
        ).json()["id"]
    response = post(
        api,
        "/api/v1/ledger/allocations",
        {"source_id": ids["R"], "invoice_id": ids["I"], "amount": "100.01", "on": "2024-01-05"},
    )
    assert response.status_code == 422 and response.json()["error"]["code"] == "ledger_rule"


def test_reverse_a_document(api, customer):
    doc = post(
        api,
        "/api/v1/ledger/documents",
        {
            "company": "SH01",
            "customer": "C1",
            "doc_type": "invoice",
            "number": "INV-9",
            "issue_on": "2024-01-05",
            "currency": "CNY",
            "amount": "10",
            "due_on": "2024-01-05",
        },
    ).json()
    response = post(api, f"/api/v1/ledger/documents/{doc['id']}/reverse", {"on": "2024-01-06", "reason": "error"})
    assert response.status_code == 201 and response.json()["amount"]["amount"] == "-10.00"
    assert api.get(f"/api/v1/ledger/documents/{doc['id']}").json()["is_reversed"] is True


def test_missing_rate_and_bad_type_are_clear_errors(api, customer):
    body = {
        "company": "SH01",
        "customer": "C1",
        "doc_type": "invoice",
        "number": "U",
        "issue_on": "2024-01-05",
        "currency": "USD",
        "amount": "10",
        "due_on": "2024-01-05",
    }
    response = post(api, "/api/v1/ledger/documents", body)
    assert response.status_code == 422 and response.json()["error"]["code"] == "missing_rate"
    response = post(api, "/api/v1/ledger/documents", {**body, "currency": "CNY", "doc_type": "bill"})
    assert "doc_type" in response.json()["error"]["fields"]


def test_an_invoice_carries_its_medium_and_a_receipt_cannot(api, customer):
    body = {
        "company": "SH01",
        "customer": "C1",
        "doc_type": "invoice",
        "number": "E-1",
        "issue_on": "2024-01-05",
        "currency": "CNY",
        "amount": "10",
        "due_on": "2024-02-04",
        "medium": "electronic",
    }
    invoice = post(api, "/api/v1/ledger/documents", body)
    assert invoice.status_code == 201 and invoice.json()["medium"] == "electronic"
    receipt = post(api, "/api/v1/ledger/documents", {**body, "doc_type": "receipt", "number": "R-9", "due_on": None})
    assert receipt.status_code == 422
    assert receipt.json()["error"]["fields"]["medium"] == ["只有发票或借项通知单有发票介质。"]
    fax = post(api, "/api/v1/ledger/documents", {**body, "number": "E-2", "medium": "fax"})
    assert fax.json()["error"]["fields"]["medium"] == ["发票介质为电子发票或纸质发票。"]
    assert Document.objects.filter(number__in=["R-9", "E-2"]).count() == 0


def test_terms_and_rates(api):
    response = post(
        api,
        "/api/v1/ledger/payment-terms",
        {
            "code": "I2",
            "name": "50/50",
            "kind": "instalments",
            "days": 0,
            "instalments": [{"percent": "50", "days": 30}, {"percent": "40", "days": 60}],
        },
    )
    assert response.status_code == 422 and "100" in response.json()["error"]["message"]
    response = post(
        api, "/api/v1/ledger/exchange-rates", {"currency": "usd", "rate_on": "2024-01-01", "rate": "7.1234"}
    )
    assert response.status_code == 201 and response.json()["currency"] == "USD"


def test_import_endpoint_reports_bad_rows_and_writes_nothing(api, customer):
    bad = b"number,customer,issue_date,due_date,currency,amount\nA,C1,2024-01-01,2024-01-31,CNY,10\nB,ZZ,x,y,CNY,1\n"
    response = api.post(
        "/api/v1/ledger/imports/invoices",
        {"company": "SH01", "file": SimpleUploadedFile("i.csv", bad, content_type="text/csv")},
    )
    assert response.status_code == 422
    body = response.json()
    assert body["error"]["code"] == "invalid_file" and {p["line"] for p in body["problems"]} == {3}
    assert not Document.objects.exists()
    good = bad.splitlines()[0] + b"\n" + bad.splitlines()[1] + b"\n"
    response = api.post(
        "/api/v1/ledger/imports/invoices",
        {"company": "SH01", "file": SimpleUploadedFile("i.csv", good, content_type="text/csv")},
    )
    assert response.status_code == 200 and response.json()["created"] == 1


def test_a_collector_reads_but_cannot_post(persona, customer):
    client = Client()
    client.force_login(persona("collector"))
    assert client.get("/api/v1/ledger/documents").status_code == 200
    response = post(
        client,
        "/api/v1/ledger/documents",
        {
            "company": "SH01",
            "customer": "C1",
            "doc_type": "invoice",
            "number": "X",
            "issue_on": "2024-01-05",
            "currency": "CNY",
            "amount": "10",
            "due_on": "2024-01-05",
        },
    )
    assert response.status_code == 403


def test_documents_of_ungranted_companies_are_invisible(api, other_company):
    other = CustomerFactory(company=other_company)
    doc = Document.objects.create(
        company=other_company,
        customer=other,
        doc_type="invoice",
        number="Z",
        issue_on="2024-01-01",
        currency="CNY",
        amount=100,
        functional_amount=100,
    )
    assert api.get(f"/api/v1/ledger/documents/{doc.pk}").status_code == 404
    assert api.get("/api/v1/ledger/documents").json()["count"] == 0
