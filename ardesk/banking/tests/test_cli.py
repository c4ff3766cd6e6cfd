"""ardesk bank import: the same import as the screen, refusing bad files and unknown accounts."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from ardesk.banking.models import StatementLine
from ardesk.banking.tests.helpers import bank_account, csv_statement

pytestmark = pytest.mark.django_db


def test_import_prints_the_counts_as_json(company, accountant, tmp_path):
    bank_account(company)
    path = tmp_path / "march.csv"
    path.write_bytes(csv_statement([("甲", "", "100.00", "", "S1")]))
    out = io.StringIO()
    call_command(
        "bank", "import", str(path), "--account", "ICBC01", "--by", "accountant", "--format", "json", stdout=out
    )
    summary = json.loads(out.getvalue())
    assert (summary["lines"], summary["new"], summary["waiting"]) == (1, 1, 1)


def test_a_dry_run_writes_nothing(company, accountant, tmp_path):
    bank_account(company)
    path = tmp_path / "march.csv"
    path.write_bytes(csv_statement([("甲", "", "100.00", "", "S1")]))
    call_command(
        "bank", "import", str(path), "--account", "ICBC01", "--by", "accountant", "--dry-run", stdout=io.StringIO()
    )
    assert not StatementLine.objects.exists()


def test_an_unknown_account_is_refused(company, accountant, tmp_path):
    path = tmp_path / "march.csv"
    path.write_bytes(csv_statement([("甲", "", "100.00", "", "S1")]))
    with pytest.raises(CommandError, match="No bank account NOPE"):
        call_command("bank", "import", str(path), "--account", "NOPE", "--by", "accountant")


def test_an_unbalanced_file_is_refused_naming_the_problem(company, accountant, tmp_path):
    bank_account(company)
    path = tmp_path / "march.csv"
    path.write_bytes(csv_statement([("甲", "", "100.00", "", "S1")], closing="1.00"))
    with pytest.raises(CommandError, match="(?s)Nothing imported.*row 0, closing_balance"):
        call_command("bank", "import", str(path), "--account", "ICBC01", "--by", "accountant", "--language", "en")
    assert not StatementLine.objects.exists()


def test_a_statement_of_another_account_is_refused(company, accountant, tmp_path):
    bank_account(company, bank_name="工行")
    path = tmp_path / "march.csv"
    path.write_bytes(
        csv_statement([("甲", "", "100.00", "", "S1")]).replace(b"1001234567890123456", b"9999888877776666")
    )
    with pytest.raises(CommandError, match="account"):
        call_command("bank", "import", str(path), "--account", "ICBC01", "--by", "accountant", "--language", "en")
    assert not StatementLine.objects.exists()
