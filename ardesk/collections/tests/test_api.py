"""The collections API: permissions, the run, contacts, disputes resolved by credit note, policies as JSON."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import TestCase

from ardesk.collections import services
from ardesk.collections.models import DunningRun, LegalCase
from ardesk.core import clock
from ardesk.ledger.models import Document
from ardesk.ledger.tests.factories import invoice

pytestmark = pytest.mark.django_db
BASE = "/api/v1/collections"


@pytest.fixture
def overdue(accountant, customer):
    today = clock.today()
    return invoice(
        accountant,
        customer,
        "INV-7",
        "1500.00",
        issue_on=today - dt.timedelta(days=40),
        due_on=today - dt.timedelta(days=10),
    )


def as_user(client, user):
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_the_preview_writes_nothing_and_the_confirmed_run_writes_its_notice(client, collector, company, overdue):
    as_user(client, collector)
    preview = client.get(f"{BASE}/runs/preview", {"company": company.code}).json()
    assert (preview["notices"], preview["items"], preview["total"]) == (1, 1, {"amount": "1500.00", "currency": "CNY"})
    assert preview["levels"][0]["name"] == "First notice"
    assert not DunningRun.objects.exists()
    with TestCase.captureOnCommitCallbacks(execute=True):
        created = client.post(f"{BASE}/runs", {"company": company.code}, content_type="application/json")
    assert created.status_code == 201
    run = client.get(f"{BASE}/runs/{created.json()['id']}").json()
    assert (run["notices"], run["status"], run["delivered"]) == (1, "done", 1)
    notices = client.get(f"{BASE}/runs/{run['id']}/notices").json()
    assert notices["notices"][0]["status"] == "sent"
    assert "INV-7" in client.get(f"{BASE}/notices/{notices['notices'][0]['id']}").json()["body"]


def test_roles_without_the_permission_are_refused(client, analyst, auditor, company, customer, overdue):
    as_user(client, analyst)
    assert client.get(f"{BASE}/runs/preview", {"company": company.code}).status_code == 403
    assert client.post(f"{BASE}/runs", {"company": company.code}, content_type="application/json").status_code == 403
    assert client.get(f"{BASE}/worklist").status_code == 403
    as_user(client, auditor)
    assert client.get(f"{BASE}/disputes").status_code == 200
    assert client.get(f"{BASE}/policies").status_code == 200
    body = {"channel": "call", "outcome": "reached"}
    assert (
        client.post(f"{BASE}/customers/{customer.pk}/contacts", body, content_type="application/json").status_code
        == 403
    )
    assert client.post(f"{BASE}/policies/import", {"policies": []}, content_type="application/json").status_code == 403


def test_a_customer_of_a_company_not_granted_is_not_found(client, collector, other_company):
    from ardesk.customers.tests.factories import CustomerFactory

    stranger = CustomerFactory(company=other_company)
    as_user(client, collector)
    assert client.get(f"{BASE}/customers/{stranger.pk}/timeline").status_code == 404


def test_the_worklist_and_a_logged_call_with_a_promise(client, collector, customer, overdue):
    as_user(client, collector)
    worklist = client.get(f"{BASE}/worklist").json()
    # 1,500.00 ten days overdue: 10 % at risk.
    assert worklist["customers"][0]["at_risk"] == {"amount": "150.00", "currency": "CNY"}
    promised = (clock.today() + dt.timedelta(days=7)).isoformat()
    response = client.post(
        f"{BASE}/customers/{customer.pk}/contacts",
        {"channel": "call", "outcome": "promised", "promise_amount": "1500.00", "promise_on": promised},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["promise"] is not None
    kinds = [event["kind"] for event in client.get(f"{BASE}/customers/{customer.pk}/timeline").json()]
    assert sorted(kinds) == ["contact", "promise"]


def test_a_dispute_resolved_by_a_credit_note_over_the_api(client, collector, accountant, customer, overdue):
    line = overdue.lines.get()
    as_user(client, collector)
    opened = client.post(
        f"{BASE}/customers/{customer.pk}/disputes",
        {"reason": "quantity", "amount": "500.00", "lines": [line.pk], "description": "Short delivery of 20 units"},
        content_type="application/json",
    )
    assert opened.status_code == 201
    dispute_id = opened.json()["id"]
    refused = client.post(
        f"{BASE}/disputes/{dispute_id}/resolve", {"outcome": "credit"}, content_type="application/json"
    )
    assert refused.status_code == 403
    as_user(client, accountant)
    resolved = client.post(
        f"{BASE}/disputes/{dispute_id}/resolve",
        {"outcome": "credit", "credit_number": "CN-77"},
        content_type="application/json",
    ).json()
    assert (resolved["status"], resolved["credit_note"]) == ("credited", "CN-77")
    assert Document.objects.get(number="CN-77").amount == -50000
    line.refresh_from_db()
    assert line.open_now == 100000
    again = client.post(
        f"{BASE}/disputes/{dispute_id}/resolve", {"outcome": "rejected", "note": "x"}, content_type="application/json"
    )
    assert again.status_code == 409


def test_a_dispute_larger_than_the_open_items_is_refused_naming_the_field(client, collector, customer, overdue):
    response = as_user(client, collector).post(
        f"{BASE}/customers/{customer.pk}/disputes",
        {"reason": "price", "amount": "9999.00", "lines": [overdue.lines.get().pk]},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {
        "amount": ["The disputed amount is more than what is open on the items."]
    }


def test_escalation_over_the_api(client, collector, customer, overdue):
    as_user(client, collector)
    held = client.post(
        f"{BASE}/customers/{customer.pk}/hold",
        {"reason": "No reply to the final notice"},
        content_type="application/json",
    )
    assert held.json() == {"status": "on_hold"}
    change = customer.status_changes.get()
    assert (change.to_status, change.reason, change.changed_by) == (
        "on_hold",
        "No reply to the final notice",
        collector,
    )
    released = client.post(f"{BASE}/customers/{customer.pk}/release", {}, content_type="application/json")
    assert released.json() == {"status": "active"}
    refused = client.post(f"{BASE}/customers/{customer.pk}/hold", {}, content_type="application/json")
    assert refused.json()["error"]["fields"] == {"reason": ["Give a reason for the credit hold."]}
    legal = client.post(f"{BASE}/customers/{customer.pk}/legal", {"lawyer": "君合"}, content_type="application/json")
    assert legal.json()["amount"] == {"amount": "1500.00", "currency": "CNY"}
    closed = client.post(
        f"{BASE}/legal/{legal.json()['id']}/close", {"notes": "Paid in court"}, content_type="application/json"
    )
    assert closed.json()["status"] == "closed"
    assert LegalCase.objects.get().notes == "Paid in court"


def test_policies_round_trip_and_a_bad_policy_names_its_level_and_field(client, manager):
    as_user(client, manager)
    exported = client.get(f"{BASE}/policies").json()
    assert [level["days"] for level in exported["policies"][0]["levels"]] == [-3, 7, 21, 35, 60, 90]
    assert client.post(f"{BASE}/policies/import", exported, content_type="application/json").json() == {
        "imported": ["STANDARD"]
    }
    exported["policies"][0]["levels"][2]["channel"] = "fax"
    exported["policies"][0]["levels"][3]["days"] = 10
    response = client.post(f"{BASE}/policies/import", exported, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["error"]["fields"]["policies"] == [
        "Policy STANDARD, level 3: channel: choose one of email, letter, phone, legal, hold.",
        "Policy STANDARD, level 4: days: each level must come later than the one before.",
    ]


def test_a_customer_gets_its_own_policy(client, manager, customer):
    as_user(client, manager)
    assert (
        client.put(
            f"{BASE}/customers/{customer.pk}/policy", {"policy": "NOPE"}, content_type="application/json"
        ).status_code
        == 422
    )
    response = client.put(
        f"{BASE}/customers/{customer.pk}/policy", {"policy": "STANDARD"}, content_type="application/json"
    )
    assert response.json() == {"customer": "C100", "policy": "STANDARD"}


def test_a_dispute_credit_note_dated_before_the_dispute_is_a_field_error(
    client, collector, accountant, customer, overdue
):
    """Opened today: a credit note dated yesterday would predate the claim; the answer names the field."""
    line = overdue.lines.get()
    dispute = services.dispute_open(
        by=collector, customer=customer, reason="quantity", amount="100.00", line_ids=[line.pk]
    )
    yesterday = (clock.today() - dt.timedelta(days=1)).isoformat()
    response = as_user(client, accountant).post(
        f"{BASE}/disputes/{dispute.pk}/resolve", {"outcome": "credit", "on": yesterday}, content_type="application/json"
    )
    assert response.status_code == 422
    assert list(response.json()["error"]["fields"]) == ["on"]
    assert not Document.objects.filter(doc_type="credit_note").exists()
    # Dated today (the default when no date is given), it is accepted.
    resolved = client.post(
        f"{BASE}/disputes/{dispute.pk}/resolve", {"outcome": "credit"}, content_type="application/json"
    )
    assert resolved.json()["status"] == "credited"
    assert Document.objects.get(doc_type="credit_note").issue_on == clock.today()
