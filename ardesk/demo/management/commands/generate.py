"""ardesk generate: write large demo data sets as import files, for benchmarks and trials."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ardesk.demo.generator import demo_customers

CUSTOMER_HEADERS = ["code", "name", "uscc", "currency", "payment_terms", "parent_code", "collector"]


class Command(BaseCommand):
    help = "Write generated customers (and, once the ledger exists, invoices) as CSV import files."

    def add_arguments(self, parser):
        parser.add_argument("--customers", type=int, default=1000)
        parser.add_argument("--invoices", type=int, default=0)
        parser.add_argument("--out", required=True, help="Directory to write the files to")
        parser.add_argument("--seed", type=int, default=20240101)
        parser.add_argument(
            "--anchor",
            type=dt.date.fromisoformat,
            default=dt.date(2026, 1, 1),
            help="Reference date for generated dates (YYYY-MM-DD)",
        )

    def handle(self, *args, customers, invoices, out, seed, anchor, **options):
        if customers < 1:
            raise CommandError("--customers must be at least 1")
        if invoices:
            raise CommandError(
                "Invoice files need the receivables ledger, which this version does not have yet; "
                "run with --invoices 0 for customers only."
            )
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "customers.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(CUSTOMER_HEADERS)
            for row in demo_customers(count=customers, seed=seed, anchor=anchor, companies=("SH01",)):
                writer.writerow([row.code, row.name, row.uscc, row.currency, "", row.parent_code, row.collector])
        self.stdout.write(f"Wrote {customers} customers to {path}")
