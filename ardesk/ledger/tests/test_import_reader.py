"""Receipts imported as their own transaction look their invoices up on a second connection (PostgreSQL).

That connection sees the ledger as committed before the import: the open states the import itself
gives its lines come from the chunks not yet written (in memory) and from the staged lines (read by
the writer), and the result must be what the import's own connection gives (test_imports.py).
"""

from __future__ import annotations

import datetime as dt
import io
import threading
import time
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import connection, connections

from ardesk.accounts.roles import sync_all_roles
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger import open_state, services
from ardesk.ledger.imports import base, credits
from ardesk.ledger.imports.credits import LineMarks
from ardesk.ledger.imports.engine import run_import
from ardesk.ledger.models import Allocation, Document, DueLine
from ardesk.ledger.tests.test_imports import EARLIER_RECEIPT, INVOICES, RECEIPTS_OVER_CHUNKS


def run(kind, text, company, user, progress=None):
    return run_import(
        kind=kind, handle=io.BytesIO(text.encode()), file_name="f.csv", company=company, user=user, progress=progress
    )


def _open_state():
    lines = sorted(DueLine.objects.values_list("id", "open_now", "open_functional_now", "settled_on"))
    credits_ = sorted(Document.objects.filter(amount__lt=0).values_list("id", "unapplied_now", "settled_on"))
    return lines, credits_


@pytest.fixture
def readers(monkeypatch):
    """The look-ups each import's second connection ran (one list an import)."""
    made = []

    class CountingReader(credits.Reader):
        def __init__(self):
            super().__init__()
            self.jobs = 0
            made.append(self)

        def submit(self, job, *, failed):
            self.jobs += 1

            def noted(cursor):
                self.connection = connections["default"]  # the reader thread's own
                job(cursor)

            super().submit(noted, failed=failed)

    monkeypatch.setattr(credits, "Reader", CountingReader)
    return made


@pytest.fixture
def ledger(django_db_setup, company, persona):
    """Committed invoices, and an earlier import's later-dated receipt on INV-2."""
    if connection.vendor != "postgresql":
        pytest.skip("the second connection is PostgreSQL's (SQLite imports on one connection, one writer at a time)")
    sync_all_roles(apps)  # an earlier transactional test's flush removed the role groups the migrations made
    accountant = persona("accountant")
    CustomerFactory(company=company, code="C1")
    CustomerFactory(company=company, code="C2")
    assert run("invoices", INVOICES, company, accountant).ok
    assert run("receipts", EARLIER_RECEIPT, company, accountant).ok
    return company, accountant


@pytest.mark.django_db(transaction=True)
def test_lines_paid_over_chunks_still_being_written_end_as_a_full_refresh_leaves_them(ledger, readers, monkeypatch):
    company, accountant = ledger
    monkeypatch.setattr(base, "CHUNK", 1)
    stage_lines = credits.stage_lines

    def slow_stage_lines(cursor, columns):  # the look-ups run while earlier chunks are still being written
        time.sleep(0.05)
        stage_lines(cursor, columns)

    monkeypatch.setattr(credits, "stage_lines", slow_stage_lines)
    receipts = RECEIPTS_OVER_CHUNKS + "R-6,C1,2024-02-05,CNY,20,INV-1\n"
    report = run("receipts", receipts, company, accountant)
    assert [(p.line, p.field) for p in report.problems] == [(7, "invoice")]  # INV-1 was paid in full by R-5
    assert not Document.objects.filter(number__in=["R-1", "R-2", "R-3", "R-4", "R-5"]).exists()
    report = run("receipts", receipts.rsplit("R-6", 1)[0], company, accountant)
    assert report.ok, report.problems
    assert readers[-1].jobs == 5  # every chunk's invoices looked up on the second connection
    assert readers[-1].connection is not connections["default"] and readers[-1].connection.connection is None  # closed
    state = {
        number: (open_now, settled_on)
        for number, open_now, settled_on in DueLine.objects.values_list("document__number", "open_now", "settled_on")
    }
    assert state == {
        "INV-1": (0, dt.date(2024, 2, 3)),  # 200.50 + 900 + 100.00 of R-5's 100.50
        "INV-2": (0, dt.date(2024, 3, 10)),  # R-0 (earlier import, later date) and R-1
        "INV-3": (4999, None),
    }
    taken = dict(Allocation.objects.filter(source__number__startswith="R-").values_list("source__number", "amount"))
    assert taken == {"R-0": 10000, "R-1": 20000, "R-2": 20050, "R-3": 90000, "R-4": 5000, "R-5": 10000}
    assert Document.objects.get(number="R-5").unapplied_now == 50
    imported = _open_state()
    open_state.lines_refresh(DueLine.objects.all())
    open_state.credits_refresh(Document.objects.all())
    assert _open_state() == imported


@pytest.mark.django_db(transaction=True)
def test_a_failed_look_up_fails_the_import_and_writes_nothing(ledger, readers, monkeypatch):
    company, accountant = ledger
    monkeypatch.setattr(base, "CHUNK", 1)
    read = credits.selectors.open_line_rows
    calls = []

    def failing_second_read(cursor, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("the connection was lost")
        return read(cursor, **kwargs)

    monkeypatch.setattr(credits.selectors, "open_line_rows", failing_second_read)
    receipts = """number,customer,date,currency,amount,invoice
R-1,C1,2024-02-01,CNY,100,INV-1
R-2,C2,2024-02-02,CNY,10,INV-3
"""
    with pytest.raises(RuntimeError, match="connection was lost"):
        run("receipts", receipts, company, accountant)
    assert not Document.objects.filter(number__in=["R-1", "R-2"]).exists()
    assert DueLine.objects.get(document__number="INV-1").open_now == 120050


@pytest.mark.django_db(transaction=True)
def test_an_allocation_made_by_hand_while_the_import_runs_stops_it_and_stays(ledger, monkeypatch):
    """The import allocates INV-1 from the open amount it read; someone allocates to it meanwhile and
    commits: writing the import's open amount would lose that allocation and over-allocate the invoice."""
    company, accountant = ledger
    monkeypatch.setattr(base, "CHUNK", 1)
    receipts = """number,customer,date,currency,amount,invoice
R-1,C1,2024-02-01,CNY,1000,INV-1
R-2,C2,2024-02-02,CNY,10,INV-3
"""
    line = DueLine.objects.get(document__number="INV-1")
    by_hand = services.document_post(
        by=accountant,
        company=company,
        customer=line.customer,
        doc_type="receipt",
        number="R-HAND",
        issue_on=dt.date(2024, 2, 1),
        currency="CNY",
        amount="500.00",
    )

    def someone_allocates(rows):
        if rows != 1:
            return

        def allocate():
            try:
                services.allocation_create(
                    by=accountant, source=by_hand, line=line, amount=Decimal("500.00"), on=dt.date(2024, 2, 1)
                )
            finally:
                connections.close_all()

        other = threading.Thread(target=allocate)
        other.start()
        other.join()

    report = run("receipts", receipts, company, accountant, progress=someone_allocates)
    assert [(p.line, p.field) for p in report.problems] == [(0, "file")]
    assert "while it was being imported" in report.problems[0].reason
    assert not Document.objects.filter(number__in=["R-1", "R-2"]).exists()
    line.refresh_from_db()
    assert line.open_now == 70050  # 1,200.50 less the 500 allocated by hand
    assert sum(a.amount for a in Allocation.objects.filter(line=line)) == 50000
    report = run("receipts", receipts, company, accountant)  # again: allocated to what is open now
    assert report.ok, report.problems
    line.refresh_from_db()
    assert line.open_now == 0 and Document.objects.get(number="R-1").unapplied_now == 29950


def test_an_import_inside_a_transaction_looks_up_on_its_own_connection(accountant, company, readers):
    """Invoices written earlier in the same transaction are not committed: a second connection would miss them."""
    CustomerFactory(company=company, code="C1")
    CustomerFactory(company=company, code="C2")
    assert run("invoices", INVOICES, company, accountant).ok
    report = run(
        "receipts",
        "number,customer,date,currency,amount,invoice\nR-1,C1,2024-02-01,CNY,100,INV-1\n",
        company,
        accountant,
    )
    assert report.ok, report.problems
    assert readers == []
    assert DueLine.objects.get(document__number="INV-1").open_now == 110050


def test_line_marks():
    marks = LineMarks()
    assert not marks.marked(1)
    marks.mark([3, 17, 8_000_000])
    assert [pk for pk in (1, 3, 16, 17, 18, 7_999_999, 8_000_000, 8_000_001) if marks.marked(pk)] == [3, 17, 8_000_000]
    assert len(marks.bits) < 1_300_000  # a bit a line
    marks.mark([])
    marks.mark([LineMarks.LIMIT + 5])  # past the limit: counted as marked, nothing stored
    assert marks.marked(LineMarks.LIMIT + 5) and marks.marked(LineMarks.LIMIT * 4)
    assert len(marks.bits) < 1_300_000
    marks.mark([LineMarks.LIMIT + 1, 9_000_000])  # with one past the limit, the others are still stored
    assert marks.marked(9_000_000) and not marks.marked(9_000_001)
    assert len(marks.bits) < 1_700_000
