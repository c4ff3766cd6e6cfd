"""ardesk statements --company CODE --from YYYY-MM-DD --to YYYY-MM-DD (--out DIR | --customer CODE --format json)

Statements of account (对账单): one file per customer with a balance or a movement in the period, or
one customer's statement as a file or as JSON on standard output.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ardesk.companies.models import Company
from ardesk.core.errors import ApplicationError
from ardesk.core.progress import progress_bar
from ardesk.customers.models import Customer
from ardesk.ledger import statement_files, statements


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"{value} is not a date: use YYYY-MM-DD") from exc


class Command(BaseCommand):
    help = "Write statements of account for a company's customers, or print one customer's statement."

    def add_arguments(self, parser):
        parser.add_argument("--company", required=True, help="Company code")
        parser.add_argument("--from", dest="date_from", required=True, help="First day of the period, YYYY-MM-DD")
        parser.add_argument("--to", dest="date_to", required=True, help="Last day of the period, YYYY-MM-DD")
        parser.add_argument("--customer", help="Customer code: only this customer's statement")
        parser.add_argument("--out", help="Folder for the files (created if missing)")
        parser.add_argument(
            "--language", choices=[code for code, _name in settings.LANGUAGES], default=settings.LANGUAGE_CODE
        )
        parser.add_argument("--format", dest="file_format", choices=["pdf", "xlsx", "json"], default="pdf")

    def handle(self, *args, company, date_from, date_to, customer, out, language, file_format, **options):
        target = Company.objects.filter(code=company).first()
        if target is None:
            raise CommandError(f"No company {company}")
        start, end = _date(date_from), _date(date_to)
        if start > end:
            raise CommandError(f"The period starts ({start}) after it ends ({end})")
        if customer:
            self._one(target, customer, start, end, out, language, file_format)
            return
        if file_format == "json":
            raise CommandError("--format json prints one statement: name the customer with --customer CODE")
        if not out:
            raise CommandError("Name the folder for the files with --out DIR")
        self._bulk(target, start, end, out, language, file_format)

    def _one(self, company, code, start, end, out, language, file_format) -> None:
        customer = Customer.objects.select_related("company").filter(company=company, code=code).first()
        if customer is None:
            raise CommandError(f"No customer {code} in {company.code}")
        try:
            statement = statements.statement(customer=customer, date_from=start, date_to=end)
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        if file_format == "json":
            self.stdout.write(json.dumps(statements.statement_json(statement), ensure_ascii=False, indent=2))
            return
        if not out:
            raise CommandError("Name the folder for the file with --out DIR")
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / statement_files.file_name(customer, start, end, file_format)
        path.write_bytes(statement_files.RENDERERS[file_format](statement, language))
        self.stdout.write(str(path))

    def _bulk(self, company, start, end, out, language, file_format) -> None:
        started = time.monotonic()
        try:
            with progress_bar(self.stderr, label=_("Statements")) as bar:
                paths = statement_files.statements_bulk(
                    company=company,
                    date_from=start,
                    date_to=end,
                    out_dir=out,
                    language=language,
                    progress=lambda done, total: bar.update(done, total=total, note=f"{done:,}/{total:,}"),
                    file_format=file_format,
                )
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        seconds = time.monotonic() - started
        self.stdout.write(
            f"{company.code}: {len(paths):,} statements ({file_format}, {language}) for {start} – {end} "
            f"written to {out} in {seconds:.1f} s."
        )
