"""Credit limits taken over from the old system: imported all or nothing, applied only when a manager approves."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ardesk.audit.models import AuditEvent
from ardesk.core.errors import NotPermitted
from ardesk.credit import services
from ardesk.credit.models import CreditAccount, CreditLimitBatch, CreditLimitLine
from ardesk.credit.tests.conftest import api_client, post
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.imports.engine import run_import

HEADER = "customer,limit,currency,valid to,grade,max term,approved by,approved on,reference\n"


@pytest.fixture
def customers(company):
    return [CustomerFactory(company=company, code=code) for code in ("K1", "K2", "K3")]


def import_limits(text: str, company, user, dry_run: bool = False):
    return run_import(
        kind="credit-limits",
        handle=io.BytesIO(text.encode()),
        file_name="limits.csv",
        company=company,
        user=user,
        dry_run=dry_run,
    )


GOOD = (
    HEADER
    + "K1,500000.00,CNY,2025-12-31,A,60,王经理,2025-01-15,CR-2025-001\n"
    + "K2,1200000,CNY,,B,,王经理,2025-02-01,\n"
    + "K3,0,CNY,2025-06-30,,30,李总,2025-03-01,CR-2025-003\n"
)


def test_a_clean_file_waits_for_approval_and_changes_no_account(company, customers, analyst, today):
    report = import_limits(GOOD, company, analyst)

    assert report.ok, report.problems
    batch = CreditLimitBatch.objects.get()
    assert (batch.status, batch.line_count, batch.prepared_by) == ("pending", 3, analyst)
    # 500,000.00 + 1,200,000.00 + 0 = 1,700,000.00 CNY; the largest 1,200,000.00
    assert (batch.total, batch.largest) == (170_000_000, 120_000_000)
    assert not CreditAccount.objects.filter(limit__isnull=False).exists()


def test_the_manager_approves_the_batch_and_every_account_gets_its_limit_grade_and_term(
    company, customers, analyst, manager, today
):
    import_limits(GOOD, company, analyst)
    batch = CreditLimitBatch.objects.get()

    services.limit_batch_decide(by=manager, batch=batch, approve=True, note="Checked against the old system")

    k1 = CreditAccount.objects.get(customer=customers[0])
    assert (k1.limit, str(k1.limit_valid_until), k1.grade, k1.max_term_days) == (50_000_000, "2025-12-31", "A", 60)
    k2 = CreditAccount.objects.get(customer=customers[1])
    assert (k2.limit, k2.limit_valid_until, k2.grade, k2.max_term_days) == (120_000_000, None, "B", None)
    assert CreditAccount.objects.get(customer=customers[2]).limit == 0
    batch.refresh_from_db()
    assert (batch.status, batch.decided_by) == ("approved", manager)


def test_each_account_history_names_the_batch_as_its_approval_evidence(company, customers, analyst, manager, today):
    import_limits(GOOD, company, analyst)
    batch = CreditLimitBatch.objects.get()
    services.limit_batch_decide(by=manager, batch=batch, approve=True)

    event = AuditEvent.objects.get(action="credit.account_change", object_id=str(customers[0].pk))
    assert event.actor_name == manager.username
    assert event.before["limit"] is None
    assert event.after["limit"] == 50_000_000
    assert event.after["limit_batch"] == batch.pk
    assert (event.after["approved_by"], event.after["reference"]) == ("王经理", "CR-2025-001")
    assert AuditEvent.objects.filter(action="credit.limit_batch_approve", object_id=str(batch.pk)).exists()


def test_the_audit_chain_stays_whole_after_a_batch(company, customers, analyst, manager, today):
    from ardesk.audit.selectors import chain_break

    import_limits(GOOD, company, analyst)
    services.limit_batch_decide(by=manager, batch=CreditLimitBatch.objects.get(), approve=True)

    assert chain_break() is None


def test_the_preparer_cannot_approve_their_own_batch(company, customers, manager, today):
    import_limits(GOOD, company, manager)

    with pytest.raises(NotPermitted):
        services.limit_batch_decide(by=manager, batch=CreditLimitBatch.objects.get(), approve=True)
    assert not CreditAccount.objects.filter(limit__isnull=False).exists()


def test_an_analyst_cannot_approve(company, customers, analyst, persona, today):
    other = persona("manager")
    import_limits(GOOD, company, other)

    with pytest.raises(NotPermitted):
        services.limit_batch_decide(by=analyst, batch=CreditLimitBatch.objects.get(), approve=True)


def test_a_rejected_batch_changes_nothing_and_cannot_be_approved_later(company, customers, analyst, manager, today):
    import_limits(GOOD, company, analyst)
    batch = CreditLimitBatch.objects.get()

    services.limit_batch_decide(by=manager, batch=batch, approve=False, note="Wrong file")

    assert not CreditAccount.objects.filter(limit__isnull=False).exists()
    with pytest.raises(Exception, match="not waiting for approval"):
        services.limit_batch_decide(by=manager, batch=batch, approve=True)


def test_a_limit_above_the_managers_approval_level_needs_a_higher_approver(company, customers, analyst, manager, today):
    # The shipped level lets a finance manager approve up to 10,000,000.00 CNY.
    import_limits(HEADER + "K1,10000000.01,CNY,,,,王经理,2025-01-15,\n", company, analyst)

    with pytest.raises(NotPermitted, match="10,000,000.01"):
        services.limit_batch_decide(by=manager, batch=CreditLimitBatch.objects.get(), approve=True)


def test_one_bad_row_and_nothing_is_kept_every_bad_row_named(company, customers, analyst, today):
    text = (
        HEADER
        + "K1,500000,CNY,2025-12-31,A,60,王经理,2025-01-15,\n"
        + "NOPE,100,CNY,,,,王经理,2025-01-15,\n"
        + "K2,-5,CNY,,,,王经理,2025-01-15,\n"
        + "K3,100,USD,2024-12-31,,forty,,2026-01-01,\n"
        + "K1,100,CNY,,,,王经理,2025-01-15,\n"
    )

    report = import_limits(text, company, analyst)

    assert not report.ok
    named = {(p.line, p.field) for p in report.problems}
    assert named == {
        (3, "customer"),  # no such customer
        (4, "limit"),  # negative
        (5, "currency"),  # not the company's currency
        (5, "valid_to"),  # expired before today (2025-03-31)
        (5, "max_term"),  # not a number of days
        (5, "approved_by"),  # required
        (5, "approved_on"),  # in the future
        (6, "customer"),  # K1 already on line 2
    }
    assert "line 2" in next(p.reason for p in report.problems if p.line == 6)
    assert not CreditLimitBatch.objects.exists()
    assert not CreditLimitLine.objects.exists()


def test_a_dry_run_checks_without_keeping_a_batch(company, customers, analyst, today):
    report = import_limits(GOOD, company, analyst, dry_run=True)

    assert report.ok and report.created == 3
    assert not CreditLimitBatch.objects.exists()


def test_a_collector_may_not_import_limits(company, customers, collector, today):
    with pytest.raises(NotPermitted):
        import_limits(GOOD, company, collector)


def test_chinese_headers_are_understood(company, customers, analyst, today):
    text = (
        "客户编码,信用额度,币种,有效期至,信用等级,最长账期,审批人,审批日期,审批单号\n"
        "K1,800000,人民币,,A,45,王经理,2025年1月5日,X-1\n"
    )

    report = import_limits(text, company, analyst)

    assert report.ok, report.problems
    line = CreditLimitLine.objects.get()
    assert (line.limit, line.max_term_days, str(line.approved_on)) == (80_000_000, 45, "2025-01-05")


def test_command_imports_then_a_manager_approves(company, customers, analyst, manager, today, tmp_path):
    path = tmp_path / "limits.csv"
    path.write_text(GOOD, encoding="utf-8")
    out = io.StringIO()
    call_command("import", "credit-limits", str(path), "--user", analyst.username, stdout=out)
    assert "3 new" in out.getvalue()
    batch = CreditLimitBatch.objects.get()
    assert f"ardesk credit limits approve {batch.pk}" in out.getvalue()

    with pytest.raises(CommandError, match="does not allow"):
        call_command("credit", "limits", "approve", str(batch.pk), "--user", analyst.username, stdout=io.StringIO())
    out = io.StringIO()
    call_command("credit", "limits", "approve", str(batch.pk), "--user", manager.username, stdout=out)

    assert "approved and applied" in out.getvalue()
    assert CreditAccount.objects.get(customer=customers[0]).limit == 50_000_000
    listing = io.StringIO()
    call_command("credit", "limits", "list", "--format", "json", stdout=listing)
    assert json.loads(listing.getvalue())[0]["status"] == "approved"


def test_api_uploads_lists_and_approves(company, customers, analyst, manager, today):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("limits.csv", GOOD.encode(), content_type="text/csv")
    response = api_client(analyst).post(
        "/api/v1/ledger/imports/credit-limits", data={"company": company.code, "file": upload}
    )
    assert response.status_code == 200, response.content
    batch_id = CreditLimitBatch.objects.get().pk

    listed = api_client(manager).get("/api/v1/credit/limit-batches")
    assert [b["id"] for b in listed.json()] == [batch_id]
    assert post(api_client(analyst), f"/api/v1/credit/limit-batches/{batch_id}/approve", {}).status_code == 403
    approved = post(api_client(manager), f"/api/v1/credit/limit-batches/{batch_id}/approve", {"note": "ok"})

    assert approved.status_code == 200, approved.content
    assert approved.json()["status"] == "approved"
    lines = api_client(manager).get(f"/api/v1/credit/limit-batches/{batch_id}/lines").json()
    assert lines[0] == {
        "line": 2,
        "customer_code": "K1",
        "limit": {"amount": "500000.00", "currency": "CNY"},
        "valid_until": "2025-12-31",
        "grade": "A",
        "max_term_days": 60,
        "approved_by": "王经理",
        "approved_on": "2025-01-15",
        "reference": "CR-2025-001",
    }


def test_the_documented_example_file_imports(company, analyst, today):
    from pathlib import Path

    for code in ("C10001", "C10002", "C10004"):
        CustomerFactory(company=company, code=code)
    path = Path(__file__).resolve().parent.parent / "examples" / "credit-limits.csv"

    report = import_limits(path.read_text(encoding="utf-8"), company, analyst)

    assert report.ok and report.created == 3, report.problems


def test_screens_import_show_and_approve_a_batch(client, company, customers, analyst, manager, today):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(analyst)
    upload = SimpleUploadedFile("limits.csv", GOOD.encode(), content_type="text/csv")
    response = client.post("/credit/limits/", {"company": company.pk, "file": upload})
    batch = CreditLimitBatch.objects.get()
    assert response.status_code == 302 and response.url == f"/credit/limits/{batch.pk}/"
    page = client.get(response.url).content.decode()
    assert "CR-2025-001" in page and "limit-batch-decide" not in page  # the preparer gets no approve button

    client.force_login(manager)
    assert "limit-batch-decide" in client.get(f"/credit/limits/{batch.pk}/").content.decode()
    client.post(f"/credit/limits/{batch.pk}/decide/", {"decision": "approve", "note": ""})

    assert CreditAccount.objects.get(customer=customers[0]).limit == 50_000_000
    credit_page = client.get(f"/credit/customers/{customers[0].pk}/").content.decode()
    assert 'id="imported-limits"' in credit_page and "CR-2025-001" in credit_page


def test_the_screen_names_every_bad_row(client, company, customers, analyst, today):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(analyst)
    upload = SimpleUploadedFile("limits.csv", (HEADER + "NOPE,1,CNY,,,,a,2025-01-01,\n").encode())
    page = client.post("/credit/limits/", {"company": company.pk, "file": upload}).content.decode()

    assert 'id="problems"' in page and "NOPE" in page
    assert not CreditLimitBatch.objects.exists()


def test_a_collector_cannot_open_the_imports(client, company, collector):
    client.force_login(collector)

    assert client.get("/credit/limits/").status_code == 403
