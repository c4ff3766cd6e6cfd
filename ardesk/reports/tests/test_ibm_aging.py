"""IBM's AR sample: the aging on past dates equals an independent bucketing of the file's rows.

An invoice is open on a date D when InvoiceDate <= D < SettledDate (the converter dates each
receipt on the settled date and allocates it whole); its days past due are D - DueDate.
"""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

import pytest

from ardesk.ledger.imports.engine import run_import
from ardesk.ledger.imports.ibm import convert
from ardesk.reports import domain, selectors


def day(text: str) -> dt.date:
    month, d, year = (int(p) for p in text.split("/"))
    return dt.date(year, month, d)


@pytest.mark.django_db
def test_aging_of_the_ibm_sample_on_past_dates_matches_the_file(shared_data, tmp_path, accountant, company):
    source = shared_data / "ibm_accounts_receivable" / "WA_Fn-UseC_-Accounts-Receivable.csv"
    convert(source, tmp_path)
    for kind in ("customers", "invoices", "receipts"):
        with (tmp_path / f"{kind}.csv").open("rb") as handle:
            assert run_import(kind=kind, handle=handle, file_name=f"{kind}.csv", company=company, user=accountant).ok
    rows = list(csv.DictReader(source.open(encoding="utf-8")))
    bucket_set = selectors.bucket_set_named()
    rules = selectors.bucket_rules(bucket_set)
    for as_of in (dt.date(2012, 6, 30), dt.date(2013, 3, 31), dt.date(2013, 9, 30), dt.date(2013, 12, 31)):
        limits = domain.limits(rules, as_of)
        expected = {rule.key: Decimal(0) for rule in rules}
        for r in rows:
            if day(r["InvoiceDate"]) <= as_of < day(r["SettledDate"]):
                expected[rules[domain.bucket_index(day(r["DueDate"]), limits)].key] += Decimal(r["InvoiceAmount"])
        report = selectors.aging(as_of=as_of, company_ids=[company.pk], bucket_set=bucket_set)
        got = {key: Decimal(value) / 100 for key, value in report.totals.items() if key != domain.UNAPPLIED}
        assert got == expected, as_of
        assert report.totals[domain.UNAPPLIED] == 0
        assert report.difference == 0
        assert sum(expected.values()) > 0
