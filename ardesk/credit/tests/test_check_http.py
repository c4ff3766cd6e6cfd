"""The order check served by the WSGI handler without the middleware stack (``config/credit_check.py``).

Each test sends the same call through the real WSGI application (as gunicorn or waitress would)
and, where it compares, through the API as the test client reaches it (middleware and router):
the answers must be the same.
"""

from __future__ import annotations

import json

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client, RequestFactory

from ardesk.accounts.models import Preference
from ardesk.accounts.services import token_issue
from ardesk.audit.models import AuditEvent
from ardesk.config.wsgi import application
from ardesk.credit.models import OpenOrder
from ardesk.credit.tests.conftest import api_client, give_limit, post

pytestmark = pytest.mark.django_db

PATH = "/api/v1/credit/check"


class Answer:
    def __init__(self, status: str, headers: list, body: bytes):
        self.status_code = int(status.split()[0])
        self.headers = dict(headers)
        self.content = body

    def json(self):
        return json.loads(self.content)


def wsgi_post(body, token: str | None, language: str = "en", **extra) -> Answer:
    """POST through ``ardesk.config.wsgi.application`` from a client at 192.0.2.7."""
    headers = {"REMOTE_ADDR": "192.0.2.7", **extra}
    if language:
        headers["HTTP_ACCEPT_LANGUAGE"] = language
    if token is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    data = body if isinstance(body, str) else json.dumps(body)
    environ = RequestFactory().post(PATH, data=data, content_type="application/json", **headers).environ
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = status, headers

    # As Django's test client does: the request must not close the test's database connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        response = application(environ, start_response)
        content = b"".join(response)
        response.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return Answer(seen["status"], seen["headers"], content)


def token_for(user) -> str:
    return token_issue(user=user)[1]


@pytest.fixture
def no_middleware(monkeypatch):
    """Fail the test if the call goes through Django's middleware chain."""

    def chain(request):
        raise AssertionError(f"{request.path} went through the middleware")

    monkeypatch.setattr(application, "_middleware_chain", chain)


def order(ref: str, amount: str = "100.00", **more) -> dict:
    return {"company": "SH01", "customer_code": "C1", "order_ref": ref, "amount": amount, **more}


def test_a_check_skips_the_middleware_and_answers_as_the_api_does(accountant, analyst, manager, customer, monkeypatch):
    give_limit(customer, "1000.00", analyst, manager)
    through_api = post(api_client(accountant), PATH, order("SO-1"))
    assert through_api.status_code == 200, through_api.content

    def chain(request):
        raise AssertionError("the middleware ran")

    monkeypatch.setattr(application, "_middleware_chain", chain)
    direct = wsgi_post(order("SO-1"), token_for(accountant))  # the same order checked again
    assert direct.status_code == 200, direct.content
    assert direct.content == through_api.content  # byte for byte
    # Open 600.00 + 300.00 not yet due - 50.00 unapplied + this order's 100.00 = 950.00, within 1,000.00.
    assert direct.json()["decision"] == "release" and direct.json()["figures"]["exposure"] == "950.00"
    held = wsgi_post(order("SO-2"), token_for(accountant)).json()  # 950.00 + 100.00 > 1,000.00
    assert held["decision"] == "hold" and held["reasons"][0]["code"] == "over_limit"
    assert held["figures"]["open_orders"] == "100.00" and held["figures"]["exposure"] == "1050.00"
    assert OpenOrder.objects.get(order_ref="SO-2").status == "held"


def test_the_answer_carries_the_headers_the_middleware_would_add(accountant, customer, no_middleware):
    answer = wsgi_post(order("SO-1"), token_for(accountant))
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "application/json; charset=utf-8"
    assert answer.headers["Content-Length"] == str(len(answer.content))
    assert answer.headers["X-Frame-Options"] == "DENY"
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert answer.headers["Content-Language"] == "en"


def test_reasons_are_in_the_language_the_client_asks_for(accountant, customer, no_middleware):
    english = wsgi_post(order("SO-1"), token_for(accountant), language="en").json()
    chinese = wsgi_post(order("SO-2"), token_for(accountant), language="zh-hans").json()
    assert english["reasons"][0]["code"] == chinese["reasons"][0]["code"] == "no_limit"
    assert english["reasons"][0]["message"] == "The customer has no credit limit."
    assert chinese["reasons"][0]["message"] != english["reasons"][0]["message"]
    assert "额度" in chinese["reasons"][0]["message"]


def test_the_check_is_audited_with_the_token_user_and_the_client_address(accountant, customer, no_middleware):
    answer = wsgi_post(order("SO-1"), token_for(accountant)).json()
    event = AuditEvent.objects.filter(action="credit.check").latest("seq")
    assert (event.actor_id, event.ip, event.object_id) == (accountant.pk, "192.0.2.7", str(answer["order_id"]))


def test_refusals_from_the_service_are_the_api_errors(accountant, collector, customer, no_middleware):
    forbidden = wsgi_post(order("SO-1"), token_for(collector))
    assert forbidden.status_code == 403 and forbidden.json()["error"]["code"] == "forbidden"
    unknown = wsgi_post(order("SO-1", company="XX99"), token_for(accountant))
    assert unknown.status_code == 422
    assert "XX99" in unknown.json()["error"]["fields"]["company"][0]
    negative = wsgi_post(order("SO-2", amount="-5"), token_for(accountant))
    assert negative.status_code == 422 and "amount" in negative.json()["error"]["fields"]
    assert not OpenOrder.objects.exists()


@pytest.fixture
def ordinary_way(monkeypatch):
    """The paths of the calls that went through Django's middleware chain."""
    paths = []
    chain = application._middleware_chain

    def spy(request):
        paths.append(request.path)
        return chain(request)

    monkeypatch.setattr(application, "_middleware_chain", spy)
    return paths


@pytest.mark.parametrize(
    ("body", "token", "status", "field"),
    [
        (order("SO-1"), None, 403, None),  # no token: a session call, and it has no CSRF cookie
        (order("SO-1"), "ard_not_a_token", 401, None),  # not "CSRF check Failed": a token call is no session
        (order("SO-1", amount="ten"), "valid", 422, "amount"),
        ({"company": "SH01", "customer_code": "C1", "amount": "1.00"}, "valid", 422, "order_ref"),
        ('{"company": "SH01",', "valid", 400, None),
    ],
)
def test_calls_it_does_not_take_go_the_ordinary_way(accountant, customer, ordinary_way, body, token, status, field):
    """No or a bad token, a body the schema refuses: the whole stack answers, as for any API call."""
    answer = wsgi_post(body, token_for(accountant) if token == "valid" else token)
    assert ordinary_way == [PATH]
    assert answer.status_code == status, answer.content
    if field:
        assert field in answer.json()["error"]["fields"]
    assert not OpenOrder.objects.exists()


def test_a_disallowed_host_is_refused_by_the_ordinary_way(accountant, customer, settings, ordinary_way):
    settings.ALLOWED_HOSTS = ["ardesk.example.com"]
    answer = wsgi_post(order("SO-1"), token_for(accountant), HTTP_HOST="evil.example.net")
    assert ordinary_way == [PATH]
    assert answer.status_code == 400
    assert not OpenOrder.objects.exists()


def test_without_accept_language_the_token_users_saved_language_speaks(accountant, customer, no_middleware):
    Preference.objects.update_or_create(user=accountant, defaults={"language": "en"})
    token = token_for(accountant)
    direct = wsgi_post(order("SO-1"), token, language="").json()
    assert direct["reasons"][0]["message"] == "The customer has no credit limit."
    asked = wsgi_post(order("SO-2"), token, language="zh-hans").json()
    assert "额度" in asked["reasons"][0]["message"]  # a call that asks chooses


def test_the_router_speaks_the_token_users_saved_language_too(accountant, customer):
    Preference.objects.update_or_create(user=accountant, defaults={"language": "en"})
    client = Client(headers={"Authorization": f"Bearer {token_for(accountant)}"})  # no Accept-Language
    answer = post(client, PATH, order("SO-1"))
    assert answer.json()["reasons"][0]["message"] == "The customer has no credit limit."
    assert answer.headers["Content-Language"] == "en"
