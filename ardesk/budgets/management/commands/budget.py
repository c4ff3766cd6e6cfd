"""ardesk budget import|export

ardesk budget import FILE --company CODE --year YYYY [--version N] --user USERNAME
    Replace the lines of a draft budget (the year's latest draft, or revision N) by a CSV or XLSX file
    with English or Chinese headers; all or nothing: every problem is listed by row, field and reason.
ardesk budget export --company CODE --year YYYY [--version N] [--format csv|xlsx] [--output FILE]
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from ardesk.budgets import services
from ardesk.budgets.commands import company_named, write
from ardesk.budgets.errors import ImportRejected
from ardesk.budgets.models import BudgetVersion
from ardesk.core import exports
from ardesk.core.errors import ApplicationError


class Command(BaseCommand):
    help = "Budgets: import a budget file into a draft, export a version."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Import a budget file into a draft version")
        imp.add_argument("file")
        exp = sub.add_parser("export", help="Export a budget version")
        for p in (imp, exp):
            p.add_argument("--company", help="Company code")
            p.add_argument("--year", type=int, required=True)
            p.add_argument("--version", type=int, dest="revision", help="Revision number (latest otherwise)")
            p.add_argument("--language", default="zh-hans")
        imp.add_argument("--user", required=True, help="Who imports (the audit trail names them)")
        exp.add_argument("--format", dest="file_format", choices=["csv", "xlsx"], default="csv")
        exp.add_argument("--output")

    def version(self, options) -> BudgetVersion:
        company = company_named(options["company"])
        versions = BudgetVersion.objects.filter(company=company, year=options["year"]).select_related("company")
        if options["revision"] is not None:
            versions = versions.filter(revision=options["revision"])
        found = versions.order_by("-revision").first()
        if found is None:
            raise CommandError(f"No budget of {company.code} for {options['year']}")
        return found

    def handle(self, *args, **options):
        with translation.override(options["language"]):
            version = self.version(options)
            if options["action"] == "export":
                headers, rows = services.budget_rows(version)
                data = (
                    exports.csv_bytes([headers, *rows])
                    if options["file_format"] == "csv"
                    else exports.data_xlsx(headers, rows, sheet_title="budget")
                )
                write(self.stdout, data, options["output"])
                return
            user = get_user_model().objects.filter(username=options["user"], is_active=True).first()
            if user is None:
                raise CommandError(f"No active user {options['user']}")
            try:
                with open(options["file"], "rb") as handle:
                    count = services.budget_import(by=user, version=version, handle=handle, file_name=options["file"])
            except ImportRejected as exc:
                for problem in exc.problems:
                    self.stderr.write(f"row {problem['row']} {problem['field']}: {problem['reason']}")
                raise CommandError(exc.message) from exc
            except ApplicationError as exc:
                raise CommandError(exc.message) from exc
            self.stdout.write(f"Imported {count} lines into {version}")
