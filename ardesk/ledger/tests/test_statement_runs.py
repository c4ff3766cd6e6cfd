from __future__ import annotations

import datetime as dt
import io
import zipfile

from django.test import Client

from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.models import StatementRun
from ardesk.ledger.tests.factories import invoice


def test_statements_for_all_customers_run_as_one_job_and_download_as_a_zip(
    accountant, company, django_capture_on_commit_callbacks
):
    with_balance = CustomerFactory(company=company, code="B1", name="有余额客户")
    CustomerFactory(company=company, code="N1", name="无往来客户")
    invoice(accountant, with_balance, "INV-1", "100", issue_on=dt.date(2024, 1, 5))
    client = Client()
    client.force_login(accountant)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/ledger/statements/",
            {
                "company": company.pk,
                "date_from": "2024-01-01",
                "date_to": "2024-01-31",
                "language": "zh-hans",
                "file_format": "pdf",
            },
        )
    run = StatementRun.objects.get()
    assert response["Location"] == f"/ledger/statements/{run.pk}/"
    assert run.status == "done" and run.statements == 1
    assert 'id="statement-done"' in client.get(response["Location"]).content.decode()
    download = client.get(f"/ledger/statements/{run.pk}/download/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    names = archive.namelist()
    assert len(names) == 1 and "B1" in names[0] and archive.read(names[0]).startswith(b"%PDF")


def test_a_running_statement_job_polls_for_progress(accountant, company):
    run = StatementRun.objects.create(
        company=company,
        date_from=dt.date(2024, 1, 1),
        date_to=dt.date(2024, 1, 31),
        language="en",
        file_format="pdf",
        created_by=accountant,
    )
    client = Client()
    client.force_login(accountant)
    body = client.get(f"/ledger/statements/{run.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 1s"' in body


def test_a_period_that_ends_before_it_starts_is_refused(accountant, company):
    client = Client()
    client.force_login(accountant)
    response = client.post(
        "/ledger/statements/",
        {"company": company.pk, "date_from": "2024-02-01", "date_to": "2024-01-31", "file_format": "pdf"},
    )
    assert response.status_code == 200 and "date_from" in response.context["form"].errors
    assert not StatementRun.objects.exists()


def test_the_list_of_statement_runs_names_their_status_as_runs_not_imports(accountant, company):
    for status in ("importing", "done", "failed"):
        StatementRun.objects.create(
            company=company,
            date_from=dt.date(2024, 1, 1),
            date_to=dt.date(2024, 1, 31),
            language="zh-hans",
            file_format="pdf",
            status=status,
            created_by=accountant,
        )
    client = Client()
    client.force_login(accountant)
    client.post("/accounts/language/", {"language": "zh-hans"})
    body = client.get("/ledger/statements/").content.decode()
    assert all(f"<td>{label}</td>" in body for label in ("生成中", "已完成", "失败"))
    assert "导入中" not in body and "已导入" not in body
