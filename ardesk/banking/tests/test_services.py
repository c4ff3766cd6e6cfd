"""Hand-worked cash application cases: one per matching rule and per difference, through the ledger."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ardesk.banking import services
from ardesk.banking.errors import BankingError
from ardesk.banking.models import (
    Application,
    BankStatement,
    Difference,
    DifferenceStatus,
    LineStatus,
    PayerAlias,
    StatementLine,
)
from ardesk.banking.tests.helpers import bank_account, csv_statement, customer, invoice_on
from ardesk.core import parallel
from ardesk.core.errors import NotPermitted
from ardesk.ledger.models import Document, DueLine
from ardesk.ledger.tests.factories import net_term

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(company, accountant):
    account = bank_account(company)
    huaxing = customer(company, "C001", "上海华星贸易有限公司", "6222 0210 0112 3456")
    mingda = customer(company, "C002", "北京明达电子股份有限公司")
    return {"account": account, "huaxing": huaxing, "mingda": mingda, "by": accountant}


def _import(desk, rows, **extra):
    content = csv_statement(rows, **extra)
    return services.statement_import(by=desk["by"], account=desk["account"], name="march.csv", content=content)


def _open(number: str) -> int:
    return DueLine.objects.get(document__number=number).open_now


def _line(serial: str) -> StatementLine:
    return StatementLine.objects.get(bank_ref=serial)


def test_known_account_and_invoice_number_post_and_allocate_the_receipt(desk):
    invoice_on(desk["by"], desk["huaxing"], "INV-2026-0312", "800000.00")
    result = _import(desk, [("上海华星", "6222021001123456", "800000.00", "货款 INV-2026-0312", "S1")])
    assert result.matched == {"auto": 1, "queued": 0}
    line = _line("S1")
    assert line.status == LineStatus.AUTO
    application = Application.objects.get(line=line)
    assert application.receipt.doc_type == "receipt" and application.receipt.customer == desk["huaxing"]
    assert _open("INV-2026-0312") == 0
    assert {r["code"] for r in line.reasons} >= {"account", "ref_exact", "amount_named"}


def test_name_with_legal_suffix_branch_and_full_width_and_the_amount_of_one_item_match(desk):
    # Payer: 北京明达电子股份有限公司上海分公司 in full-width parentheses style; the invoice: 12,000.00 open.
    invoice_on(desk["by"], desk["mingda"], "INV-A", "5000.00", issue_on=dt.date(2026, 1, 3))
    invoice_on(desk["by"], desk["mingda"], "INV-B", "12000.00")
    _import(desk, [("北京明达电子股份有限公司上海分公司", "", "12000.00", "货款", "S2")])
    assert _line("S2").status == LineStatus.AUTO
    assert _open("INV-B") == 0 and _open("INV-A") == 500000


def test_partial_and_several_invoice_numbers_pay_the_named_invoices(desk):
    # "0312 0315": the last digits of two invoices; 300 + 500 = 800 pays both.
    invoice_on(desk["by"], desk["huaxing"], "INV-2026-0000311", "100.00")
    invoice_on(desk["by"], desk["huaxing"], "INV-2026-0000312", "300.00")
    invoice_on(desk["by"], desk["huaxing"], "INV-2026-0000315", "500.00")
    _import(desk, [("上海华星贸易有限公司", "", "800.00", "付0312 0315号发票", "S3")])
    assert _line("S3").status == LineStatus.AUTO
    assert (_open("INV-2026-0000312"), _open("INV-2026-0000315"), _open("INV-2026-0000311")) == (0, 0, 10000)


def test_a_mistyped_invoice_number_is_still_recognised(desk):
    invoice_on(desk["by"], desk["huaxing"], "INV20260420", "700.00")
    invoice_on(desk["by"], desk["huaxing"], "INV20260421", "900.00")
    # INV20260402: two digits of INV20260420 swapped (one typing mistake); INV20260421 is two mistakes away.
    _import(desk, [("上海华星贸易有限公司", "", "700.00", "INV20260402", "S4")])
    line = _line("S4")
    assert line.status == LineStatus.AUTO
    assert _open("INV20260420") == 0
    assert "ref_mistyped" in {r["code"] for r in line.reasons}


def test_a_sum_of_open_items_oldest_first_is_found(desk):
    # Open: 100 (Jan 2), 250 (Jan 3), 400 (Jan 4); 650 = 250 + 400 (no prefix of the oldest adds to 650).
    for number, amount, day in (("I-1", "100.00", 2), ("I-2", "250.00", 3), ("I-3", "400.00", 4)):
        invoice_on(desk["by"], desk["huaxing"], number, amount, issue_on=dt.date(2026, 1, day))
    _import(desk, [("", "6222021001123456", "650.00", "", "S5")])
    assert _line("S5").status == LineStatus.AUTO
    assert (_open("I-1"), _open("I-2"), _open("I-3")) == (10000, 0, 0)


def test_lines_matched_a_chunk_at_a_time_see_what_earlier_chunks_paid(desk, monkeypatch):
    # One line a chunk: the second line's customer is already known (its items not loaded again,
    # so I-1 stays paid), the third's items are loaded with its chunk.
    monkeypatch.setattr(services, "MATCH_CHUNK", 1)
    for number, day in (("I-1", 2), ("I-2", 3)):
        invoice_on(desk["by"], desk["huaxing"], number, "100.00", issue_on=dt.date(2026, 1, day))
    invoice_on(desk["by"], desk["mingda"], "M-1", "300.00", issue_on=dt.date(2026, 1, 2))
    result = _import(
        desk,
        [
            ("", "6222021001123456", "100.00", "", "S21"),
            ("", "6222021001123456", "100.00", "", "S22"),
            ("北京明达电子股份有限公司", "", "300.00", "", "S23"),
        ],
    )
    assert result.matched == {"auto": 3, "queued": 0}
    assert (_open("I-1"), _open("I-2"), _open("M-1")) == (0, 0, 0)
    receipts = {serial: Application.objects.get(line=_line(serial)).receipt for serial in ("S21", "S22", "S23")}
    paid = {serial: receipt.allocations_out.get().line.document.number for serial, receipt in receipts.items()}
    assert paid == {"S21": "I-1", "S22": "I-2", "S23": "M-1"}


def test_a_bank_charge_is_booked_as_such_not_as_a_short_payment(desk):
    # 10,000.00 invoice, 9,985.00 received: 15.00 deducted by the payer's bank.
    invoice_on(desk["by"], desk["huaxing"], "INV-2026-0101", "10000.00")
    _import(desk, [("上海华星", "6222021001123456", "9985.00", "INV-2026-0101", "S6")])
    difference = Difference.objects.get()
    assert (difference.kind, difference.amount, difference.status) == ("bank_charge", 1500, DifferenceStatus.BOOKED)
    assert difference.credit_note.doc_type == "credit_note"
    assert _open("INV-2026-0101") == 0


def test_an_early_payment_discount_is_taken_within_the_window(desk):
    # 2/10 net 30 on 10,000.00 issued 25 Feb: paid 2 Mar (within 10 days) with 9,800.00.
    term = net_term(code="2-10-N30", days=30, discount_percent=Decimal("2"), discount_days=10)
    invoice_on(
        desk["by"], desk["huaxing"], "INV-2026-0102", "10000.00", issue_on=dt.date(2026, 2, 25), payment_term=term
    )
    _import(desk, [("上海华星", "6222021001123456", "9800.00", "INV-2026-0102", "S7")])
    difference = Difference.objects.get()
    assert (difference.kind, difference.amount) == ("discount", 20000)
    assert _open("INV-2026-0102") == 0


def test_a_small_short_payment_is_written_off_and_a_larger_one_waits_for_a_manager(desk, manager):
    # Short by 3.00 (at most 10.00 without approval): booked. Short by 44.00: waits for approval.
    invoice_on(desk["by"], desk["huaxing"], "INV-2026-0103", "1003.00")
    invoice_on(desk["by"], desk["huaxing"], "INV-2026-0104", "2044.00")
    _import(
        desk,
        [
            ("上海华星", "6222021001123456", "1000.00", "INV-2026-0103", "S8"),
            ("上海华星", "6222021001123456", "2000.00", "INV-2026-0104", "S9"),
        ],
    )
    small = Difference.objects.get(kind="short", amount=300)
    assert small.status == DifferenceStatus.BOOKED and _open("INV-2026-0103") == 0
    large = Difference.objects.get(kind="short", amount=4400)
    assert large.status == DifferenceStatus.PENDING and _open("INV-2026-0104") == 4400
    with pytest.raises(NotPermitted):  # the accountant who matched it has no approval right
        services.difference_decide(by=desk["by"], difference=large, approve=True)
    Difference.objects.filter(pk=large.pk).update(requested_by=manager)
    with pytest.raises(BankingError, match="other than"):  # nor does anyone approve their own
        services.difference_decide(by=manager, difference=large, approve=True)
    Difference.objects.filter(pk=large.pk).update(requested_by=desk["by"])
    services.difference_decide(by=manager, difference=large, approve=True)
    assert _open("INV-2026-0104") == 0


def test_an_over_payment_stays_as_the_customers_credit(desk):
    invoice_on(desk["by"], desk["huaxing"], "INV-2026-0105", "500.00")
    _import(desk, [("上海华星", "6222021001123456", "800.00", "INV-2026-0105", "S10")])
    receipt = Application.objects.get(line=_line("S10")).receipt
    assert _open("INV-2026-0105") == 0
    assert Document.objects.get(pk=receipt.pk).unapplied_now == 30000


def test_an_unsure_line_waits_with_suggestions_and_a_manual_match_teaches_the_payer(desk):
    # "华星贸易(上海)" is like the customer's name but not the same, and no amount fits exactly.
    invoice_on(desk["by"], desk["huaxing"], "INV-H", "1000.00")
    invoice_on(desk["by"], desk["huaxing"], "INV-I", "2000.00", issue_on=dt.date(2026, 2, 1))
    _import(desk, [("上海华星贸易公司财务部", "", "600.00", "", "S11")])
    line = _line("S11")
    assert line.status == LineStatus.OPEN
    assert line.suggestions[0]["customer_id"] == desk["huaxing"].pk
    services.suggestion_accept(by=desk["by"], line=line, index=0)
    assert _line("S11").status == LineStatus.MANUAL and _open("INV-H") == 40000
    assert PayerAlias.objects.filter(customer=desk["huaxing"], kind="name").exists()
    # The same payer next time, paying the rest of INV-H exactly: matched automatically.
    _import(desk, [("上海华星贸易公司财务部", "", "400.00", "", "S12")], opening="10600.00")
    assert _line("S12").status == LineStatus.AUTO and _open("INV-H") == 0


def test_a_line_is_split_across_two_customers(desk):
    invoice_on(desk["by"], desk["huaxing"], "INV-J", "300.00")
    invoice_on(desk["by"], desk["mingda"], "INV-K", "700.00")
    _import(desk, [("某集团财务公司", "", "1000.00", "代付货款", "S13")])
    line = _line("S13")
    assert line.status == LineStatus.OPEN
    services.line_match(by=desk["by"], line=line, parts=[(desk["huaxing"].pk, 30000), (desk["mingda"].pk, 70000)])
    assert Application.objects.filter(line=line).count() == 2
    assert _open("INV-J") == 0 and _open("INV-K") == 0


def test_a_split_must_add_up_to_the_line(desk):
    _import(desk, [("某集团财务公司", "", "1000.00", "", "S14")])
    with pytest.raises(Exception, match="add up"):
        services.line_match(by=desk["by"], line=_line("S14"), parts=[(desk["huaxing"].pk, 30000)])
    assert not Application.objects.exists()


def test_reimporting_an_overlapping_statement_adds_nothing_new(desk):
    rows = [("甲", "", "100.00", "", "S20"), ("乙", "", "200.00", "", "S21")]
    first = _import(desk, rows)
    again = _import(desk, [*rows, ("丙", "", "50.00", "", "S22")])
    assert (first.new, again.new, again.already) == (2, 1, 2)
    assert StatementLine.objects.count() == 3


def test_lines_without_a_serial_number_are_recognised_by_their_hash(desk):
    rows = [("甲", "", "100.00", "", ""), ("甲", "", "100.00", "", "")]
    assert _import(desk, rows).new == 2
    assert _import(desk, rows).new == 0


def test_an_unbalanced_statement_is_refused_and_nothing_written(desk):
    result = _import(desk, [("甲", "", "100.00", "", "S30")], closing="99999.00")
    assert result.problems and result.problems[0].field == "closing_balance"
    assert "does not balance" in result.problems[0].message
    assert not BankStatement.objects.exists() and not StatementLine.objects.exists()


def test_a_missing_line_is_named_by_its_row(desk):
    content = csv_statement([("甲", "", "100.00", "", "S31"), ("乙", "", "200.00", "", "S32")])
    # Remove the first line: the second's balance (10,300.00) no longer follows from the opening.
    text = content.decode().splitlines()
    content = "\n".join(text[:3] + text[4:]).encode()
    result = services.statement_import(by=desk["by"], account=desk["account"], name="gap.csv", content=content)
    assert [(p.row, p.field) for p in result.problems][0] == (4, "balance")
    assert not StatementLine.objects.exists()


def test_a_file_in_neither_utf8_nor_gbk_is_refused(desk):
    content = csv_statement([("甲", "", "100.00", "", "S33")]).decode().encode("utf-16")
    result = services.statement_import(by=desk["by"], account=desk["account"], name="x.csv", content=content)
    assert result.problems and result.problems[0].row == 0
    assert not StatementLine.objects.exists()


def test_a_gbk_file_reads_like_utf8(desk):
    result = services.statement_import(
        by=desk["by"],
        account=desk["account"],
        name="gbk.csv",
        content=csv_statement([("上海华星", "", "1.00", "", "S34")], encoding="gbk"),
    )
    assert not result.problems and _line("S34").payer_name == "上海华星"


def test_a_bad_amount_names_its_row_and_field(desk):
    content = csv_statement([("甲", "", "100.00", "", "S35")]).decode().replace(",100.00,", ",1O0.00,").encode()
    result = services.statement_import(by=desk["by"], account=desk["account"], name="x.csv", content=content)
    assert [(p.row, p.field) for p in result.problems][0] == (4, "credit")
    assert not StatementLine.objects.exists()


def test_a_dry_run_writes_nothing(desk):
    result = services.statement_import(
        by=desk["by"],
        account=desk["account"],
        name="x.csv",
        content=csv_statement([("甲", "", "1.00", "", "S36")]),
        dry_run=True,
    )
    assert result.new == 1 and not StatementLine.objects.exists()


def test_a_part_payment_naming_no_invoice_is_left_on_account_when_several_items_are_open(desk):
    # Open: 1,000.00 (Jan 5) and 2,000.00 (Feb 1); 600.00 from the customer's known account, no text:
    # the customer is sure, which invoice it pays is not, so the receipt stays unallocated.
    invoice_on(desk["by"], desk["huaxing"], "INV-H", "1000.00")
    invoice_on(desk["by"], desk["huaxing"], "INV-I", "2000.00", issue_on=dt.date(2026, 2, 1))
    _import(desk, [("上海华星贸易有限公司", "6222021001123456", "600.00", "", "S40")])
    line = _line("S40")
    assert line.status == LineStatus.AUTO and line.reasons[-1]["code"] == "partial_on_account"
    receipt = Application.objects.get(line=line).receipt
    assert (receipt.amount, receipt.unapplied_now) == (-60000, 60000)
    assert (_open("INV-H"), _open("INV-I")) == (100000, 200000)


def test_a_part_payment_of_the_only_open_item_pays_it(desk):
    # 1,000.00 open, 600.00 received: 400.00 stays open.
    invoice_on(desk["by"], desk["huaxing"], "INV-H", "1000.00")
    _import(desk, [("上海华星贸易有限公司", "6222021001123456", "600.00", "", "S41")])
    assert _line("S41").status == LineStatus.AUTO and _open("INV-H") == 40000


def test_automatic_receipts_leave_the_ledgers_audit_trail(desk):
    # One line of 800.00 paying INV-P: a receipt posted and one allocation, each audited as by hand.
    from ardesk.audit.models import AuditEvent

    invoice_on(desk["by"], desk["huaxing"], "INV-P", "800.00")
    _import(desk, [("上海华星", "6222021001123456", "800.00", "INV-P", "S42")])
    line = _line("S42")
    posted = AuditEvent.objects.get(action="document.post", after__number=f"BANK-{line.pk}")
    assert (posted.object_id, posted.after["amount"], posted.after["type"]) == (
        str(desk["huaxing"].pk),
        "-800.00",
        "receipt",
    )
    allocated = AuditEvent.objects.get(action="allocation.create", after__source=f"BANK-{line.pk}")
    assert (allocated.after["invoice"], allocated.after["amount"], allocated.after["method"]) == (
        "INV-P",
        "800.00",
        "bank",
    )


def test_a_batch_the_ledger_refuses_is_posted_line_by_line(desk, monkeypatch):
    # The bulk posting refuses the batch (an item paid meanwhile): each line is posted on its own instead.
    from ardesk.ledger.errors import LedgerError

    def refuse(**_kwargs):
        raise LedgerError("refused")

    monkeypatch.setattr(services, "credits_post", refuse)
    invoice_on(desk["by"], desk["huaxing"], "INV-Q", "300.00")
    invoice_on(desk["by"], desk["mingda"], "INV-R", "700.00")
    result = _import(
        desk,
        [
            ("上海华星", "6222021001123456", "300.00", "INV-Q", "S43"),
            ("北京明达电子股份有限公司", "", "700.00", "INV-R", "S44"),
        ],
    )
    assert result.matched == {"auto": 2, "queued": 0}
    assert _open("INV-Q") == 0 and _open("INV-R") == 0


def test_the_short_payment_limits_are_amounts_in_the_lines_currency(settings):
    # 25.00 and 250.00: 2,500 and 25,000 fen; the yen has no minor unit, so 25 and 250.
    settings.ARDESK_CASH_SHORT_WITHOUT_APPROVAL = "25.00"
    settings.ARDESK_CASH_SHORT_TOLERANCE = "250.00"
    assert (services.rules("CNY").short_without_approval, services.rules("CNY").short_tolerance) == (2500, 25000)
    assert (services.rules("JPY").short_without_approval, services.rules("JPY").short_tolerance) == (25, 250)


@pytest.mark.django_db(transaction=True)
def test_a_long_run_outside_a_transaction_posts_beside_the_matching_in_order(company, accountant, monkeypatch):
    """On PostgreSQL a run of more lines than a batch posts each batch in a process of its own (the bench's path)."""
    from django.db import connection

    from ardesk.audit.selectors import chain_break

    if connection.vendor != "postgresql":
        pytest.skip("the posting beside the matching is PostgreSQL's (SQLite posts in the caller's transaction)")
    monkeypatch.setattr(services, "POSTING_BATCH", 1)
    batches = []

    class Recorded(parallel.Worker):
        def submit(self, *job):
            batches.append([decision.line_id for decision in job[3]])
            super().submit(*job)

    monkeypatch.setattr(parallel, "Worker", Recorded)
    desk = {"account": bank_account(company), "by": accountant}
    huaxing = customer(company, "C001", "上海华星贸易有限公司", "6222 0210 0112 3456")
    numbers = ["INV-2026-0311", "INV-2026-0312", "INV-2026-0313"]
    for number, amount in zip(numbers, ("100.00", "200.00", "300.00"), strict=True):
        invoice_on(accountant, huaxing, number, amount)
    rows = [
        ("上海华星", "6222021001123456", amount, f"货款 {number}", f"S{n}")
        for n, (number, amount) in enumerate(zip(numbers, ("100.00", "200.00", "300.00"), strict=True))
    ]
    result = services.statement_import(
        by=accountant, account=desk["account"], name="march.csv", content=csv_statement(rows), match=False
    )
    lines = StatementLine.objects.filter(statement=result.statement)
    assert services.lines_match(by=accountant, lines=lines) == {"auto": 3, "queued": 0}
    assert [_open(number) for number in numbers] == [0, 0, 0]
    assert Application.objects.filter(line__statement=result.statement, is_auto=True).count() == 3
    assert chain_break() is None
    assert len(batches) == 3  # each batch of one line was posted by the process, in the lines' order
    assert batches == sorted(batches)
