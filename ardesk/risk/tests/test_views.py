"""The risk screens and API: what each role sees, the portfolio's worked concentration, exports, the panel."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ardesk.accounts.services import token_issue
from ardesk.core import clock
from ardesk.credit.models import CreditAccount
from ardesk.customers.models import Customer
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.tests.factories import invoice
from ardesk.risk import services
from ardesk.risk.models import RiskConfig, WatchEntry

TODAY = dt.date(2025, 6, 30)


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def portfolio(company, accountant, analyst, collector, today):
    """Four customers owe 5,000, 3,000, 1,500 and 500 (not yet due); two share the parent GRP.

    By customer: shares 50, 30, 15, 5 → HHI 3,650 (over the 1,500 limit), top 10 = 100% (over 50%).
    By group: GRP = A + B = 8,000 (80%), C 15%, D 5% → HHI 6,400 + 225 + 25 = 6,650.
    By industry: manufacturing A, B, C = 9,500 (95%), trade D 5% → HHI 9,025 + 25 = 9,050.
    A's limit is 5,000.00: 100% used, a medium utilisation signal; the others use 50% or less of 10,000.00.
    """
    parent = CustomerFactory(company=company, code="GRP", industry="C")
    amounts = {"A": "5000.00", "B": "3000.00", "C": "1500.00", "D": "500.00"}
    for code, amount in amounts.items():
        customer = CustomerFactory(
            company=company,
            code=code,
            parent=parent if code in "AB" else None,
            industry="C" if code != "D" else "F",
            collector=collector,
            analyst=analyst,
        )
        limit = 500_000 if code == "A" else 1_000_000
        CreditAccount.objects.create(customer=customer, company=company, limit=limit, grade="A")
        invoice(accountant, customer, f"I-{code}", amount, issue_on=dt.date(2025, 6, 1), due_on=dt.date(2025, 7, 31))
    services.risk_scan(company=company, as_of=TODAY)
    return parent


def test_portfolio_concentration_on_a_worked_portfolio(client, portfolio, analyst, company):
    client.force_login(analyst)
    response = client.get("/risk/portfolio/")
    assert response.status_code == 200
    figures = response.context["figures"]
    assert figures["concentration"]["customer"]["hhi"] == "3650"
    assert figures["concentration"]["group"]["hhi"] == "6650"
    assert [w["key"] for w in figures["warnings"]] == [
        "top10_share_max",
        "top20_share_max",
        "hhi_customer_max",
        "hhi_group_max",
        "hhi_industry_max",
    ]
    assert figures["concentration"]["industry"]["hhi"] == "9050"  # manufacturing 95², trade 5²
    assert [(r["label"], str(r["exposure"])) for r in figures["by"]["grade"]] == [("A", "10000.00")]
    assert b"concentration-warnings" in response.content
    export = client.get("/risk/portfolio/?table=industry&export=csv")
    assert export.status_code == 200
    assert "制造业,3,9500.00,95.00" in export.content.decode("utf-8-sig")  # the analyst reads Chinese


def test_concentration_page_lists_the_customers(client, portfolio, analyst):
    client.force_login(analyst)
    response = client.get("/risk/portfolio/concentration/?by=customer")
    assert response.status_code == 200
    codes = [r["code"] for r in response.context["rows"]]
    assert codes == ["A", "B", "C", "D"]


def test_transition_matrix_fragment(client, portfolio, analyst):
    client.force_login(analyst)
    response = client.get("/risk/portfolio/transition/?date_from=2025-01-01&date_to=2025-06-30")
    assert response.status_code == 200 and b"transition-table" in response.content


def test_each_risk_screen_opens_for_the_analyst(client, portfolio, analyst):
    customer = Customer.objects.get(code="A")
    entry = services.watch_add(by=analyst, customer=customer, reason="Large share of receivables")
    client.force_login(analyst)
    for url in [
        "/risk/",
        "/risk/?export=xlsx",
        "/risk/watch/",
        "/risk/watch/?export=csv",
        f"/risk/watch/{entry.pk}/",
        f"/risk/customers/{customer.pk}/watch/",
        f"/risk/customers/{customer.pk}/panel/",
        "/risk/alerts/",
        "/risk/settings/",
        "/risk/settings/?export=json",
        f"/customers/{customer.pk}/",
    ]:
        assert client.get(url).status_code == 200, url
    assert b"risk:customer_panel" not in client.get(f"/customers/{customer.pk}/").content
    assert f"/risk/customers/{customer.pk}/panel/".encode() in client.get(f"/customers/{customer.pk}/").content


def test_watch_list_by_hand_through_the_screens(client, portfolio, analyst, collector):
    customer = Customer.objects.get(code="C")
    client.force_login(analyst)
    response = client.post(
        f"/risk/customers/{customer.pk}/watch/",
        {"reason": "Owner changed", "owner": collector.pk, "review_on": "2025-07-15"},
    )
    entry = WatchEntry.objects.get(customer=customer, status="open")
    assert response.status_code == 302 and entry.owner == collector
    client.post(f"/risk/watch/{entry.pk}/actions/", {"kind": "prepayment", "note": "Next orders prepaid"})
    client.post(f"/risk/watch/{entry.pk}/close/", {"decision": "New owner confirmed by bank"})
    entry.refresh_from_db()
    assert entry.status == "closed" and entry.actions.get().kind == "prepayment"


def test_the_collector_sees_signals_but_not_the_portfolio_nor_the_settings(client, portfolio, collector):
    client.force_login(collector)
    assert client.get("/risk/").status_code == 200
    assert client.get("/risk/portfolio/").status_code == 403
    assert client.post("/risk/scan/").status_code == 403
    assert client.get("/risk/settings/").status_code == 403


def test_inbox_shows_unread_alerts_and_marks_them_read(client, portfolio, analyst):
    client.force_login(analyst)
    response = client.get("/risk/alerts/")
    assert response.context["unread"] == 1  # A's utilisation (concentration is the portfolio's, not a signal)
    client.post("/risk/alerts/read/")
    assert client.get("/risk/alerts/").context["unread"] == 0


def _api(user) -> Client:
    _token, raw = token_issue(user=user)
    return Client(headers={"Authorization": f"Bearer {raw}", "Accept-Language": "en"})


def test_api_signals_watch_list_portfolio_and_scan(portfolio, analyst, company):
    api = _api(analyst)
    signals = api.get("/api/v1/risk/signals").json()
    assert [(s["customer_code"], s["severity"], s["evidence"]) for s in signals] == [
        ("A", "medium", "Exposure 5,000.00 CNY is 100.0% of the 5,000.00 CNY limit.")
    ]
    customer = Customer.objects.get(code="B")
    created = api.post(
        "/api/v1/risk/watch-list",
        data=json.dumps({"customer_id": customer.pk, "reason": "Bank covenant breach"}),
        content_type="application/json",
    )
    assert created.status_code == 201 and created.json()["source"] == "hand"
    closed = api.post(
        f"/api/v1/risk/watch-list/{created.json()['id']}/close",
        data=json.dumps({"decision": "Covenant waived"}),
        content_type="application/json",
    )
    assert closed.json()["status"] == "closed"
    figures = api.get(f"/api/v1/risk/portfolio?company={company.code}").json()
    assert figures["concentration"]["customer"]["hhi"] == "3650"
    assert figures["total"] == {"amount": "10000.00", "currency": "CNY"}
    scan = api.post("/api/v1/risk/scan", data=json.dumps({"company": company.code}), content_type="application/json")
    assert scan.status_code == 200 and scan.json()["new_or_worse"] == 0
    config = api.get(f"/api/v1/risk/config?company={company.code}").json()
    assert config["config"]["watch_list"]["min_points"] == 50


def test_the_settings_screen_imports_a_configuration_with_predicted_slip(client, company, manager):
    client.force_login(manager)
    exported = client.get(f"/risk/settings/?company={company.pk}&export=json").json()
    assert "predicted_slip" in exported["config"]["signals"]  # version 1 now carries the shipped default
    exported["config"]["signals"]["predicted_slip"] = {"weight": 25, "days": 45, "medium": 20, "high": 50}
    upload = SimpleUploadedFile("risk.json", json.dumps(exported).encode(), content_type="application/json")
    response = client.post(f"/risk/settings/?company={company.pk}", {"file": upload})
    assert response.status_code == 302
    latest = RiskConfig.objects.filter(company=company).order_by("-version").first()
    assert latest.version == 2 and latest.config["signals"]["predicted_slip"]["days"] == 45
    exported["config"]["signals"]["predicted_slip"]["days"] = 0
    upload = SimpleUploadedFile("risk.json", json.dumps(exported).encode(), content_type="application/json")
    page = client.post(f"/risk/settings/?company={company.pk}", {"file": upload}).content.decode()
    assert "signals.predicted_slip.days" in page and RiskConfig.objects.filter(company=company).count() == 2


def test_the_settings_screen_shows_the_rules_in_words_and_the_json_only_as_a_collapsed_export(client, company, manager):
    client.force_login(manager)
    client.post("/accounts/language/", {"language": "zh-hans"})
    page = client.get(f"/risk/settings/?company={company.pk}").content.decode()
    signals = page[page.index('id="config-signals"') : page.index("</table>", page.index('id="config-signals"'))]
    # Limit utilisation: medium at 90 %, high at 110 % of the limit, 20 points.
    utilisation = signals[signals.index("额度使用率") :].split("</tr>")[0]
    assert "占信用额度的百分比" in utilisation and '<td class="num">90</td><td class="num">110</td>' in utilisation
    assert "utilisation" not in signals and "weight" not in signals
    assert "催收员" in page[page.index('id="config-watch"') :]
    export = page[page.index('<details class="config-export">') :]
    assert '<pre class="config-json" data-raw>' in export.split("</details>")[0]
