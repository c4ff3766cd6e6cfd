"""The audit trail page: every event readable, in the user's words, amounts as money."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils.html import strip_tags

from ardesk.audit.services import record

pytestmark = pytest.mark.django_db


def _trail(user, language: str = "en") -> str:
    client = Client()
    client.force_login(user)
    client.post("/accounts/language/", {"language": language, "next": "/audit/"})
    response = client.get("/audit/")
    assert response.status_code == 200
    return strip_tags(response.content.decode())


def test_events_recording_reverse_relations_show_without_error(auditor):
    # A dispute records its "items", a provision policy its "rates": reverse relations of the model.
    record(
        action="collections.dispute.open",
        object_type="collections.dispute",
        object_id="9",
        object_repr="dispute 9",
        after={"reason": "quality", "amount": 1112280, "currency": "USD", "items": [388, 389]},
    )
    record(
        action="provision_policy.save",
        object_type="provisioning.provisionpolicy",
        object_id="1",
        object_repr="policy",
        after={"rates": {"0-6m": "1.0000"}, "accounts": {"loss_account": "6702"}},
    )
    page = _trail(auditor)
    assert "Dispute opened" in page and "Provision policy saved" in page
    assert "11,122.80" in page  # 1,112,280 cents
    assert "2 items" in page
    assert "Bad-debt expense account: 6702" in page
    assert "collections.dispute.open" not in page


def test_amounts_in_fen_show_as_money_with_grouping_and_actions_by_name(auditor):
    record(
        action="dunning.run",
        object_type="collections.dunningrun",
        object_id="2",
        object_repr="run 2",
        after={"run_on": "2026-12-06", "notices": 59, "total": 3029620424},
    )
    page = _trail(auditor)
    assert "30,296,204.24" in page
    assert "3029620424" not in page
    assert "Dunning run" in page


def test_the_trail_speaks_chinese_to_a_chinese_user(auditor):
    record(
        action="provision_run.prepare",
        object_type="provisioning.provisionrun",
        object_id="1",
        object_repr="run 1",
        after={"as_of": "2026-11-30", "required": "1292719.15", "booked": "0.00"},
    )
    page = _trail(auditor, "zh-hans")
    assert "月末计提已准备" in page
    assert "应计提坏账准备: 1,292,719.15" in page
    assert "provision_run.prepare" not in page


def test_permissions_of_a_role_change_show_by_their_names_not_their_codes(auditor):
    group = Group.objects.get(name="collector")
    group.permissions.add(Permission.objects.get(content_type__app_label="customers", codename="view_customer"))
    group.permissions.remove(Permission.objects.get(content_type__app_label="customers", codename="view_customer"))

    page = _trail(auditor, "zh-hans")
    assert "customers.view_customer" not in page
    assert "查看 客户" in page


def test_verifying_the_chain_shows_its_result_on_a_trail_holding_every_kind_of_event(auditor):
    record(
        action="collections.promise",
        object_type="collections.promisetopay",
        object_id="1",
        object_repr="promise",
        after={"amount": 42490439, "currency": "CNY", "promised_on": "2026-12-03", "items": [1922]},
    )
    client = Client()
    client.force_login(auditor)
    client.post("/accounts/language/", {"language": "en", "next": "/audit/"})
    response = client.post("/audit/verify/", follow=True)
    assert response.status_code == 200
    assert "The audit trail is intact" in response.content.decode()


def test_a_year_shows_without_a_thousands_separator_while_counts_keep_theirs(auditor):
    record(
        action="budget.copy_actuals",
        object_type="budgets.budgetversion",
        object_id="1",
        object_repr="budget 1",
        after={"year": 2025, "growth": "1.08", "line_count": 1385},
    )
    page = _trail(auditor, "zh-hans")
    assert "2025" in page and "2,025" not in page
    assert "1,385" in page


def test_an_amount_of_nought_keeps_its_two_places_and_a_rate_drops_its_trailing_zeros(auditor):
    record(
        action="revaluation.post",
        object_type="closing.revaluationrun",
        object_id="1",
        object_repr="revaluation 1",
        after={"period": "2026-11", "net": "0.00", "exchange_rates": {"USD": "7.100000"}},
    )
    record(
        action="budget.line_set",
        object_type="budgets.budgetversion",
        object_id="1",
        object_repr="budget 1",
        after={"month": 3, "revenue": "0.50"},
    )
    page = _trail(auditor, "zh-hans")
    assert "汇兑差额净额: 0.00" in page
    assert "0.50" in page
    assert "7.10" in page and "7.100000" not in page
