"""ardesk generate: write large demo data sets as import files, for benchmarks and trials."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import time
from contextlib import ExitStack
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ardesk.demo.bank_generator import bank_lines, write_statements
from ardesk.demo.generator import demo_customers
from ardesk.demo.ledger_generator import TERMS, LedgerGenerator, usd_rates

CUSTOMER_HEADERS = ["code", "name", "uscc", "currency", "payment_terms", "parent_code", "collector"]
INVOICE_HEADERS = [
    "number",
    "customer",
    "issue_date",
    "due_date",
    "currency",
    "amount",
    "external_ref",
    "cost",
    "payment_terms",
    "order_ref",
    "medium",
]
CREDIT_HEADERS = ["number", "customer", "date", "currency", "amount", "external_ref", "invoice"]
ALLOCATION_HEADERS = ["receipt", "invoice", "amount", "date"]
FILES = {
    "customers": ("customers.csv", CUSTOMER_HEADERS),
    "invoices": ("invoices.csv", INVOICE_HEADERS),
    "receipts": ("receipts.csv", CREDIT_HEADERS),
    "credit-notes": ("credit-notes.csv", CREDIT_HEADERS),
    "allocations": ("allocations.csv", ALLOCATION_HEADERS),
}


class MonthFiles:
    """Rows spread over one temporary file per month of their date, then written back in date order.

    Receipts are generated customer by customer; an ERP exports them by payment date. Sorting a
    month's rows at a time keeps memory flat (a month of a million-receipt file is about 40,000 rows).
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self.handles: dict[str, object] = {}
        self.writers: dict[str, object] = {}

    def __enter__(self) -> MonthFiles:
        self.folder.mkdir(exist_ok=True)
        return self

    def write(self, rows) -> None:
        for row in rows:
            month = row[2][:7]
            if month not in self.writers:
                self.handles[month] = (self.folder / f"{month}.csv").open("w", newline="", encoding="utf-8")
                self.writers[month] = csv.writer(self.handles[month])
            self.writers[month].writerow(row)

    def sorted_into(self, writer) -> None:
        """Write every row to ``writer`` by date, then number (months in order, each sorted in memory)."""
        for handle in self.handles.values():
            handle.close()
        for month in sorted(self.handles):
            with (self.folder / f"{month}.csv").open(newline="", encoding="utf-8") as handle:
                writer.writerows(sorted(csv.reader(handle), key=lambda row: (row[2], row[0])))

    def __exit__(self, *exc) -> None:
        for month, handle in self.handles.items():
            handle.close()
            (self.folder / f"{month}.csv").unlink(missing_ok=True)
        self.folder.rmdir()


class Command(BaseCommand):
    help = (
        "Write generated customers and, with --invoices, 24 months of their invoices, receipts, credit notes "
        "and allocations as CSV import files (import them in that order)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--customers", type=int, default=1000)
        parser.add_argument("--invoices", type=int, default=0, help="Exactly this many invoices, spread evenly")
        parser.add_argument("--out", required=True, help="Directory to write the files to")
        parser.add_argument("--seed", type=int, default=20240101)
        parser.add_argument(
            "--anchor",
            type=dt.date.fromisoformat,
            default=dt.date(2026, 1, 1),
            help="Reference date for generated dates (YYYY-MM-DD): the 24 months end on it",
        )
        parser.add_argument(
            "--receipts-order",
            choices=["payment-date", "customer"],
            default="payment-date",
            help=(
                "Receipts in the order they were received, as an ERP exports them (default), or grouped by "
                "customer (each chunk of an import then touches few customers' invoices: a friendlier order)"
            ),
        )
        parser.add_argument(
            "--payment-terms",
            action="store_true",
            help=(
                "Name the payment term codes (" + ", ".join(t.code for t in TERMS) + ") in the files; "
                "they must then exist where the files are imported. Due dates are always written."
            ),
        )

        parser.add_argument(
            "--bank-months",
            type=int,
            default=0,
            help=(
                "With --invoices: also write the company's bank statements for the receipts of the last N months "
                "(bank/statement-YYYY-MM.csv, GBK, overlapping by a few days) and bank/bank-ground-truth.csv"
            ),
        )

        parser.add_argument(
            "--foreign-share",
            type=int,
            default=0,
            help=(
                "Percent of the customers (every n-th) who buy in USD; with it, rates.csv holds the business-day "
                "USD/CNY rates, to enter before the invoices are imported"
            ),
        )

    def handle(
        self,
        *args,
        customers,
        invoices,
        out,
        seed,
        anchor,
        payment_terms,
        bank_months,
        receipts_order,
        foreign_share,
        **options,
    ):
        if customers < 1:
            raise CommandError("--customers must be at least 1")
        if invoices < 0:
            raise CommandError("--invoices cannot be negative")
        started = time.perf_counter()
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        kinds = list(FILES) if invoices else ["customers"]
        counts = dict.fromkeys(kinds, 0)
        generator = LedgerGenerator(anchor=anchor, seed=seed)
        each, extra = divmod(invoices, customers)
        paid_by: list = []
        known: dict = {}
        if not 0 <= foreign_share <= 100:
            raise CommandError("--foreign-share is a percent, 0 to 100")
        every = round(100 / foreign_share) if foreign_share else 0
        if every:
            with (folder / "rates.csv").open("w", newline="", encoding="utf-8") as handle:
                rates = csv.writer(handle)
                rates.writerow(["currency", "quote_currency", "date", "rate"])
                rates.writerows(
                    [r.currency, r.quote_currency, r.rate_on.isoformat(), r.rate]
                    for r in usd_rates(start=generator.start, end=anchor, seed=seed)
                )
        with ExitStack() as stack:
            writers = {}
            by_month = stack.enter_context(MonthFiles(folder / ".receipts-by-month"))
            for kind in kinds:
                name, headers = FILES[kind]
                handle = stack.enter_context((folder / name).open("w", newline="", encoding="utf-8"))
                writers[kind] = csv.writer(handle)
                writers[kind].writerow(headers)
            # One customer at a time: its rows are written and dropped, so memory stays flat for any size.
            for index, row in enumerate(demo_customers(count=customers, seed=seed, anchor=anchor, companies=("SH01",))):
                if every and index % every == every - 1:
                    row = dataclasses.replace(row, currency="USD")
                ledger = generator.customer_ledger(row, invoices=each + (index < extra)) if invoices else None
                term = ledger.payment_term if ledger and payment_terms else ""
                writers["customers"].writerow(
                    [row.code, row.name, row.uscc, row.currency, term, row.parent_code, row.collector]
                )
                counts["customers"] += 1
                if ledger is None:
                    continue
                if bank_months:
                    known[row.code] = row
                    paid_by.append((row, ledger))
                writers["invoices"].writerows(
                    [
                        i.number,
                        i.customer,
                        i.issue_on.isoformat(),
                        i.due_on.isoformat(),
                        i.currency,
                        i.amount,
                        i.external_ref,
                        i.cost,
                        i.payment_term if payment_terms else "",
                        i.order_ref,
                        # Most invoices are electronic (数电票); one in five, by its number, on paper.
                        "paper" if i.number[-1] in "05" else "electronic",
                    ]
                    for i in ledger.invoices
                )
                for kind, credits in (("receipts", ledger.receipts), ("credit-notes", ledger.credit_notes)):
                    if kind == "receipts" and receipts_order == "payment-date":
                        by_month.write(
                            [
                                c.number,
                                c.customer,
                                c.issue_on.isoformat(),
                                c.currency,
                                c.amount,
                                c.external_ref,
                                c.invoice,
                            ]
                            for c in credits
                        )
                        counts[kind] += len(credits)
                        continue
                    writers[kind].writerows(
                        [c.number, c.customer, c.issue_on.isoformat(), c.currency, c.amount, c.external_ref, c.invoice]
                        for c in credits
                    )
                    counts[kind] += len(credits)
                writers["allocations"].writerows(
                    [a.source, a.invoice, a.amount, a.allocated_on.isoformat()] for a in ledger.allocations
                )
                counts["invoices"] += len(ledger.invoices)
                counts["allocations"] += len(ledger.allocations)
            if "receipts" in writers and receipts_order == "payment-date":
                by_month.sorted_into(writers["receipts"])
        for kind in kinds:
            self.stdout.write(f"Wrote {counts[kind]:>10,} rows to {folder / FILES[kind][0]}")
        if bank_months and invoices:
            since = (anchor.replace(day=1) - dt.timedelta(days=31 * (bank_months - 1))).replace(day=1)
            written = write_statements(bank_lines(paid_by, seed=seed, parents=known, since=since), folder / "bank")
            self.stdout.write(
                f"Wrote {written['lines']:>10,} bank lines in {written['statements']} statements to {folder / 'bank'}"
            )
        self.stdout.write(f"Done in {time.perf_counter() - started:.1f} s.")
