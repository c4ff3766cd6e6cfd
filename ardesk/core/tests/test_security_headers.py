"""Every answer carries the Content-Security-Policy and is never stored by a browser or proxy."""

from __future__ import annotations

import pytest
from django.test import Client

from ardesk.accounts.services import token_issue
from ardesk.customers.tests.factories import CustomerFactory

pytestmark = pytest.mark.django_db


def test_a_page_with_a_bank_account_is_not_stored_and_allows_no_inline_script(accountant, company):
    customer = CustomerFactory(company=company, bank_account="6225880212345678")
    client = Client()
    client.force_login(accountant)
    answer = client.get(f"/customers/{customer.pk}/")
    assert "6225880212345678" in answer.content.decode()
    assert answer["Cache-Control"] == "no-store"
    policy = answer["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "style-src 'self';" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy


def test_an_api_answer_is_not_stored(accountant, company):
    customer = CustomerFactory(company=company)
    _token, raw = token_issue(user=accountant)
    answer = Client(headers={"Authorization": f"Bearer {raw}"}).get(f"/api/v1/customers/{customer.pk}")
    assert answer.status_code == 200
    assert answer["Cache-Control"] == "no-store"


def test_the_screens_hold_no_inline_script_handler_or_style(accountant, company):
    customer = CustomerFactory(company=company)
    client = Client()
    client.force_login(accountant)
    for path in ("/customers/", f"/customers/{customer.pk}/", "/customers/review/", "/accounts/profile/"):
        html = client.get(path).content.decode()
        assert " style=" not in html and " onchange=" not in html and " onclick=" not in html, path
        assert "<script>" not in html, path
