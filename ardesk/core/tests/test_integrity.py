"""ardesk integrity: a clean ledger passes; each kind of damage is named with the rows that have it."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger import services as ledger_services
from ardesk.ledger.models import Allocation, DueLine
from ardesk.ledger.tests.factories import invoice, receipt

pytestmark = pytest.mark.django_db


@pytest.fixture
def ledger(company, accountant):
    """An invoice of 1,000.00 paid 400.00 by a receipt of 500.00 (100.00 unapplied)."""
    customer = CustomerFactory(company=company, code="C1")
    i1 = invoice(accountant, customer, "I1", "1000.00", issue_on=dt.date(2025, 2, 1), due_on=dt.date(2025, 3, 1))
    r1 = receipt(accountant, customer, "R1", "500.00", issue_on=dt.date(2025, 3, 10))
    line = DueLine.objects.get(document=i1)
    allocation = ledger_services.allocation_create(
        by=accountant, source=r1, line=line, amount=Decimal("400.00"), on=dt.date(2025, 3, 10)
    )
    return {"line": line, "receipt": r1, "allocation": allocation}


def integrity(*args) -> str:
    out = StringIO()
    call_command("integrity", *args, stdout=out)
    return out.getvalue()


def failing(*args) -> tuple[str, str]:
    out = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("integrity", *args, stdout=out)
    return out.getvalue(), str(raised.value)


def execute(sql: str, params) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_a_clean_ledger_has_no_problems(ledger):
    assert "No problems: references, ledger.open_state, ledger.daily_totals" in integrity()
    found = json.loads(integrity("--format", "json"))
    assert found["problems"] == [] and "references" in found["checks"]


def test_an_open_amount_that_is_not_what_the_allocations_give_is_named(ledger):
    line = DueLine.objects.get(pk=ledger["line"].pk)
    assert (line.open_now, line.open_functional_now) == (60000, 60000)  # 1,000.00 less 400.00
    execute("UPDATE ledger_dueline SET open_now = 59999 WHERE id = %s", [line.pk])
    out, error = failing()
    assert "ledger.open_state.lines: 1 " in out and f"(e.g. {line.pk})" in out
    assert "1 problems found" in error


def test_an_over_applied_credit_is_named(ledger):
    receipt = ledger["receipt"]
    execute("UPDATE ledger_document SET unapplied_now = 60000 WHERE id = %s", [receipt.pk])  # more than 500.00
    found = {p["check"]: p for p in json.loads(failing("--format", "json")[0])["problems"]}
    assert found["ledger.overapplied.credits"]["examples"] == [receipt.pk]
    assert found["ledger.open_state.credits"]["count"] == 1  # and it is not 100.00 either


def test_a_reference_to_a_missing_row_is_named(ledger):
    allocation = ledger["allocation"]
    execute("UPDATE ledger_allocation SET line_id = %s WHERE id = %s", [10**9, allocation.pk])
    found = {p["check"]: p for p in json.loads(failing("--format", "json")[0])["problems"]}
    assert found["ledger.allocation.line"]["examples"] == [allocation.pk]
    assert Allocation.objects.filter(pk=allocation.pk).exists()  # the check reads, it never repairs


def test_daily_totals_that_do_not_add_up_to_the_documents_are_named(ledger, company):
    execute(
        "INSERT INTO ledger_ledgerday (company_id, currency, day, balance, balance_functional, sales_functional)"
        " VALUES (%s, 'CNY', %s, 1, 1, 0)",
        [company.pk, dt.date(2025, 3, 31)],
    )
    found = {p["check"]: p for p in json.loads(failing("--format", "json")[0])["problems"]}
    # Documents: invoice 1,000.00 less receipt 500.00 = 500.00; the totals now say 500.01.
    assert found["ledger.daily_totals"]["examples"] == [f"{company.pk}/CNY: 50000 / 50001"]


def test_an_allocation_whose_copied_due_date_is_not_its_lines_is_named(ledger):
    allocation = ledger["allocation"]
    execute("UPDATE ledger_allocation SET line_due_on = '2000-01-01' WHERE id = %s", [allocation.pk])
    found = {p["check"]: p for p in json.loads(failing("--format", "json")[0])["problems"]}
    assert found["ledger.allocation_facts"]["examples"] == [allocation.pk]


def test_each_context_registers_its_checks_once_from_its_app_config():
    from django.apps import apps

    from ardesk.core.integrity import checks

    names = [
        "references",
        "ledger.open_state",
        "ledger.daily_totals",
        "reports.kept_aging",
        "collections.stopped_runs",
        "collections.delivered_counts",
        "operations.stored_files",
        "operations.encryption_key",
    ]
    assert [name for name, _check in checks()] == names
    apps.get_app_config("ledger").ready()  # Django may call ready() again: nothing is added twice
    apps.get_app_config("reports").ready()
    apps.get_app_config("collections").ready()
    apps.get_app_config("operations").ready()
    assert [name for name, _check in checks()] == names
