"""Each role against each screen and endpoint: allowed or refused, as PRODUCT.md's roles say."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from ardesk.conftest import PERSONAS
from ardesk.customers.tests.factories import ContactFactory, CustomerFactory

ALL = set(PERSONAS)
ACC, ANA, COL, MGR, AUD, ADM = "accountant", "analyst", "collector", "manager", "auditor", "administrator"

# (name, method, path, body, roles allowed). {c} is a customer id, {k} a contact id.
MATRIX = [
    ("customer list", "get", "/customers/", None, ALL),
    ("review list", "get", "/customers/review/", None, ALL),
    ("customer page", "get", "/customers/{c}/", None, ALL),
    ("new customer form", "get", "/customers/new/", None, {ACC}),
    ("edit customer form", "get", "/customers/{c}/edit/", None, {ACC, ANA, MGR}),
    ("status change", "post", "/customers/{c}/status/", {"status": "on_hold", "reason": "test"}, {ACC, ANA, MGR}),
    ("new contact form", "get", "/customers/{c}/contacts/new/", None, {ACC, COL}),
    ("edit contact form", "get", "/customers/{c}/contacts/{k}/edit/", None, {ACC, COL}),
    ("delete contact", "post", "/customers/{c}/contacts/{k}/delete/", {}, {ACC}),
    ("audit trail", "get", "/audit/", None, {MGR, AUD, ADM}),
    ("audit verify", "post", "/audit/verify/", {}, {AUD, ADM}),
    ("api list customers", "api-get", "/api/v1/customers", None, ALL),
    ("api one customer", "api-get", "/api/v1/customers/{c}", None, ALL),
    (
        "api create customer",
        "api-post",
        "/api/v1/customers",
        {"company": "SH01", "code": "N1", "name": "新客户"},
        {ACC},
    ),
    ("api change customer", "api-patch", "/api/v1/customers/{c}", {"address": "新地址"}, {ACC, ANA, MGR}),
    ("api delete customer", "api-delete", "/api/v1/customers/{c}", None, {ACC}),
    ("api list contacts", "api-get", "/api/v1/customers/{c}/contacts", None, {ACC, ANA, COL, MGR, AUD}),
    ("api add contact", "api-post", "/api/v1/customers/{c}/contacts", {"name": "李娜", "phone": "1"}, {ACC, COL}),
    ("api change contact", "api-patch", "/api/v1/customers/{c}/contacts/{k}", {"phone": "2"}, {ACC, COL}),
    ("api delete contact", "api-delete", "/api/v1/customers/{c}/contacts/{k}", None, {ACC}),
    ("ledger panel", "get", "/ledger/customers/{c}/panel/", None, {ACC, ANA, COL, MGR, AUD}),
    ("document list", "get", "/ledger/documents/", None, {ACC, ANA, COL, MGR, AUD}),
    ("post document form", "get", "/ledger/customers/{c}/documents/new/", None, {ACC}),
    ("import screen", "get", "/ledger/import/", None, {ACC}),
    ("payment terms", "get", "/ledger/terms/", None, {ACC, ANA, COL, MGR, AUD}),
    ("exchange rates", "get", "/ledger/rates/", None, {ACC, ANA, COL, MGR, AUD}),
    ("api documents", "api-get", "/api/v1/ledger/documents", None, {ACC, ANA, COL, MGR, AUD}),
    ("api balance", "api-get", "/api/v1/ledger/customers/{c}/balance", None, {ACC, ANA, COL, MGR, AUD}),
    (
        "api post document",
        "api-post",
        "/api/v1/ledger/documents",
        {
            "company": "SH01",
            "customer": "{code}",
            "doc_type": "invoice",
            "number": "N9",
            "issue_on": "2024-01-01",
            "currency": "CNY",
            "amount": "10",
            "due_on": "2024-01-31",
        },
        {ACC},
    ),
    (
        "api exchange rate",
        "api-post",
        "/api/v1/ledger/exchange-rates",
        {"currency": "USD", "rate_on": "2024-01-01", "rate": "7.1"},
        {ACC, MGR},
    ),
    ("portal links", "get", "/portal/customers/{c}/links/", None, {ACC, COL, MGR, AUD}),
    ("issue portal link", "post", "/portal/customers/{c}/links/", {"days": "7"}, {ACC, COL}),
    ("balance confirmations", "get", "/portal/confirmations/", None, {ACC, COL, MGR, AUD}),
    ("statement mailings", "get", "/portal/statement-runs/", None, {ACC, COL, MGR, AUD}),
    (
        "monthly statement mailing",
        "post",
        "/portal/statement-runs/schedule/",
        {"company": "SH01", "is_active": "on", "day": "5", "remind_after_days": "7", "task_after_days": "14"},
        {ACC, MGR},
    ),
]


def call(client: Client, method: str, path: str, body):
    if method == "get":
        return client.get(path)
    if method == "post":
        return client.post(path, body)
    verb = method.removeprefix("api-")
    return getattr(client, verb)(
        path, data=json.dumps(body) if body is not None else None, content_type="application/json"
    )


@pytest.mark.parametrize("role", sorted(PERSONAS))
@pytest.mark.parametrize(("name", "method", "path", "body", "allowed"), MATRIX, ids=[m[0] for m in MATRIX])
def test_role_against_endpoint(role, name, method, path, body, allowed, persona, company):
    customer = CustomerFactory(company=company)
    contact = ContactFactory(customer=customer)
    client = Client()
    client.force_login(persona(role))
    if isinstance(body, dict):
        body = {k: (v.format(code=customer.code) if isinstance(v, str) else v) for k, v in body.items()}
    response = call(client, method, path.format(c=customer.pk, k=contact.pk), body)
    if role in allowed:
        assert response.status_code in (200, 201, 204, 302), (role, name, response.status_code, response.content[:300])
        if response.status_code == 302:
            assert "/accounts/login" not in response["Location"]
    else:
        assert response.status_code == 403, (role, name, response.status_code)


@pytest.mark.parametrize(("name", "method", "path", "body", "allowed"), MATRIX, ids=[m[0] for m in MATRIX])
def test_anonymous_is_sent_to_sign_in_or_refused(name, method, path, body, allowed, company):
    customer = CustomerFactory(company=company)
    contact = ContactFactory(customer=customer)
    response = call(Client(), method, path.format(c=customer.pk, k=contact.pk), body)
    if method.startswith("api-"):
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "unauthorized"
    else:
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    ("name", "method", "path", "body", "allowed"),
    [m for m in MATRIX if "{c}" in m[2]],
    ids=[m[0] for m in MATRIX if "{c}" in m[2]],
)
def test_a_customer_of_an_ungranted_company_is_invisible(name, method, path, body, allowed, persona, other_company):
    customer = CustomerFactory(company=other_company)
    contact = ContactFactory(customer=customer)
    client = Client()
    client.force_login(persona(ACC))
    response = call(client, method, path.format(c=customer.pk, k=contact.pk), body)
    assert response.status_code == 404


@pytest.mark.parametrize("role", sorted(PERSONAS))
def test_only_the_administrator_reaches_the_administration_pages(role, persona):
    client = Client()
    client.force_login(persona(role))
    response = client.get("/admin/")
    assert (response.status_code == 200) == (role == ADM)


def test_every_url_of_the_product_is_covered_by_the_matrix_or_declares_its_permission():
    """A new screen must declare its permission (core.web.requires) or be a public account page."""
    from django.urls import get_resolver

    public = {
        "accounts:login",
        "accounts:logout",
        "accounts:language",
        "accounts:profile",
        "accounts:password_change",
        "accounts:token_issue",
        "accounts:token_revoke",
        "home",
        # The customer portal's pages: no sign-in, a signed personal link (ardesk/portal/design.md).
        "portal:home",
        "portal:statement",
        "portal:code",
        "portal:answer",
        "portal:promise",
        "portal:dispute",
        "portal:complaint",
        "portal:document",
        "portal:survey",
    }
    unchecked = []
    for app in ("customers", "audit", "ledger", "statements", "portal"):
        resolver = get_resolver()
        for pattern in resolver.url_patterns:
            if getattr(pattern, "namespace", None) != app:
                continue
            for sub in pattern.url_patterns:
                view = sub.callback
                if not hasattr(view, "required_permission") and f"{app}:{sub.name}" not in public:
                    unchecked.append(f"{app}:{sub.name}")
    assert unchecked == []
