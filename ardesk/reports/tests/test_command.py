"""ardesk report aging|snapshot from the command line."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from ardesk.reports.models import AgingSnapshot


def run(*args) -> str:
    out = io.StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


def test_aging_as_json_on_the_command_line(ledger):
    data = json.loads(run("aging", "--as-of", "2024-12-31", "--format", "json", "--language", "en"))
    assert data["totals"]["total"] == "2660.00"
    assert data["buckets"][0] == {"key": "not_due", "label": "Not yet due"}
    chinese = json.loads(run("aging", "--as-of", "2024-12-31", "--format", "json"))
    assert chinese["buckets"][0]["label"] == "未到期"


def test_aging_by_currency_in_a_table_and_to_an_excel_file(ledger, company, tmp_path):
    table = run("aging", "--as-of", "2024-12-31", "--by", "currency", "--company", company.code, "--language", "en")
    assert "USD" in table and "710.00" in table and "Difference to the aging: 0.00" in table
    target = tmp_path / "aging.xlsx"
    run("aging", "--as-of", "2024-12-31", "--basis", "document", "--format", "xlsx", "--output", str(target))
    sheet = load_workbook(target).active
    assert any(row[0] == "A" and row[3] == 2660 for row in sheet.iter_rows(values_only=True))


def test_bad_arguments_are_named(ledger):
    with pytest.raises(CommandError, match="not a date"):
        run("aging", "--as-of", "31/12/2024", "--language", "en")
    with pytest.raises(CommandError, match="No company"):
        run("aging", "--company", "NOPE", "--language", "en")
    with pytest.raises(CommandError, match="No aging bucket set"):
        run("aging", "--buckets", "nope", "--language", "en")


def test_snapshot_command_stores_a_month_end(ledger):
    assert "2 set(s) stored" in run("snapshot", "--as-of", "2024-12-31")
    assert AgingSnapshot.objects.count() == 2
