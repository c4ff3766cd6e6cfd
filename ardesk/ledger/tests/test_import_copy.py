"""Rows an import writes through PostgreSQL's COPY text format are stored exactly as read (and as on SQLite)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ardesk.ledger.imports.copy import copy_line
from ardesk.ledger.models import Allocation, Document, DueLine, ExchangeRate
from ardesk.ledger.tests.test_imports import customers, run  # noqa: F401  (customers is a fixture)


def test_copy_line_writes_each_value_as_postgresql_reads_it():
    when = dt.datetime(2024, 3, 5, 1, 2, 3, 456000, tzinfo=dt.UTC)
    values = (7, "a\\b\tc\nd\re", dt.date(2024, 3, 5), when, Decimal("7.12345678"), None, "", -120050)
    assert copy_line(values) == (
        "7\ta\\\\b\\tc\\nd\\re\t2024-03-05\t2024-03-05T01:02:03.456000+00:00\t7.12345678\t\\N\t\t-120050"
    )


def test_text_with_copy_escapes_and_foreign_amounts_are_stored_as_read(accountant, company, customers):  # noqa: F811
    ExchangeRate.objects.create(currency="USD", quote_currency="CNY", rate_on=dt.date(2024, 1, 1), rate="7.1")
    invoices = (
        "number,customer,issue_date,due_date,currency,amount,external_ref,cost,order_ref\n"
        'INV\\1,C1,2024-01-05,2024-02-04,USD,100.10,ERP\\N,80,"SO\t1"\n'
        "INV-2,C2,2024-01-06,2024-02-05,CNY,300,,,\n"
    )
    report = run("invoices", invoices, company, accountant)
    assert report.ok, report.problems
    usd = Document.objects.get(number="INV\\1")
    assert (usd.external_ref, usd.order_ref, usd.cost, usd.amount) == ("ERP\\N", "SO\t1", 8000, 10010)
    assert (usd.rate, usd.functional_amount, usd.due_on) == (Decimal("7.1"), 71071, dt.date(2024, 2, 4))
    cny = Document.objects.get(number="INV-2")
    assert (cny.external_ref, cny.cost, cny.payment_term_id, cny.settled_on) == ("", None, None, dt.date(2024, 1, 6))
    line = DueLine.objects.get(document=usd)
    assert (line.amount, line.functional_amount, line.open_now, line.customer_id) == (
        10010,
        71071,
        10010,
        usd.customer_id,
    )
    receipts = "number,customer,date,currency,amount,invoice\nR\\\t1,C1,2024-02-01,USD,40,INV\\1\n"
    report = run("receipts", receipts, company, accountant)
    assert report.ok, report.problems
    receipt = Document.objects.get(doc_type="receipt")
    assert (receipt.number, receipt.reference, receipt.amount) == ("R\\\t1", "INV\\1", -4000)
    # 40 USD at 7.1: 284 CNY taken from the line and from the receipt; 60.10 USD stay open on the line
    assert (receipt.unapplied_now, receipt.functional_amount, receipt.settled_on) == (0, -28400, dt.date(2024, 2, 1))
    allocation = Allocation.objects.get()
    assert (allocation.source_id, allocation.line_id, allocation.amount) == (receipt.pk, line.pk, 4000)
    assert (allocation.functional_amount, allocation.source_functional_amount) == (28400, 28400)
    line.refresh_from_db()
    assert (line.open_now, line.open_functional_now, line.settled_on) == (6010, 42671, None)
