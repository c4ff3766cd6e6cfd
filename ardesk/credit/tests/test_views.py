"""The credit screens: what each role may open and do."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from ardesk.credit import services
from ardesk.credit.models import CreditRequest, FinancialStatement, OpenOrder
from ardesk.credit.tests.conftest import give_limit

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(user)
    return client


def test_the_customer_page_loads_the_credit_panel(analyst, customer, manager):
    give_limit(customer, "1000.00", analyst, manager)
    page = client_for(analyst).get(reverse("customers:detail", args=[customer.pk]))
    assert reverse("credit:customer_panel", args=[customer.pk]) in page.content.decode()
    panel = client_for(analyst).get(reverse("credit:customer_panel", args=[customer.pk]))
    assert panel.status_code == 200
    assert "1,000.00" in panel.content.decode() and "85.00%" in panel.content.decode()


def test_the_credit_page_shows_ratios_with_formulas_and_not_available(analyst, customer):
    services.financial_statement_save(
        by=analyst,
        customer=customer,
        period_end=dt.date(2024, 12, 31),
        lines={"current_assets": "300", "current_liabilities": "200"},
    )
    services.customer_score(by=analyst, customer=customer)
    page = client_for(analyst).get(reverse("credit:customer", args=[customer.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "current assets ÷ current liabilities" in html and "1.50" in html
    assert "Not available: Total liabilities, Total assets not entered." in html  # debt to assets
    assert 'id="breakdown"' in html


@pytest.mark.parametrize(
    ("name", "url", "allowed"),
    [
        ("collector", "credit:financial_statements_import", False),
        ("analyst", "credit:financial_statements_import", True),
        ("collector", "credit:portfolio", True),
        ("analyst", "credit:held", True),
        ("auditor", "credit:requests", True),
        ("auditor", "credit:reviews", True),
        ("administrator", "credit:portfolio", False),
        ("analyst", "credit:scorecards", True),
    ],
)
def test_each_screen_checks_the_role(persona, name, url, allowed):
    response = client_for(persona(name)).get(reverse(url))
    assert response.status_code == (200 if allowed else 403)


def test_enter_a_statement_through_the_form(analyst, customer):
    response = client_for(analyst).post(
        reverse("credit:financial_statement_create", args=[customer.pk]),
        {
            "period_end": "2024-12-31",
            "period_kind": "annual",
            "months": "12",
            "currency": "CNY",
            "line_cash": "100.50",
            "line_current_liabilities": "201",
        },
    )
    assert response.status_code == 302
    assert FinancialStatement.objects.get(customer=customer).lines == {"cash": 10050, "current_liabilities": 20100}


def test_a_collector_cannot_open_the_statement_form(collector, customer):
    assert (
        client_for(collector).get(reverse("credit:financial_statement_create", args=[customer.pk])).status_code == 403
    )


def test_request_then_approve_through_the_screens(analyst, manager, customer):
    response = client_for(analyst).post(
        reverse("credit:request_create", args=[customer.pk]), {"kind": "limit", "amount": "3000.00", "reason": "Growth"}
    )
    assert response.status_code == 302
    request = CreditRequest.objects.get(customer=customer)
    queue = client_for(manager).get(reverse("credit:requests")).content.decode()
    assert f'data-request="{request.pk}"' in queue
    client_for(analyst).post(reverse("credit:request_decide", args=[request.pk]), {"decision": "approve"})
    request.refresh_from_db()
    assert request.status == "pending"  # the analyst has no approval permission: 403
    client_for(manager).post(reverse("credit:request_decide", args=[request.pk]), {"decision": "approve"})
    request.refresh_from_db()
    assert request.status == "approved"


def test_a_manager_releases_a_held_order_from_the_queue_screen(analyst, manager, customer):
    order, _result = services.credit_check(by=analyst, customer=customer, order_ref="SO-1", amount="10.00")
    assert 'data-order="SO-1"' in client_for(manager).get(reverse("credit:held")).content.decode()
    assert (
        client_for(analyst).post(reverse("credit:order_decide", args=[order.pk]), {"decision": "release"}).status_code
        == 403
    )
    client_for(manager).post(reverse("credit:order_decide", args=[order.pk]), {"decision": "release", "note": "ok"})
    assert OpenOrder.objects.get(pk=order.pk).status == "released"


def test_a_manager_saves_a_scorecard_as_a_new_version_and_bad_json_is_refused(manager):
    from ardesk.credit.models import Scorecard

    demo = Scorecard.objects.get(code="DEMO", version=1)
    url = reverse("credit:scorecard_edit", args=[demo.pk])
    bad = client_for(manager).post(url, {"code": "DEMO", "name": "Demo", "config": "{not json"})
    assert bad.status_code == 200 and "Not valid JSON" in bad.content.decode()
    import json

    good = client_for(manager).post(url, {"code": "DEMO", "name": "Demo", "config": json.dumps(demo.config)})
    assert good.status_code == 302
    assert Scorecard.objects.filter(code="DEMO").count() == 2
