"""Every writer of something dated refuses a closed month, names it, and writes nothing (issue 19, part 1)."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.utils import translation

from ardesk.ledger import periods
from ardesk.ledger import services as ledger
from ardesk.ledger.imports.engine import run_import
from ardesk.ledger.models import Allocation, Document, DueLine, ExchangeRate
from ardesk.ledger.periods import PeriodClosed
from ardesk.ledger.tests.factories import credit_note, invoice, receipt
from ardesk.provisioning import services as provisioning
from ardesk.provisioning.models import JournalEntry, ProvisionRun, WriteOff, WriteOffApproval
from ardesk.provisioning.tests.conftest import AGE_RATES
from ardesk.reports.models import BucketSet

D = dt.date
CLOSED = "November 2024 is closed"


def test_a_document_dated_in_a_closed_month_is_refused_and_an_earlier_open_month_still_accepts(
    accountant, customer, close_november
):
    close_november()
    with pytest.raises(PeriodClosed, match=CLOSED) as refused:
        invoice(accountant, customer, "I-NOV", "100", issue_on=D(2024, 11, 30))
    assert refused.value.field == "issue_on"
    assert not Document.objects.exists()
    # October is still open: posting into an earlier open month stays possible.
    assert invoice(accountant, customer, "I-OCT", "100", issue_on=D(2024, 10, 31)).pk
    assert invoice(accountant, customer, "I-DEC", "100", issue_on=D(2024, 12, 1)).pk


def test_the_message_names_the_month_in_chinese(accountant, customer, close_november):
    close_november()
    with translation.override("zh-hans"), pytest.raises(PeriodClosed) as refused:
        invoice(accountant, customer, "I-NOV", "100", issue_on=D(2024, 11, 5))
    assert "2024年11月" in refused.value.message and "已结账" in refused.value.message


def test_a_reversal_dated_in_a_closed_month_is_refused(accountant, customer, close_november):
    document = invoice(accountant, customer, "I-1", "100", issue_on=D(2024, 10, 1))
    close_november()
    with pytest.raises(PeriodClosed, match=CLOSED):
        ledger.document_reverse(by=accountant, document=document, on=D(2024, 11, 15))
    assert Document.objects.count() == 1
    # Dated in December (open), the same reversal is accepted: October's history is unchanged.
    assert ledger.document_reverse(by=accountant, document=document, on=D(2024, 12, 2)).amount == -10000


def test_allocations_and_their_reversals_dated_in_a_closed_month_are_refused(accountant, customer, close_november):
    bill = invoice(accountant, customer, "I-1", "100", issue_on=D(2024, 10, 1))
    cash = receipt(accountant, customer, "R-1", "60", issue_on=D(2024, 10, 20))
    line = DueLine.objects.get(document=bill)
    allocation = ledger.allocation_create(by=accountant, source=cash, line=line, amount="10", on=D(2024, 10, 25))
    close_november()
    with pytest.raises(PeriodClosed, match=CLOSED):
        ledger.allocation_create(by=accountant, source=cash, line=line, amount="50", on=D(2024, 11, 2))
    with pytest.raises(PeriodClosed, match=CLOSED):
        ledger.allocation_auto(by=accountant, source=cash, on=D(2024, 11, 2))
    with pytest.raises(PeriodClosed, match=CLOSED):
        ledger.allocation_reverse(by=accountant, allocation=allocation, on=D(2024, 11, 30))
    assert Allocation.objects.count() == 1


def _import(kind, text, company, user):
    return run_import(
        kind=kind, handle=io.BytesIO(text.encode()), file_name="f.csv", company=company, user=user, dry_run=False
    )


@pytest.mark.parametrize(
    ("kind", "text", "column"),
    [
        (
            "invoices",
            "number,customer,issue_date,due_date,currency,amount\nI-1,C1,2024-10-31,2024-11-30,CNY,10\n"
            "I-2,C1,2024-11-01,2024-12-01,CNY,20\n",
            "issue_date",
        ),
        (
            "receipts",
            "number,customer,date,currency,amount\nR-1,C1,2024-10-30,CNY,5\nR-2,C1,2024-11-30,CNY,5\n",
            "date",
        ),
        (
            "credit-notes",
            "number,customer,date,currency,amount\nK-1,C1,2024-10-30,CNY,5\nK-2,C1,2024-11-03,CNY,5\n",
            "date",
        ),
    ],
)
def test_an_import_with_a_row_in_a_closed_month_writes_nothing_and_names_the_row(
    kind, text, column, accountant, company, customer, close_november
):
    close_november()
    report = _import(kind, text, company, accountant)
    assert not report.ok and not report.written
    assert [(p.line, p.field) for p in report.problems] == [(3, column)]
    assert CLOSED in report.problems[0].reason
    assert not Document.objects.exists()


def test_reimporting_documents_of_a_closed_month_is_unchanged_not_refused(
    accountant, company, customer, close_november
):
    text = "number,customer,issue_date,due_date,currency,amount\nI-1,C1,2024-11-03,2024-12-03,CNY,10\n"
    assert _import("invoices", text, company, accountant).ok
    close_november()
    again = _import("invoices", text, company, accountant)
    assert again.ok and again.unchanged == 1


def test_an_allocations_import_dated_in_a_closed_month_writes_nothing(accountant, company, customer, close_november):
    invoice(accountant, customer, "I-1", "100", issue_on=D(2024, 10, 1))
    receipt(accountant, customer, "R-1", "60", issue_on=D(2024, 10, 20))
    close_november()
    text = "receipt,invoice,amount,date\nR-1,I-1,10,2024-10-31\nR-1,I-1,20,2024-11-02\n"
    report = _import("allocations", text, company, accountant)
    assert not report.ok and [(p.line, p.field) for p in report.problems] == [(3, "date")]
    assert CLOSED in report.problems[0].reason
    assert not Allocation.objects.exists()


def test_a_write_off_requested_into_a_closed_month_is_refused(accountant, manager, customer, close_november):
    invoice(accountant, customer, "I-1", "100", issue_on=D(2024, 6, 1))
    close_november()
    with pytest.raises(PeriodClosed, match=CLOSED):
        provisioning.write_off_request(by=accountant, customer=customer, on=D(2024, 11, 20), reason="Bankrupt")
    assert not WriteOff.objects.exists()


def test_a_write_off_requested_before_the_close_cannot_be_approved_into_it(
    accountant, manager, customer, close_november
):
    invoice(accountant, customer, "I-1", "100", issue_on=D(2024, 6, 1))
    write_off = provisioning.write_off_request(by=accountant, customer=customer, on=D(2024, 11, 20), reason="Gone")
    close_november()
    with pytest.raises(PeriodClosed, match=CLOSED):
        provisioning.write_off_approve(by=manager, write_off=write_off)
    assert not WriteOffApproval.objects.exists() and not Document.objects.filter(doc_type="write_off").exists()


def test_a_recovery_dated_in_a_closed_month_is_refused(accountant, manager, customer, close_november):
    invoice(accountant, customer, "I-1", "100", issue_on=D(2024, 6, 1))
    write_off = provisioning.write_off_request(by=accountant, customer=customer, on=D(2024, 10, 20), reason="Gone")
    provisioning.write_off_approve(by=manager, write_off=write_off)
    close_november()
    documents = Document.objects.count()
    with pytest.raises(PeriodClosed, match=CLOSED):
        provisioning.recovery_record(
            by=manager, write_off=write_off, on=D(2024, 11, 20), amount="30", receipt_number="R-REC"
        )
    assert Document.objects.count() == documents and not write_off.recoveries.exists()


def test_a_provision_run_of_a_closed_month_is_neither_prepared_nor_approved(
    accountant, manager, company, customer, close_november
):
    invoice(accountant, customer, "I-1", "100", issue_on=D(2024, 6, 1))
    provisioning.policy_save(
        by=manager, company=company, method="aging", bucket_set=BucketSet.objects.get(code="age"), rates=AGE_RATES
    )
    run = provisioning.run_prepare(by=accountant, company=company, as_of=D(2024, 11, 30))
    close_november()
    with pytest.raises(PeriodClosed, match=CLOSED):
        provisioning.run_prepare(by=accountant, company=company, as_of=D(2024, 11, 30))
    with pytest.raises(PeriodClosed, match=CLOSED):
        provisioning.run_approve(by=manager, run=run)
    assert ProvisionRun.objects.count() == 1 and not JournalEntry.objects.exists()


def test_the_allowance_brought_forward_into_a_closed_month_is_refused(manager, company, close_november):
    close_november()
    with pytest.raises(PeriodClosed, match=CLOSED):
        provisioning.allowance_opening_set(by=manager, company=company, on=D(2024, 11, 30), amount="1000")
    assert not JournalEntry.objects.exists()


def test_a_dispute_credit_note_goes_through_the_same_posting_and_is_refused(accountant, customer, close_november):
    close_november()
    with pytest.raises(PeriodClosed, match=CLOSED):
        credit_note(accountant, customer, "K-1", "5", issue_on=D(2024, 11, 2))
    assert not Document.objects.exists()


def test_another_company_is_not_locked_by_this_close(accountant, customer, other_company, close_november):
    close_november()
    assert not periods.is_closed(other_company.pk, D(2024, 11, 15))
    assert periods.is_closed(customer.company_id, D(2024, 11, 15))


def test_an_exchange_rate_is_still_entered_for_a_closed_month(manager, close_november):
    close_november()
    ledger.exchange_rate_set(by=manager, currency="USD", rate_on=D(2024, 11, 29), rate=Decimal("7.2"))
    assert ExchangeRate.objects.filter(currency="USD").exists()
