"""`ardesk provision run` and `ardesk provision policy export|import`."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command

from ardesk.companies.models import CompanyGrant
from ardesk.core import progress
from ardesk.provisioning.models import ProvisionRun
from ardesk.provisioning.tests.conftest import sale


def run_command(*args) -> str:
    out = io.StringIO()
    call_command("provision", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def ledger(accountant, customers, aging_policy):
    sale(accountant, customers[0], "I1", "1000.00", issue_on=dt.date(2024, 11, 1))
    sale(accountant, customers[2], "I3", "300.00", issue_on=dt.date(2024, 3, 1))


def test_the_run_prints_the_figures_as_json_without_writing(ledger, company):
    preview = json.loads(run_command("run", "--company", "SH01", "--period", "2024-12", "--format", "json"))
    # 1,000 at 1 % and 300 at 5 %.
    assert (preview["status"], preview["required"], preview["booked"], preview["difference"]) == (
        "preview",
        "25.00",
        "0.00",
        "25.00",
    )
    assert [b["required"] for b in preview["buckets"]] == ["10.00", "15.00", "0.00", "0.00", "0.00"]
    assert not ProvisionRun.objects.exists()


def test_the_run_is_saved_as_a_draft_for_approval(ledger, company, accountant):
    text = run_command("run", "--company", "SH01", "--period", "2024-12", "--save", "--by", "accountant")
    run = ProvisionRun.objects.get()
    assert (run.status, run.prepared_by, run.required) == ("draft", accountant, 2500)
    assert "25.00" in text and "Dr 6702" in text


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_preparing_a_run_draws_its_steps_on_a_terminal_and_nothing_with_json(ledger, company, monkeypatch):
    monkeypatch.setattr(progress, "EVERY", 0)
    screen = Terminal()
    args = ("provision", "run", "--company", "SH01", "--period", "2024-12", "--save", "--by", "accountant")
    call_command(*args, "--language", "en", stdout=io.StringIO(), stderr=screen)
    drawn = screen.getvalue()
    assert "Preparing [" in drawn and "Reading the ledger" in drawn and "Storing each customer's share" in drawn
    assert "100%" in drawn and drawn.endswith("\n")
    quiet = Terminal()
    out = io.StringIO()
    call_command(*args, "--format", "json", stdout=out, stderr=quiet)
    assert quiet.getvalue() == "" and json.loads(out.getvalue())["status"] == "draft"


def test_policy_export_then_import_into_another_company(ledger, company, other_company, tmp_path, manager):
    path = tmp_path / "policy.json"
    run_command("policy", "export", "--company", "SH01", "--output", str(path))
    assert json.loads(path.read_text())["policies"][0]["method"] == "aging"
    CompanyGrant.objects.create(user=manager, company=other_company)
    assert "Imported 1 policy" in run_command("policy", "import", str(path), "--company", "SZ01", "--by", "manager")


def test_a_bad_period_or_company_is_an_error(ledger):
    with pytest.raises(CommandError, match="YYYY-MM"):
        run_command("run", "--company", "SH01", "--period", "2024-13")
    with pytest.raises(CommandError, match="No company"):
        run_command("run", "--company", "XX", "--period", "2024-12")


def test_a_look_back_that_is_not_a_whole_number_names_the_policy_and_field(ledger, company, tmp_path):
    path = tmp_path / "policy.json"
    run_command("policy", "export", "--company", "SH01", "--output", str(path))
    data = json.loads(path.read_text())
    data["policies"][0]["lookback_months"] = "twelve"
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError, match=r"policies\[1\]\.lookback_months: twelve is not a whole number of months"):
        run_command("policy", "import", str(path), "--company", "SH01", "--by", "manager")
