"""ardesk bank import FILE --account ACCOUNT [--company CODE] --by USERNAME [--dry-run] [--format table|json]

Reads a bank statement (online-banking CSV/XLSX, camt.053, MT940) into the bank account, checks its
balances, adds only the lines not imported before, and matches the new receipts: those the matcher
is sure of are posted and allocated, the rest wait on the cash desk. With --dry-run nothing is written.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from ardesk.banking import services
from ardesk.banking.models import BankAccount
from ardesk.core.errors import ApplicationError


class Command(BaseCommand):
    help = "Cash application: import a bank statement and match its receipts."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Import a bank statement file into a bank account")
        imp.add_argument("file")
        imp.add_argument("--account", required=True, help="The bank account's code (or its account number)")
        imp.add_argument("--company", help="The company's code, when several companies use the account code")
        imp.add_argument("--by", required=True, help="Username the import and the postings are recorded under")
        imp.add_argument("--dry-run", action="store_true", help="Check the file and count new lines; write nothing")
        imp.add_argument("--format", dest="output", choices=["table", "json"], default="table")
        imp.add_argument("--language", default="zh-hans")

    def handle(self, *args, **options):
        with translation.override(options["language"]):
            try:
                self.import_file(options)
            except ApplicationError as exc:
                raise CommandError(str(exc)) from exc

    def import_file(self, options) -> None:
        user = get_user_model().objects.filter(username=options["by"]).first()
        if user is None:
            raise CommandError(f"No user {options['by']}")
        accounts = BankAccount.objects.filter(code=options["account"]) | BankAccount.objects.filter(
            account_number=options["account"]
        )
        if options["company"]:
            accounts = accounts.filter(company__code=options["company"])
        found = list(accounts.select_related("company")[:2])
        if len(found) != 1:
            raise CommandError(
                f"No bank account {options['account']}" if not found else "Several accounts match: give --company"
            )
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No file {path}")
        result = services.statement_import(
            by=user, account=found[0], name=path.name, content=path.read_bytes(), dry_run=options["dry_run"]
        )
        summary = {
            "format": result.file_format,
            "lines": result.lines,
            "new": result.new,
            "already_imported": result.already,
            "matched_automatically": result.matched.get("auto", 0),
            "waiting": result.matched.get("queued", 0),
            "warnings": result.warnings,
            "problems": [{"row": p.row, "field": p.field, "message": p.message} for p in result.problems],
            "dry_run": options["dry_run"],
        }
        if options["output"] == "json":
            self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2))
        else:
            for key, value in summary.items():
                if key not in ("problems", "warnings"):
                    self.stdout.write(f"{key}: {value}")
            for warning in result.warnings:
                self.stdout.write(f"warning: {warning}")
        if result.problems:
            details = "\n".join(f"row {p.row}, {p.field}: {p.message}" for p in result.problems)
            raise CommandError(f"Nothing imported.\n{details}")
