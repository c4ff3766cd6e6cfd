"""ardesk generate: write large demo data sets as import files, for benchmarks and trials."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import time
from contextlib import ExitStack
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

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
            "--payment-terms",
            action="store_true",
            help=(
                "Name the payment term codes (" + ", ".join(t.code for t in TERMS) + ") in the files; "
                "they must then exist where the files are imported. Due dates are always written."
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

    def handle(self, *args, customers, invoices, out, seed, anchor, payment_terms, foreign_share, **options):
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
                    ]
                    for i in ledger.invoices
                )
                for kind, credits in (("receipts", ledger.receipts), ("credit-notes", ledger.credit_notes)):
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
        for kind in kinds:
            self.stdout.write(f"Wrote {counts[kind]:>10,} rows to {folder / FILES[kind][0]}")
        self.stdout.write(f"Done in {time.perf_counter() - started:.1f} s.")
