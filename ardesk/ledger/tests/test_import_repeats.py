"""A number or reference a file gives twice is reported at the later row, in any chunk (issue 26 §6).

The keys of the file are kept in bounded memory (imports.keys), not in sets that grew with the file;
the checks and their messages are those of before.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest

from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.imports import base
from ardesk.ledger.imports.engine import run_import
from ardesk.ledger.imports.keys import FileKeys
from ardesk.ledger.models import Document
from ardesk.ledger.tests.factories import invoice

HEAD = "number,customer,issue_date,due_date,currency,amount,external_ref\n"
RECEIPT_HEAD = "number,customer,date,currency,amount,external_ref,invoice\n"


def invoices(*rows: tuple[str, str]) -> str:
    """An invoices file of (number, external reference) rows, one customer, one date."""
    return HEAD + "".join(f"{number},C1,2024-01-05,2024-02-04,CNY,10,{ref}\n" for number, ref in rows)


def run(kind, text, company, user, *, dry_run=False):
    return run_import(
        kind=kind, handle=io.BytesIO(text.encode()), file_name="f.csv", company=company, user=user, dry_run=dry_run
    )


def problems(report) -> list[tuple[int, str, str]]:
    return [(p.line, p.field, p.reason) for p in report.problems]


@pytest.fixture
def customers(company):
    return [CustomerFactory(company=company, code="C1")]


@pytest.fixture(params=[2000, 2, 1], ids=["one chunk", "chunks of 2", "chunks of 1"])
def chunk(request, monkeypatch):
    monkeypatch.setattr(base, "CHUNK", request.param)
    return request.param


def test_a_number_given_twice_is_reported_at_the_later_row_in_any_chunk(accountant, company, customers, chunk):
    text = invoices(("A-1", ""), ("A-2", ""), ("A-3", ""), ("A-1", ""), ("A-3", ""), ("A-1", ""))
    for dry_run in (True, False):
        report = run("invoices", text, company, accountant, dry_run=dry_run)
        assert problems(report) == [
            (5, "number", "Number A-1 appears twice in the file."),
            (6, "number", "Number A-3 appears twice in the file."),
            (7, "number", "Number A-1 appears twice in the file."),
        ]
        assert report.created == 3
    assert not Document.objects.exists()


def test_an_external_reference_given_twice_is_reported_beside_the_rows_other_problems(
    accountant, company, customers, chunk
):
    text = invoices(("A-1", "ERP-1"), ("A-2", "ERP-2"), ("A-3", "ERP-1")).replace("A-3,C1", "A-3,NOPE")
    report = run("invoices", text, company, accountant)
    assert problems(report) == [
        (4, "customer", f"No customer with code NOPE in {company.code}."),
        (4, "external_ref", "External reference ERP-1 appears twice in the file."),
    ]
    assert not Document.objects.exists()


def test_rows_after_the_first_problem_are_still_checked_for_repeats(accountant, company, customers, chunk):
    text = invoices(("A-1", ""), ("A-2", ""), ("A-3", ""), ("A-4", ""), ("A-2", "")).replace("A-1,C1", "A-1,NOPE")
    report = run("invoices", text, company, accountant)
    assert [(line, field) for line, field, _reason in problems(report)] == [(2, "customer"), (6, "number")]


def test_a_receipt_number_given_twice_is_reported_and_nothing_is_paid(accountant, company, customers, chunk):
    assert run("invoices", invoices(("A-1", ""), ("A-2", "")), company, accountant).ok
    text = RECEIPT_HEAD + (
        "R-1,C1,2024-01-10,CNY,4,BANK-1,A-1\nR-2,C1,2024-01-10,CNY,4,BANK-2,A-2\nR-1,C1,2024-01-11,CNY,4,BANK-3,A-1\n"
    )
    report = run("receipts", text, company, accountant)
    assert problems(report) == [(4, "number", "Number R-1 appears twice in the file.")]
    assert not Document.objects.filter(doc_type="receipt").exists()


def test_a_number_already_in_the_ledger_is_unchanged_and_its_repeat_in_the_file_reported(
    accountant, company, customers, chunk
):
    invoice(accountant, customers[0], "A-1", "10", issue_on=dt.date(2024, 1, 5))
    same = invoices(("A-1", ""), ("A-2", ""))
    report = run("invoices", same, company, accountant)
    assert report.ok and (report.created, report.unchanged) == (1, 1), problems(report)
    again = invoices(("A-1", ""), ("A-3", ""), ("A-1", ""))
    report = run("invoices", again, company, accountant)
    assert problems(report) == [(4, "number", "Number A-1 appears twice in the file.")]
    changed = invoices(("A-3", ""), ("A-2", "")).replace("CNY,10,\n", "CNY,11,\n")
    report = run("invoices", changed, company, accountant)
    assert [(line, field) for line, field, _reason in problems(report)] == [(3, "amount")]
    assert "Conflict: A-2 is already posted" in report.problems[0].reason


def test_the_keys_of_a_file_are_found_again_across_chunks_and_in_one():
    keys = FileKeys()
    try:
        assert keys.repeated("numbers", [(2, "A"), (3, "B"), (4, "A"), (5, ""), (6, "")]) == {4}
        assert keys.repeated("numbers", [(7, "C"), (8, "B"), (9, "C"), (10, "A"), (11, "中文")]) == {8, 9, 10}
        assert keys.repeated("numbers", [(12, '中文"\\'), (13, "中文")]) == {13}
        assert keys.repeated("numbers", []) == set()
        assert keys.repeated("refs", [(14, "A"), (15, "A")]) == {15}
    finally:
        keys.close()
