"""IBM's AR sample, converted and imported: everything loads and the totals match the file."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

import pytest

from ardesk.customers.models import Customer
from ardesk.ledger import selectors
from ardesk.ledger.imports.engine import run_import
from ardesk.ledger.imports.ibm import convert
from ardesk.ledger.models import Allocation, Document


def run(kind, path, company, user):
    with path.open("rb") as handle:
        return run_import(kind=kind, handle=handle, file_name=path.name, company=company, user=user)


@pytest.mark.django_db
def test_the_ibm_sample_imports_completely_and_reconciles(shared_data, tmp_path, accountant, company):
    source = shared_data / "ibm_accounts_receivable" / "WA_Fn-UseC_-Accounts-Receivable.csv"
    counts = convert(source, tmp_path)
    assert counts == {"customers": 100, "invoices": 2466, "receipts": 2466}
    for kind, name in (("customers", "customers.csv"), ("invoices", "invoices.csv"), ("receipts", "receipts.csv")):
        report = run(kind, tmp_path / name, company, accountant)
        assert report.ok, report.problems[:5]
    assert Customer.objects.filter(company=company).count() == 100
    assert Document.objects.filter(doc_type="invoice").count() == 2466
    assert Document.objects.filter(number="0000611365").exists()  # leading zeros kept
    assert Allocation.objects.count() == 2466

    rows = list(csv.DictReader(source.open(encoding="utf-8")))

    def day(text):
        month, d, year = (int(p) for p in text.split("/"))
        return dt.date(year, month, d)

    total = sum((Decimal(r["InvoiceAmount"]) for r in rows), Decimal(0))
    assert total == Decimal("147703.18")
    invoiced = Document.objects.filter(doc_type="invoice").values_list("amount", flat=True)
    assert sum(invoiced) == 14770318
    for as_of in (dt.date(2012, 6, 30), dt.date(2013, 3, 31), dt.date(2013, 12, 31), dt.date(2014, 1, 31)):
        expected = sum(
            (Decimal(r["InvoiceAmount"]) for r in rows if day(r["InvoiceDate"]) <= as_of < day(r["SettledDate"])),
            Decimal(0),
        )
        balance = selectors.balance_minor(as_of=as_of, company_ids=[company.pk])
        open_total = sum(line.open_amount for line in selectors.open_lines(as_of=as_of, company_ids=[company.pk]))
        assert Decimal(balance) / 100 == expected == Decimal(open_total) / 100, as_of
    again = run("invoices", tmp_path / "invoices.csv", company, accountant)
    assert again.ok and again.created == 0 and again.unchanged == 2466
