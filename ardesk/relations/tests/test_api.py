"""The relations API and command line: interactions, complaints, surveys (send, results as JSON)."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import TestCase

from ardesk.relations import services

pytestmark = pytest.mark.django_db
BASE = "/api/v1/relations"


def as_user(client, user):
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_interactions_and_the_timeline_over_the_api(client, collector, customer):
    as_user(client, collector)
    created = client.post(
        f"{BASE}/customers/{customer.pk}/interactions",
        {"channel": "call", "outcome": "确认收到对账单", "occurred_on": "2026-03-02"},
        content_type="application/json",
    )
    assert created.status_code == 201
    bad = client.post(
        f"{BASE}/customers/{customer.pk}/interactions", {"channel": "fax"}, content_type="application/json"
    )
    assert bad.status_code == 422
    timeline = client.get(f"{BASE}/customers/{customer.pk}/timeline", {"kind": "call"}).json()
    assert [e["kind"] for e in timeline["entries"]] == ["call"]
    assert client.get(f"{BASE}/customers/{customer.pk}/timeline", {"kind": "bogus"}).status_code == 422


def test_complaints_over_the_api(client, collector, manager, customer):
    as_user(client, collector)
    created = client.post(
        f"{BASE}/customers/{customer.pk}/complaints",
        {"category": "collector", "severity": "medium", "subject": "催收员态度差", "opened_on": "2026-03-02"},
        content_type="application/json",
    ).json()
    assert created["due_on"] == "2026-03-09"
    moved = client.post(
        f"{BASE}/complaints/{created['id']}/status",
        {"status": "resolved", "resolution": "更换催收员并致歉"},
        content_type="application/json",
    ).json()
    assert moved["status"] == "resolved"
    refused = client.post(
        f"{BASE}/complaints/{created['id']}/status", {"status": "open"}, content_type="application/json"
    )
    assert refused.status_code == 422
    confirmed = client.post(f"{BASE}/complaints/{created['id']}/confirm", {}, content_type="application/json").json()
    assert confirmed["status"] == "closed"
    report = client.get(f"{BASE}/complaints/report", {"resolved_from": "2026-03-01"}).json()
    assert report["resolution"]["collector"]["count"] == 1


def test_surveys_are_sent_and_their_results_read_over_the_api_and_the_command_line(
    client, settings, manager, auditor, company, customer, template
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    as_user(client, auditor)
    contacts = list(customer.contacts.values_list("pk", flat=True))
    payload = {"template": "CSAT-NPS", "company": company.code, "contacts": contacts}
    assert client.post(f"{BASE}/surveys", payload, content_type="application/json").status_code == 403
    as_user(client, manager)
    with TestCase.captureOnCommitCallbacks(execute=True):
        sent = client.post(f"{BASE}/surveys", payload, content_type="application/json")
    assert sent.status_code == 201 and sent.json()["invitations"] == 2
    invitation = customer.contacts.get(name="李娜")
    from ardesk.relations.models import SurveyInvitation

    invitation = SurveyInvitation.objects.get(email="li.na@example.cn")
    token = services.survey_link(invitation).rsplit("/", 2)[-2]
    services.survey_answer(token=token, csat=5, nps=10)
    results = client.get(f"{BASE}/surveys/results").json()
    assert results["overall"]["nps"] == "100.0" and results["overall"]["response_rate"] == "50.0"

    out = StringIO()
    call_command("relations", "--user", manager.username, "surveys", "results", stdout=out)
    assert json.loads(out.getvalue())["overall"]["promoters"] == 1
    out = StringIO()
    call_command("relations", "--user", manager.username, "complaint-report", stdout=out)
    assert json.loads(out.getvalue())["open_by_category"] == {}
    out = StringIO()
    call_command(
        "relations", "--user", manager.username, "log", "C100", "--channel", "visit", "--outcome", "拜访", stdout=out
    )
    out = StringIO()
    call_command("relations", "--user", manager.username, "timeline", "C100", "--format", "json", stdout=out)
    kinds = [e["kind"] for e in json.loads(out.getvalue())]
    assert kinds == ["survey", "visit"] or kinds == ["visit", "survey"]
    out = StringIO()
    call_command("relations", "daily", stdout=out)
    assert json.loads(out.getvalue())["escalated"] == 0


def test_a_key_account_is_marked_over_the_api_with_an_owner_granted_the_company(
    client, manager, collector, customer, other_company
):
    from ardesk.conftest import make_persona

    as_user(client, manager)
    url = f"{BASE}/customers/{customer.pk}/profile"
    assert client.get(url).json() == {
        "customer": "C100",
        "is_key_account": False,
        "owner": None,
        "collector": "collector",
    }
    marked = client.put(url, {"is_key_account": True, "owner": "manager"}, content_type="application/json")
    assert marked.status_code == 200 and marked.json()["is_key_account"] is True
    assert client.get(url).json()["owner"] == "manager"
    make_persona("stranger", "finance_manager", [other_company])
    refused = client.put(url, {"is_key_account": True, "owner": "stranger"}, content_type="application/json")
    assert refused.status_code == 422
    as_user(client, collector)
    assert client.put(url, {"is_key_account": False}, content_type="application/json").status_code == 403
    assert client.get(url).json()["is_key_account"] is True
