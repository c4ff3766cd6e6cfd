"""Bad input answers a 4xx in the API's error shape (or a 400/404 page on the screens), never a 500."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from ardesk.accounts.services import token_issue
from ardesk.credit.defaults import credit_defaults_ensure
from ardesk.customers.tests.factories import CustomerFactory

pytestmark = pytest.mark.django_db

HUGE = 2**70  # beyond a 64-bit integer column


def api_client(user) -> Client:
    _token, raw = token_issue(user=user)
    return Client(headers={"Authorization": f"Bearer {raw}", "Accept-Language": "en"}, raise_request_exception=False)


def screen_client(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def send(client, method: str, path: str, body=None):
    if body is None:
        return getattr(client, method)(path)
    return getattr(client, method)(path, data=json.dumps(body), content_type="application/json")


def assert_error(response, status: int, field: str | None = None) -> dict:
    """The answer has the status and the documented shape {"error": {"code", "message", "fields"}}."""
    assert response.status_code == status, response.content[:500]
    error = response.json()["error"]
    assert set(error) == {"code", "message", "fields"}
    assert error["message"]
    if field is not None:
        assert field in error["fields"], error
    return error


@pytest.fixture
def customer(company):
    return CustomerFactory(company=company, code="C1")


@pytest.fixture
def shipped_credit_defaults(db):
    from django.apps import apps

    credit_defaults_ensure(apps)


@pytest.mark.parametrize("path", ["/api/v1/reports/aging", "/api/v1/reports/aging/items"])
@pytest.mark.parametrize("currency", ["XYZ1", "ZZZ", "12"])
def test_an_unknown_currency_on_the_aging_is_refused(manager, path, currency):
    assert_error(api_client(manager).get(path, {"currency": currency}), 422, "currency")


@pytest.mark.parametrize(
    "path",
    ["/api/v1/reports/aging/items", "/api/v1/customers", "/api/v1/ledger/documents"],
)
def test_a_page_beyond_any_list_is_refused(manager, accountant, path):
    assert_error(api_client(accountant).get(path, {"page": HUGE}), 422, "page")


@pytest.mark.parametrize(
    "method,path",
    [
        ("post", "/api/v1/collections/customers/{huge}/promises"),
        ("get", "/api/v1/collections/customers/{huge}/timeline"),
        ("get", "/api/v1/collections/runs/{huge}"),
        ("get", "/api/v1/collections/notices/{huge}"),
        ("get", "/api/v1/customers/{huge}"),
        ("get", "/api/v1/ledger/documents/{huge}"),
        ("get", "/api/v1/provisioning/runs/{huge}"),
    ],
)
def test_an_id_beyond_64_bits_is_not_found_or_refused(collector, manager, method, path):
    body = {"amount": "10.00", "promised_on": "2025-04-30"} if method == "post" else None
    response = send(api_client(manager), method, path.format(huge=HUGE), body)
    assert response.status_code in (404, 422), response.content[:300]
    assert_error(response, response.status_code)


def test_a_promise_on_lines_with_huge_ids_is_refused(collector, customer):
    body = {"amount": "10.00", "promised_on": "2025-04-30", "lines": [HUGE]}
    assert_error(
        send(api_client(collector), "post", f"/api/v1/collections/customers/{customer.pk}/promises", body), 422
    )


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/customers/abc",
        "/api/v1/ledger/documents/1x",
        "/api/v1/nowhere",
        "/api/v1/customers/%C2%80%0A%F2%94%83%99",  # a newline in the path (found by schemathesis)
    ],
)
def test_a_malformed_id_or_unknown_path_is_a_json_404(manager, path):
    assert_error(api_client(manager).get(path), 404)


def test_a_null_industry_risk_on_the_credit_patch_is_refused(analyst, customer, shipped_credit_defaults):
    response = send(api_client(analyst), "patch", f"/api/v1/credit/customers/{customer.pk}", {"industry_risk": None})
    assert_error(response, 422, "industry_risk")


@pytest.mark.parametrize("amount", ["1e99", "99999999999999999999", "1.001", "NaN", "Infinity"])
def test_an_amount_out_of_range_on_the_credit_check_is_refused(manager, customer, shipped_credit_defaults, amount):
    body = {"company": "SH01", "customer_code": "C1", "order_ref": "SO-1", "amount": amount}
    assert_error(send(api_client(manager), "post", "/api/v1/credit/check", body), 422, "amount")


@pytest.mark.parametrize("amount", ["1e99", "-1e99", "99999999999999999999"])
def test_an_amount_out_of_range_on_a_credit_request_is_refused(analyst, customer, shipped_credit_defaults, amount):
    body = {"customer_id": customer.pk, "kind": "limit", "reason": "Annual", "amount": amount}
    assert_error(send(api_client(analyst), "post", "/api/v1/credit/requests", body), 422, "amount")


@pytest.mark.parametrize("as_of", ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01"])
def test_a_date_outside_1900_to_2100_is_refused(manager, as_of):
    assert_error(api_client(manager).get("/api/v1/reports/aging", {"as_of": as_of}), 422, "as_of")
    assert_error(api_client(manager).get("/api/v1/reports/aging/items", {"as_of": as_of}), 422, "as_of")


@pytest.mark.parametrize(("date_from", "date_to"), [("0001-01-01", "2025-01-31"), ("2025-01-01", "9999-12-31")])
def test_extreme_roll_forward_dates_are_refused(manager, date_from, date_to):
    query = {"company": "SH01", "date_from": date_from, "date_to": date_to}
    assert_error(api_client(manager).get("/api/v1/provisioning/roll-forward", query), 422)


def test_another_companys_provision_policy_is_not_found(manager, other_company):
    assert_error(api_client(manager).get("/api/v1/provisioning/policies/export", {"company": "SZ01"}), 404)
    response = screen_client(manager).get("/provisioning/policies/export/SZ01/")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "query",
    [{"currency": "XYZ"}, {"as_of": "0001-01-01"}, {"page": str(HUGE)}, {"as_of": "9999-12-31"}],
)
def test_the_aging_screen_answers_bad_parameters_with_a_page(manager, query):
    response = screen_client(manager).get("/reports/aging/", query)
    assert response.status_code in (200, 400), response.status_code
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("year", ["0", "99999", str(HUGE)])
def test_the_roll_forward_screen_answers_extreme_years_with_a_page(manager, year):
    response = screen_client(manager).get("/provisioning/roll-forward/", {"company": "SH01", "year": year})
    assert response.status_code in (200, 400), response.status_code


def test_a_method_a_path_does_not_take_is_a_json_405(manager):
    response = api_client(manager).delete("/api/v1/me")
    assert_error(response, 405)
    assert response["Allow"] == "GET"


def test_deleting_a_customer_with_documents_is_a_conflict_not_a_server_error(accountant, customer):
    from ardesk.ledger.tests.factories import invoice

    invoice(accountant, customer, "I1", "100.00")
    error = assert_error(api_client(accountant).delete(f"/api/v1/customers/{customer.pk}"), 409)
    assert error["message"] == "Customer C1 has ledger documents or other records; close it instead of deleting it."
    assert customer.__class__.objects.filter(pk=customer.pk).exists()


@pytest.mark.parametrize("path", [f"/customers/{HUGE}/", f"/ledger/documents/{HUGE}/", f"/provisioning/runs/{HUGE}/"])
def test_a_screen_given_an_id_beyond_64_bits_answers_not_found(manager, accountant, path):
    assert screen_client(accountant if "ledger" in path else manager).get(path).status_code == 404


def test_the_review_list_given_a_huge_horizon_answers_a_page(analyst):
    assert screen_client(analyst).get("/customers/review/", {"within": str(HUGE)}).status_code == 200


@pytest.mark.parametrize("line", ["abc", str(HUGE), ""])
def test_an_allocation_form_given_a_bad_line_is_refused_on_the_page(accountant, customer, line):
    from ardesk.ledger.tests.factories import receipt

    document = receipt(accountant, customer, "R1", "100.00")
    response = screen_client(accountant).post(
        f"/ledger/documents/{document.pk}/allocate/", {"line": line, "amount": "10.00", "on": "2025-03-01"}
    )
    assert response.status_code == 302


def test_a_payment_term_code_longer_than_its_column_is_refused(accountant):
    # PostgreSQL refused the insert (varchar(20)) with a server error; SQLite stored it.
    body = {"code": "N" * 21, "name": "Net 30"}
    assert_error(send(api_client(accountant), "post", "/api/v1/ledger/payment-terms", body), 422, "code")


def test_a_nul_character_in_a_search_is_refused_not_a_server_error(accountant, company):
    """PostgreSQL cannot store or compare a NUL in text; the API answers 400 in the error shape."""
    from django.db import connection

    response = api_client(accountant).get("/api/v1/customers", {"q": "ab\x00c"})
    if connection.vendor == "postgresql":
        assert_error(response, 400)
    else:  # SQLite compares it like any other character: nothing matches
        assert response.status_code == 200 and response.json()["count"] == 0
