"""A company with a crafted payment history, loaded through the ledger's own import.

Forty customers, 36 monthly 30-day invoices each from April 2021 to March 2024. Twenty pay
steadily 5 days late. Twenty paid on time until their last sixteen invoices, which slipped to 30, 35,
then 40 days late. Two customers have an invoice open on 15 June 2024: STEADY-00 (120,000, 20 days overdue) and
SLIP-00 (100,000, 5 days overdue).
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
            for k, issued in enumerate(_months(dt.date(2021, 4, 1), 36)):
                due = issued + dt.timedelta(days=30)
                late = 5 if kind == "STEADY" else (0 if k < 20 else min(30 + 5 * (k - 20), 40))
                number = f"{code}-{k:02d}"
                amount = 1000 + 37 * ((n * 7 + k * 3) % 11)
                invoices.append((number, code, issued, due, "CNY", amount, ""))
                receipts.append((f"R{number}", code, due + dt.timedelta(days=late), "CNY", amount, "", number))
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
