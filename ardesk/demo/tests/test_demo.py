from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from django.core.management import CommandError, call_command

from ardesk.audit.selectors import chain_break
from ardesk.banking.models import StatementLine
from ardesk.closing.models import RevaluationRun
from ardesk.collections.models import Notice
from ardesk.companies.models import Company
from ardesk.core import calendar, clock
from ardesk.credit.models import CreditRequest
from ardesk.customers.domain import uscc_problem
from ardesk.customers.models import Contact, Customer
from ardesk.customers.selectors import preferred_language
from ardesk.demo.generator import demo_customers
from ardesk.demo.ledger_loader import ledger_problems
from ardesk.ledger.models import ClosedPeriod, Document
from ardesk.risk.models import RiskSignal, WatchEntry

ANCHOR = dt.date(2026, 1, 1)
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_generation_is_deterministic():
    first = [c.name for c in demo_customers(count=50, anchor=ANCHOR)]
    assert first == [c.name for c in demo_customers(count=50, anchor=ANCHOR)]
    assert first != [c.name for c in demo_customers(count=50, anchor=ANCHOR, seed=7)]


def test_generated_customers_are_plausible():
    customers = list(demo_customers(count=300, anchor=ANCHOR))
    assert len({c.name for c in customers}) == 300
    assert all(uscc_problem(c.uscc) is None for c in customers if c.uscc)
    assert {c.company for c in customers} == {"SH01", "SZ01"}
    usd = [c for c in customers if c.currency == "USD"]
    assert usd and all(c.company == "SZ01" for c in usd)
    codes = {c.code for c in customers}
    children = [c for c in customers if c.parent_code]
    assert children and all(c.parent_code in codes for c in children)


@pytest.mark.django_db
def test_demo_command_loads_once_and_reuses(capsys):
    call_command("demo", no_serve=True)
    assert Company.objects.count() == 2
    assert Customer.objects.count() == 300
    assert Contact.objects.count() >= 300
    assert Document.objects.filter(doc_type="invoice").count() > 5000
    assert ledger_problems(as_of=clock.today()) == []
    assert Customer.objects.exclude(parent=None).exists()
    # The cash desk is not empty: the demo statement's receipts are partly matched, partly waiting.
    statuses = set(StatementLine.objects.values_list("status", flat=True))
    assert {"auto", "open", "outgoing"} <= statuses, statuses
    # The close cockpit shows the month before last closed, last month open with its revaluation proposed.
    before_last = calendar.month_start(calendar.add_months(clock.today(), -2))
    assert ClosedPeriod.objects.filter(period=before_last).count() == 2
    assert not ClosedPeriod.objects.exclude(period=before_last).exists()
    assert RevaluationRun.objects.filter(status="proposed").count() == 2
    out = capsys.readouterr().out
    assert "accountant" in out and "ardesk2026" in out
    assert "AR accountant 应收会计" in out and "ar_accountant" not in out  # role labels, not codes
    # Credit requests and dunning notices are written in the customer's language, never half and half.
    requests = list(CreditRequest.objects.select_related("customer"))
    assert requests
    for request in requests:
        # The reason and an approver's note; a note the system writes itself is in the interface's language.
        written = request.reason + (request.decision_note if request.decided_by_id else "")
        if preferred_language(request.customer) == "en":
            assert not CJK.search(written), written
        else:
            assert not re.search("[A-Za-z]", written), written
    english_notices = Notice.objects.filter(customer__contacts__preferred_language="en").exclude(subject="")
    assert set(english_notices.values_list("language", flat=True)) <= {"en"}
    assert not Notice.objects.exclude(subject="").exclude(pk__in=english_notices).exclude(language="zh-hans").exists()
    # The risk screens have something to show: the day's signals and the watch list (by rule and by hand).
    assert RiskSignal.objects.filter(status="active").exists()
    assert WatchEntry.objects.filter(status="open", source="hand").exists()
    call_command("demo", no_serve=True)
    assert Customer.objects.count() == 300
    assert "reusing" in capsys.readouterr().out
    assert chain_break() is None


def test_generate_writes_customers_in_the_import_format(tmp_path):
    call_command("generate", customers=120, out=str(tmp_path))
    with (tmp_path / "customers.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 120
    assert list(rows[0]) == ["code", "name", "uscc", "currency", "payment_terms", "parent_code", "collector"]


def test_generate_with_invoices_writes_every_ledger_file(tmp_path):
    call_command("generate", customers=10, invoices=10, out=str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "allocations.csv",
        "credit-notes.csv",
        "customers.csv",
        "invoices.csv",
        "receipts.csv",
    ]
    with (tmp_path / "invoices.csv").open(encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 10


def test_generate_writes_bank_statements_and_their_ground_truth(tmp_path):
    call_command("generate", customers=30, invoices=300, out=str(tmp_path), bank_months=2, stdout=io.StringIO())
    statements = sorted((tmp_path / "bank").glob("statement-*.csv"))
    assert statements
    text = statements[0].read_bytes().decode("gbk")  # as Chinese online banking writes
    assert "交易流水号" in text and "期初余额" in text
    truth = list(csv.DictReader((tmp_path / "bank" / "bank-ground-truth.csv").open(encoding="utf-8")))
    assert truth and all(row["customer"] for row in truth)
    assert {tag for row in truth for tag in row["noise"].split()} & {"name_short", "branch", "typo", "person"}


def test_generate_refuses_a_negative_number_of_invoices(tmp_path):
    with pytest.raises(CommandError, match="invoices"):
        call_command("generate", customers=10, invoices=-1, out=str(tmp_path))


def test_generated_receipts_come_in_payment_date_order_as_an_erp_exports_them(tmp_path):
    import csv

    call_command("generate", customers=30, invoices=600, out=str(tmp_path))
    with (tmp_path / "receipts.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))

    assert len(rows) > 100
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert len({r["customer"] for r in rows[:20]}) > 5  # customers interleaved, not grouped
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["customers.csv", "invoices.csv", "receipts.csv", "credit-notes.csv", "allocations.csv"]
    )
