"""ardesk convert_ibm SOURCE.csv --out DIR: IBM's AR sample as ARdesk import files."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ardesk.ledger.imports.ibm import convert


class Command(BaseCommand):
    help = "Convert IBM's Accounts Receivable sample (WA_Fn-UseC_-Accounts-Receivable.csv) to import files."

    def add_arguments(self, parser):
        parser.add_argument("source")
        parser.add_argument("--out", required=True)
        parser.add_argument("--currency", default="CNY")

    def handle(self, *args, source, out, currency, **options):
        path = Path(source)
        if not path.is_file():
            raise CommandError(f"No file {source}")
        counts = convert(path, Path(out), currency)
        self.stdout.write(", ".join(f"{n} {kind}" for kind, n in counts.items()) + f" written to {out}")
