"""ardesk import customers|invoices|receipts|credit-notes|allocations|credit-limits FILE [--company CODE] [--dry-run]

Kinds owned by a higher context (credit-limits) are registered from its AppConfig.ready().
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from ardesk.companies.models import Company
from ardesk.core.commands import CHECKS_BUT_URLS
from ardesk.core.progress import progress_bar
from ardesk.ledger.imports.engine import IMPORTERS, run_import


class Command(BaseCommand):
    help = "Import a CSV or XLSX file from the ERP. All or nothing: one bad row and nothing is written."
    requires_system_checks = CHECKS_BUT_URLS

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(IMPORTERS))
        parser.add_argument("file")
        parser.add_argument("--company", help="Company code (needed when there are several companies)")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and report, write nothing")
        parser.add_argument("--user", help="User name recorded as the importer (default: the first superuser)")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, kind, file, company, dry_run, user, format, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No file {file}")
        target = self._company(company)
        actor = self._user(user)
        started = time.monotonic()
        size = path.stat().st_size
        with (
            path.open("rb") as handle,
            progress_bar(self.stderr, label=f"{path.name}", total=size, enabled=format != "json") as bar,
        ):
            # The bar follows the bytes read from the file; the note counts the rows.
            report = run_import(
                kind=kind,
                handle=handle,
                file_name=path.name,
                company=target,
                user=actor,
                dry_run=dry_run,
                progress=lambda rows: bar.update(handle.tell(), note=f"{rows:,} rows"),
            )
        seconds = time.monotonic() - started
        if format == "json":
            self.stdout.write(json.dumps({**report.as_json(), "seconds": round(seconds, 2)}, ensure_ascii=False))
        else:
            for problem in report.problems:
                self.stdout.write(str(problem))
            if report.problem_count > len(report.problems):
                self.stdout.write(f"… and {report.problem_count - len(report.problems)} more problems")
            state = "checked (dry run)" if dry_run else ("imported" if report.ok else "NOT imported")
            self.stdout.write(
                f"{path.name}: {report.rows:,} rows {state} in {seconds:.1f} s: {report.created:,} new, "
                f"{report.unchanged:,} unchanged, {report.updated:,} updated, {report.problem_count:,} problems."
            )
            if report.ok and not dry_run and report.next_step:
                self.stdout.write(report.next_step)
            if report.ok and not dry_run and not report.written:
                self.stdout.write("Nothing changed: everything in the file was already in the ledger.")
        if not report.ok:
            sys.exit(1)

    def _company(self, code: str | None) -> Company:
        if code:
            company = Company.objects.filter(code=code).first()
            if company is None:
                raise CommandError(f"No company {code}")
            return company
        companies = list(Company.objects.all()[:2])
        if len(companies) != 1:
            raise CommandError("Name the company with --company CODE")
        return companies[0]

    def _user(self, username: str | None):
        users = get_user_model().objects.filter(is_active=True)
        user = users.filter(username=username).first() if username else users.filter(is_superuser=True).first()
        if user is None:
            raise CommandError(f"No active user {username}" if username else "Name the importing user with --user")
        return user
