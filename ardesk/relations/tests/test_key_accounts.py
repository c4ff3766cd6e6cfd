"""The key-accounts screen: mark a customer a key account, name its owner; the quarterly rule then plans its revisit."""

from __future__ import annotations

import datetime as dt

import pytest

from ardesk.audit.models import AuditEvent
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.relations import selectors, services
from ardesk.relations.models import RelationProfile, Revisit, RevisitReason

pytestmark = pytest.mark.django_db


def as_user(client, user):
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_marking_a_key_account_on_the_screen_makes_the_next_rule_run_plan_its_quarterly_revisit(
    client, manager, collector, customer
):
    as_of = dt.date(2026, 4, 10)  # second quarter: the key account's revisit is due on 31 May
    assert services.revisits_plan_by_rule(as_of=as_of) == 0

    as_user(client, manager)
    response = client.post(
        f"/relations/customers/{customer.pk}/profile/",
        {"is_key_account": "on", "owner": manager.pk, "next": "/relations/key-accounts/?key=yes"},
    )
    assert response.status_code == 302 and response["Location"] == "/relations/key-accounts/?key=yes"
    listed = client.get("/relations/key-accounts/?key=yes").content.decode()
    assert "C100 华东机电有限公司" in listed and "Unmark" in listed

    assert services.revisits_plan_by_rule(as_of=as_of) == 1
    revisit = Revisit.objects.get(customer=customer)
    assert (revisit.reason, revisit.due_on, revisit.owner, revisit.source) == (
        RevisitReason.KEY_ACCOUNT,
        dt.date(2026, 5, 31),
        manager,
        "key:2026Q2",
    )
    # Run again in the same quarter: nothing more is planned.
    assert services.revisits_plan_by_rule(as_of=dt.date(2026, 5, 2)) == 0
    event = AuditEvent.objects.filter(action="relations.profile_set").get()
    assert event.after["is_key_account"] is True and event.after["owner_id"] == manager.pk


def test_unmarking_keeps_the_owner_and_stops_the_quarterly_revisits(client, manager, collector, customer):
    services.relation_profile_set(by=manager, customer=customer, is_key_account=True, owner=collector)
    as_user(client, manager)
    # The list's "Unmark" button posts the owner back without the key-account box.
    client.post(
        f"/relations/customers/{customer.pk}/profile/", {"owner": collector.pk, "next": "https://evil.example/"}
    )
    profile = RelationProfile.objects.get(customer=customer)
    assert (profile.is_key_account, profile.owner) == (False, collector)
    assert services.revisits_plan_by_rule(as_of=dt.date(2026, 4, 10)) == 0


def test_the_list_filters_by_key_account_owner_and_text(manager, collector, company, customer):
    other = CustomerFactory(company=company, code="C200", name="华南电子有限公司", collector=collector)
    third = CustomerFactory(company=company, code="C300", name="西北重工有限公司", collector=None)
    services.relation_profile_set(by=manager, customer=customer, is_key_account=True, owner=manager)
    services.relation_profile_set(by=manager, customer=third, is_key_account=False, owner=None)

    def codes(**filters):
        return [c.code for c in selectors.key_accounts(manager, **filters)]

    assert codes() == ["C100", "C200", "C300"]
    assert codes(key=True) == ["C100"]
    assert codes(key=False) == ["C200", "C300"]
    # The owner is the profile's, else the collector: C100 is the manager's, C200 the collector's.
    assert codes(owner_id=manager.pk) == ["C100"]
    assert codes(owner_id=collector.pk) == ["C200"]
    assert codes(text="华南") == ["C200"] and codes(text="c3") == ["C300"]
    assert other.pk


def test_who_may_see_and_change_key_accounts(client, collector, auditor, customer, other_company):
    from ardesk.conftest import make_persona

    as_user(client, collector)
    assert client.get("/relations/key-accounts/").status_code == 200
    assert client.get(f"/relations/customers/{customer.pk}/profile/").status_code == 403
    assert client.post(f"/relations/customers/{customer.pk}/profile/", {"is_key_account": "on"}).status_code == 403
    assert not RelationProfile.objects.exists()
    as_user(client, make_persona("stranger", "finance_manager", [other_company]))
    assert "C100" not in client.get("/relations/key-accounts/").content.decode()
    assert client.get(f"/relations/customers/{customer.pk}/profile/").status_code == 404


def test_the_customer_panel_links_to_the_profile(client, manager, customer):
    services.relation_profile_set(by=manager, customer=customer, is_key_account=True, owner=manager)
    panel = as_user(client, manager).get(f"/relations/customers/{customer.pk}/panel/").content.decode()
    assert "Key account" in panel
    assert f'href="/relations/customers/{customer.pk}/profile/?next=/customers/{customer.pk}/"' in panel
    page = client.get(f"/customers/{customer.pk}/").content.decode()
    assert f'href="/relations/customers/{customer.pk}/profile/"' in page
