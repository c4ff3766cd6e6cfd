"""A company with a crafted payment history, loaded through the ledger's own import.

Forty customers, a monthly 30-day invoice each from April 2021 to May 2024, paid by 15 June 2024
(the day asked) or still open. Twenty pay steadily 5 days late. Twenty paid on time until
December 2022, then 30, 35 and from then on 40 days late (their May invoices, due 31 May, are open).
Two more invoices are open: STEADY-00's 120,000 (due 26 May, 20 days overdue) and SLIP-00's 100,000
(due 10 June, 5 days overdue).
"""

from __future__ import annotations

import datetime as dt

import pytest

from ardesk.ledger.imports.engine import run_import

AS_OF = dt.date(2024, 6, 15)


def _months(start: dt.date, n: int) -> list[dt.date]:
    return [dt.date(start.year + (start.month - 1 + k) // 12, (start.month - 1 + k) % 12 + 1, 1) for k in range(n)]


def _write(path, header, rows):
    path.write_text("\n".join([",".join(header)] + [",".join(str(c) for c in r) for r in rows]) + "\n", "utf-8")


@pytest.fixture
def crafted(tmp_path, settings, company, accountant):
    settings.ARDESK_INSIGHTS_DIR = str(tmp_path / "models")
    customers, invoices, receipts = [], [], []
    for kind in ("STEADY", "SLIP"):
        for n in range(20):
            code = f"{kind}-{n:02d}"
            customers.append((code, f"{kind.title()} customer {n}", "CNY"))
            for k, issued in enumerate(_months(dt.date(2021, 4, 1), 38)):
                due = issued + dt.timedelta(days=30)
                late = 5 if kind == "STEADY" else (0 if k < 20 else min(30 + 5 * (k - 20), 40))
                number = f"{code}-{k:02d}"
                amount = 1000 + 37 * ((n * 7 + k * 3) % 11)
                invoices.append((number, code, issued, due, "CNY", amount, ""))
                paid_on = due + dt.timedelta(days=late)
                if paid_on <= AS_OF:
                    receipts.append((f"R{number}", code, paid_on, "CNY", amount, "", number))
    invoices.append(("STEADY-00-OPEN", "STEADY-00", dt.date(2024, 4, 26), dt.date(2024, 5, 26), "CNY", 120000, ""))
    invoices.append(("SLIP-00-OPEN", "SLIP-00", dt.date(2024, 5, 11), dt.date(2024, 6, 10), "CNY", 100000, ""))
    _write(tmp_path / "customers.csv", ["code", "name", "currency"], customers)
    _write(
        tmp_path / "invoices.csv",
        ["number", "customer", "issue_date", "due_date", "currency", "amount", "external_ref"],
        invoices,
    )
    _write(
        tmp_path / "receipts.csv",
        ["number", "customer", "date", "currency", "amount", "external_ref", "invoice"],
        receipts,
    )
    for kind in ("customers", "invoices", "receipts"):
        path = tmp_path / f"{kind}.csv"
        with path.open("rb") as handle:
            report = run_import(kind=kind, handle=handle, file_name=path.name, company=company, user=accountant)
        assert report.ok, report.problems[:5]
    return company
