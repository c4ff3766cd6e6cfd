"""Convert IBM's "Accounts Receivable" sample (late-payment histories) to ARdesk's import files.

The sample holds 2,466 settled invoices of 100 customers. Each row becomes a customer (once), an
invoice, and a receipt on the settled date that names the invoice, so importing the three files
rebuilds the history: every invoice open from its date until it was paid. The sample's amounts
carry no currency; they are imported in the currency given (CNY by default). ``PaperlessBill``
becomes the invoice's medium (electronic or paper). ``Disputed`` has no date in the sample (nothing
says when the dispute was raised), so it is left out rather than dated by guess.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path


def _date(text: str) -> str:
    month, day, year = (int(part) for part in text.split("/"))
    return dt.date(year, month, day).isoformat()


def convert(source: Path, out_dir: Path, currency: str = "CNY") -> dict[str, int]:
    """Write customers.csv, invoices.csv and receipts.csv; return the row counts."""
    out_dir.mkdir(parents=True, exist_ok=True)
    customers: dict[str, str] = {}
    counts = {"customers": 0, "invoices": 0, "receipts": 0}
    with (
        source.open(newline="", encoding="utf-8") as handle,
        (out_dir / "invoices.csv").open("w", newline="", encoding="utf-8") as invoices_file,
        (out_dir / "receipts.csv").open("w", newline="", encoding="utf-8") as receipts_file,
    ):
        invoices = csv.writer(invoices_file)
        receipts = csv.writer(receipts_file)
        invoices.writerow(
            ["number", "customer", "issue_date", "due_date", "currency", "amount", "external_ref", "medium"]
        )
        receipts.writerow(["number", "customer", "date", "currency", "amount", "external_ref", "invoice"])
        for row in csv.DictReader(handle):
            customer = row["customerID"].strip()
            customers.setdefault(customer, row["countryCode"].strip())
            number = row["invoiceNumber"].strip()  # text: the leading zeros are part of the number
            invoices.writerow(
                [
                    number,
                    customer,
                    _date(row["InvoiceDate"]),
                    _date(row["DueDate"]),
                    currency,
                    row["InvoiceAmount"].strip(),
                    f"IBM-{number}",
                    "electronic" if row["PaperlessBill"].strip() == "Electronic" else "paper",
                ]
            )
            receipts.writerow(
                [
                    f"RC-{number}",
                    customer,
                    _date(row["SettledDate"]),
                    currency,
                    row["InvoiceAmount"].strip(),
                    f"IBM-RC-{number}",
                    number,
                ]
            )
            counts["invoices"] += 1
            counts["receipts"] += 1
    with (out_dir / "customers.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["code", "name", "currency"])
        for code, country in sorted(customers.items()):
            writer.writerow([code, f"IBM sample customer {code} (country {country})", currency])
    counts["customers"] = len(customers)
    return counts
