"""ardesk dunning: the run of a date (dry run, JSON), policies as JSON files, the promise check."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from ardesk.collections.models import DunningPolicy, DunningRun, Notice
from ardesk.core import jobs
from ardesk.ledger.tests.factories import invoice

pytestmark = pytest.mark.django_db


def dunning(*args) -> str:
    out = StringIO()
    call_command("dunning", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def overdue(accountant, customer, english_customer):
    invoice(accountant, customer, "INV-1", "700.00", issue_on=dt.date(2025, 1, 1), due_on=dt.date(2025, 1, 31))
    invoice(accountant, customer, "INV-2", "300.00", issue_on=dt.date(2025, 1, 5), due_on=dt.date(2025, 1, 31))
    invoice(accountant, english_customer, "INV-3", "900.00", issue_on=dt.date(2025, 1, 1), due_on=dt.date(2025, 3, 1))


def test_a_dry_run_prints_the_preview_as_json_and_writes_nothing(overdue, company):
    data = json.loads(dunning("run", "--date", "2025-02-26", "--dry-run", "--format", "json"))
    (result,) = data["runs"]
    # C100's two invoices make one first notice; C200's invoice, due in three days, gets the reminder.
    assert (result["company"], result["notices"], result["items"]) == ("SH01", 2, 3)
    assert result["total"] == {"amount": "1900.00", "currency": "CNY"}
    assert {(level["name"], level["items"]) for level in result["levels"]} == {
        ("Reminder before due", 1),
        ("First notice", 2),
    }
    assert not DunningRun.objects.exists()


def test_the_run_sends_and_a_second_run_of_the_same_date_sends_nothing(overdue, company):
    first = json.loads(dunning("run", "--date", "2025-02-26", "--format", "json"))["runs"][0]
    assert (first["notices"], first["delivered"], first["status"]) == (2, 2, "done")
    assert len(mail.outbox) == 2
    second = json.loads(dunning("run", "--date", "2025-02-26", "--format", "json"))["runs"][0]
    assert (second["notices"], second["items"]) == (0, 0)
    assert len(mail.outbox) == 2
    assert Notice.objects.count() == 2
    assert "SH01 2025-02-26: sent 0 notices over 0 items, 0.00 CNY" in dunning("run", "--date", "2025-02-26")


def test_policies_export_to_a_file_and_import_back(tmp_path):
    target = tmp_path / "policies.json"
    dunning("policy", "export", "--output", str(target))
    data = json.loads(target.read_text(encoding="utf-8"))
    data["policies"].append({**data["policies"][0], "code": "VIP", "is_default": False, "grades": ["AAA", "AA"]})
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert dunning("policy", "import", str(target)).strip() == "Imported 2 policies: STANDARD, VIP"
    assert list(DunningPolicy.objects.get(code="VIP").grades.values_list("grade", flat=True)) == ["AA", "AAA"]


def test_a_bad_policy_file_is_refused_with_every_problem(tmp_path):
    target = tmp_path / "bad.json"
    target.write_text(json.dumps({"policies": [{"code": "X", "name": "", "levels": []}]}), encoding="utf-8")
    with pytest.raises(CommandError) as error:
        dunning("policy", "import", str(target))
    assert (
        str(error.value)
        == "policies: Policy X: levels: give at least one level.\npolicies: Policy X: name: give a name."
    )


def test_an_unknown_company_or_a_bad_date_is_an_error(company):
    with pytest.raises(CommandError, match="No company XX"):
        dunning("run", "--company", "XX")
    with pytest.raises(CommandError, match="2025-13-01 is not a date"):
        dunning("run", "--date", "2025-13-01")


def test_a_confirmed_run_returns_once_its_notices_are_written_and_a_job_process_delivers_them(
    overdue, company, settings, monkeypatch
):
    settings.ARDESK_JOBS_INLINE, settings.CELERY_BROKER_URL = False, ""  # the embedded default: no broker
    started = []
    monkeypatch.setattr(jobs.subprocess, "Popen", lambda argv, **kwargs: started.append(argv))

    out = dunning("run", "--date", "2025-02-26")

    run = DunningRun.objects.get()
    assert (run.status, run.delivered) == ("delivering", 0)
    assert mail.outbox == []
    assert "SH01 2025-02-26: wrote 2 notices over 3 items, 1900.00 CNY" in out
    assert f"run {run.pk}: 0 of 2 delivered, the rest in the background" in out
    assert "ardesk dunning run --date 2025-02-26 --wait follows it" in out
    ((*python, job, task, run_id),) = started
    assert (python[-2:], job, task, run_id) == (
        ["-m", "ardesk.cli"],
        "job",
        "ardesk.collections.tasks.deliver_run",
        str(run.pk),
    )

    settings.ARDESK_WORKERS = 1  # the job process (here: this test's transaction) delivers them
    call_command("job", task, run_id)
    run.refresh_from_db()
    assert (run.status, run.delivered, len(mail.outbox)) == ("done", 2, 2)
    # The same date again writes nothing new and reports the finished run's figures.
    assert json.loads(dunning("run", "--date", "2025-02-26", "--format", "json"))["runs"][0]["notices"] == 0
