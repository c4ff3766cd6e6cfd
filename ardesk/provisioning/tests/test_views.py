"""The bad-debt screens: who may open what, the run from preparation to approval, write-offs, exports."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.test import Client
from openpyxl import load_workbook

from ardesk.provisioning import selectors, services
from ardesk.provisioning.models import JournalEntry, ProvisionPolicy, ProvisionRun, SpecificProvision, WriteOff
from ardesk.provisioning.tests.conftest import sale

D = dt.date
PAGES = [
    "/provisioning/",
    "/provisioning/policies/",
    "/provisioning/specific/",
    "/provisioning/write-offs/",
    "/provisioning/roll-forward/",
    "/provisioning/journals/",
]


def web(user) -> Client:
    client = Client()
    client.force_login(user)
    client.post("/accounts/language/", {"language": "en"})
    return client


@pytest.fixture
def ledger(accountant, customers, aging_policy):
    sale(accountant, customers[0], "I1", "1000.00", issue_on=D(2024, 11, 1))
    sale(accountant, customers[2], "I3", "300.00", issue_on=D(2024, 3, 1))
    return customers


@pytest.mark.parametrize("name", ["accountant", "analyst", "manager", "auditor"])
def test_every_bad_debt_page_opens_for_the_roles_that_read_it(persona, name, ledger):
    client = web(persona(name))
    for url in PAGES:
        assert client.get(url).status_code == 200, url


def test_a_collector_cannot_open_the_bad_debt_pages(collector, ledger):
    client = web(collector)
    for url in PAGES:
        assert client.get(url).status_code == 403, url


def test_prepare_review_and_approve_the_run_on_screen(accountant, manager, company, ledger):
    response = web(accountant).post("/provisioning/", {"company": "SH01", "period": "2024-12"})
    run = ProvisionRun.objects.get()
    assert response["Location"] == f"/provisioning/runs/{run.pk}/"
    page = web(accountant).get(response["Location"]).content.decode()
    assert "Proposed journal entry" in page and "25.00" in page and 'id="approve"' not in page
    assert web(accountant).post(f"/provisioning/runs/{run.pk}/approve/").status_code == 403
    web(manager).post(f"/provisioning/runs/{run.pk}/approve/")
    run.refresh_from_db()
    assert run.status == "approved" and JournalEntry.objects.filter(run=run).exists()


def test_the_runs_name_who_prepared_and_approved_by_their_names_not_their_sign_in(accountant, manager, company, ledger):
    accountant.first_name, manager.first_name = "王丽", "张伟"
    accountant.save(), manager.save()
    run = services.run_prepare(by=accountant, company=company, as_of=D(2024, 12, 31))
    services.run_approve(by=manager, run=run)
    for url in ("/provisioning/", f"/provisioning/runs/{run.pk}/"):
        page = web(manager).get(url).content.decode()
        assert "王丽" in page and "张伟" in page, url
        assert ">accountant<" not in page and "by accountant" not in page, url


def test_the_preparing_manager_is_not_offered_the_approval(manager, company, ledger):
    run = services.run_prepare(by=manager, company=company, as_of=D(2024, 12, 31))
    page = web(manager).get(f"/provisioning/runs/{run.pk}/").content.decode()
    assert 'id="approve"' not in page and "another finance manager approves it" in page
    web(manager).post(f"/provisioning/runs/{run.pk}/approve/")
    run.refresh_from_db()
    assert run.status == "draft"


def test_run_exports_by_bucket_and_customer(accountant, company, ledger):
    run = services.run_prepare(by=accountant, company=company, as_of=D(2024, 12, 31))
    client = web(accountant)
    sheet = load_workbook(io.BytesIO(client.get(f"/provisioning/runs/{run.pk}/?export=xlsx").content)).active
    values = [row for row in sheet.iter_rows(values_only=True)]
    assert ("*", "Aging method", "Within 6 months", 1000, "1.0000%", 10) in values
    pdf = client.get(f"/provisioning/runs/{run.pk}/?export=pdf&table=customers")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_the_policy_form_saves_rates_and_reports_a_bad_line(manager, company, ledger):
    client = web(manager)
    data = {
        "company": "SH01",
        "segment": "",
        "method": "aging",
        "bucket_set": "age",
        "rates": "0-6m | 2\n6-12m | 5\n1-2y | 10\n2-3y | 30\n3y+ | 100",
        "rate_source": "entered",
        "lookback_months": 12,
        "forward_factor": "1",
        "loss_account": "6702",
        "allowance_account": "1231",
        "receivable_account": "1122",
        "bank_account": "1002",
        "single_approval_limit": "50000.00",
    }
    assert client.post("/provisioning/policies/", data).status_code == 302
    assert str(ProvisionPolicy.objects.get().rates.get(bucket_key="3y+").rate) == "100.0000"
    data["rates"] = "0-6m 2"
    page = client.post("/provisioning/policies/", data).content.decode()
    assert "Line 1: write key | rate." in page


def test_policy_export_and_import_screens(manager, company, ledger):
    client = web(manager)
    exported = json.loads(client.get("/provisioning/policies/export/SH01/").content)
    exported["policies"][0]["rates"]["0-6m"] = "3"
    upload = io.BytesIO(json.dumps(exported).encode())
    upload.name = "policy.json"
    client.post("/provisioning/policies/import/", {"company": "SH01", "file": upload})
    assert str(ProvisionPolicy.objects.get().rates.get(bucket_key="0-6m").rate) == "3.0000"


def test_write_off_requested_then_approved_on_screen(accountant, manager, ledger):
    response = web(accountant).post(
        "/provisioning/write-offs/",
        {"company": "SH01", "customer": "C3", "document": "I3", "on": "2024-12-20", "reason": "Bankrupt"},
    )
    write_off = WriteOff.objects.get()
    assert response["Location"] == f"/provisioning/write-offs/{write_off.pk}/"
    page = web(manager).get(response["Location"]).content.decode()
    assert 'id="approve"' in page
    web(manager).post(f"/provisioning/write-offs/{write_off.pk}/approve/")
    write_off.refresh_from_db()
    assert write_off.status == "approved"
    web(accountant).post(
        f"/provisioning/write-offs/{write_off.pk}/",
        {"on": "2025-01-05", "amount": "50.00", "receipt_number": "RR-1"},
    )
    assert write_off.recoveries.get().amount == 5000


def test_specific_provision_screen(manager, ledger):
    web(manager).post(
        "/provisioning/specific/", {"company": "SH01", "customer": "C1", "rate": "50", "reason": "Court case"}
    )
    provision = SpecificProvision.objects.get()
    web(manager).post(f"/provisioning/specific/{provision.pk}/end/")
    provision.refresh_from_db()
    assert not provision.is_active


def test_roll_forward_and_journal_exports(accountant, manager, company, ledger):
    run = services.run_prepare(by=accountant, company=company, as_of=D(2024, 12, 31))
    services.run_approve(by=manager, run=run)
    client = web(manager)
    page = client.get("/provisioning/roll-forward/", {"company": "SH01", "year": 2024}).content.decode()
    assert "25.00" in page
    sheet = load_workbook(
        io.BytesIO(
            client.get("/provisioning/roll-forward/", {"company": "SH01", "year": 2024, "export": "xlsx"}).content
        )
    ).active
    rows = [row for row in sheet.iter_rows(values_only=True)]
    assert ("2024-12", 0, 0, 25, 0, 0, 0, 25) in rows
    journal = load_workbook(io.BytesIO(client.get("/provisioning/journals/", {"export": "xlsx"}).content)).active
    assert [row for row in journal.iter_rows(values_only=True)][0][0] == "entry_number"


def test_a_manager_brings_forward_the_allowance_once(manager, accountant, company, ledger):
    client = web(manager)
    client.post("/provisioning/opening/", {"company": "SH01", "on": "2024-01-01", "amount": "800.00"})
    assert selectors.allowance_booked(company_id=company.pk, as_of=D(2024, 1, 1)) == 80000
    page = client.post(
        "/provisioning/opening/", {"company": "SH01", "on": "2024-01-01", "amount": "100.00"}, follow=True
    ).content.decode()
    assert "brought forward before them" in page
    assert web(accountant).post("/provisioning/opening/", {"company": "SH01"}).status_code == 403


def test_the_journals_page_explains_the_export_layout_in_words_not_a_repository_path(manager):
    client = web(manager)
    page = client.get("/provisioning/journals/").content.decode()
    assert ".md" not in page and "docs/" not in page
    layout = page[page.index('id="export-layout"') :]
    assert "<code>entry_number</code></td><td>Entry number, per company (BD, year and month, sequence)" in layout
    assert layout.count("<code>") == 12
    client.post("/accounts/language/", {"language": "zh-hans"})
    page = client.get("/provisioning/journals/").content.decode()
    assert "<code>account_role</code></td><td>信用减值损失、坏账准备、应收账款或银行存款" in page


def test_an_imported_look_back_of_12_5_months_is_named_on_the_screen_not_a_server_error(manager, company, ledger):
    client = web(manager)
    exported = json.loads(client.get("/provisioning/policies/export/SH01/").content)
    exported["policies"][0]["lookback_months"] = 12.5
    upload = io.BytesIO(json.dumps(exported).encode())
    upload.name = "policy.json"
    page = client.post("/provisioning/policies/import/", {"company": "SH01", "file": upload}, follow=True)
    assert page.status_code == 200
    assert "policies[1].lookback_months: 12.5 is not a whole number of months." in page.content.decode()
    assert ProvisionPolicy.objects.get().lookback_months == 12
