"""Guardrails of the month-end run: a month that has not ended is provisional, a draft the ledger outran says so."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from ardesk.core import clock
from ardesk.core.errors import InvalidInput
from ardesk.provisioning import services
from ardesk.provisioning.errors import ProvisioningError
from ardesk.provisioning.models import ProvisionRun
from ardesk.provisioning.tests.conftest import YEAR_END, sale

D = dt.date
MID_DECEMBER = D(2024, 12, 15)


@pytest.fixture
def ledger(accountant, customers):
    c1, c2, _c3 = customers
    sale(accountant, c1, "I1", "1000.00", issue_on=D(2024, 11, 1), due_on=D(2024, 12, 1))
    sale(accountant, c2, "I2", "2000.00", issue_on=D(2024, 12, 10), due_on=D(2025, 1, 10))
    return customers


@pytest.fixture
def mid_december(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: MID_DECEMBER)


def signed_in(user) -> Client:
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(user)
    return client


def test_a_month_that_has_not_ended_needs_a_confirmation(accountant, company, ledger, aging_policy, mid_december):
    with pytest.raises(InvalidInput) as refused:
        services.run_prepare(by=accountant, company=company, as_of=YEAR_END)
    assert "has not ended" in refused.value.errors["period"][0]
    assert not ProvisionRun.objects.exists()
    run = services.run_prepare(by=accountant, company=company, as_of=YEAR_END, provisional=True)
    assert run.is_provisional


def test_the_last_day_of_the_month_is_not_yet_the_end_of_it(accountant, company, ledger, aging_policy, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: YEAR_END)
    assert not services.month_has_ended(YEAR_END)
    monkeypatch.setattr(clock, "today", lambda: YEAR_END + dt.timedelta(days=1))
    assert not services.run_prepare(by=accountant, company=company, as_of=YEAR_END).is_provisional


def test_a_provisional_run_cannot_be_approved(accountant, manager, company, ledger, aging_policy, mid_december):
    run = services.run_prepare(by=accountant, company=company, as_of=YEAR_END, provisional=True)
    with pytest.raises(ProvisioningError, match="provisional"):
        services.run_approve(by=manager, run=run)
    page = signed_in(manager).get(f"/provisioning/runs/{run.pk}/").content.decode()
    assert 'id="provisional"' in page and "cannot be approved" in page
    assert f"/provisioning/runs/{run.pk}/approve/" not in page


def test_the_screen_asks_for_the_confirmation(accountant, company, ledger, aging_policy, mid_december):
    web = signed_in(accountant)
    page = web.post("/provisioning/", {"company": company.code, "period": "2024-12"})
    assert page.status_code == 200 and "has not ended yet" in page.content.decode()
    done = web.post("/provisioning/", {"company": company.code, "period": "2024-12", "provisional": "on"})
    assert done.status_code == 302 and ProvisionRun.objects.get().is_provisional


def test_the_api_and_the_command_ask_for_it_too(accountant, company, ledger, aging_policy, mid_december):
    web = signed_in(accountant)
    body = {"company": company.code, "period": "2024-12"}
    refused = web.post("/api/v1/provisioning/runs", json.dumps(body), content_type="application/json")
    assert refused.status_code == 422 and not ProvisionRun.objects.exists()
    body["provisional"] = True
    made = web.post("/api/v1/provisioning/runs", json.dumps(body), content_type="application/json")
    assert made.status_code == 201 and made.json()["is_provisional"] is True
    args = ["run", "--company", company.code, "--period", "2024-12", "--save", "--by", accountant.username]
    args += ["--language", "en"]
    with pytest.raises(CommandError, match="has not ended"):
        call_command("provision", *args)
    call_command("provision", *args, "--provisional")
    assert ProvisionRun.objects.get().is_provisional


def test_a_draft_says_when_the_ledger_changed_after_it_was_prepared(accountant, manager, company, ledger, aging_policy):
    run = services.run_prepare(by=accountant, company=company, as_of=YEAR_END)
    assert not services.run_is_stale(run)
    assert 'id="stale"' not in signed_in(manager).get(f"/provisioning/runs/{run.pk}/").content.decode()
    sale(accountant, ledger[2], "I-LATE", "500.00", issue_on=D(2025, 1, 5))  # after the month: still current
    assert not services.run_is_stale(run)
    sale(accountant, ledger[2], "I-DEC", "500.00", issue_on=D(2024, 12, 20))  # a December invoice posted late
    assert services.run_is_stale(run)
    assert 'id="stale"' in signed_in(manager).get(f"/provisioning/runs/{run.pk}/").content.decode()
