"""ardesk report aging|kpi|snapshot ...

ardesk report aging --as-of YYYY-MM-DD [--basis due|document] [--buckets NAME]
    [--by customer|group|company|collector|currency] [--company CODE] [--currency ISO]
    [--format table|json|csv|xlsx|pdf] [--output FILE]
ardesk report kpi --from D1 --to D2 [--by company|customer|collector] [--company CODE] [--format ...]
ardesk report snapshot [--as-of YYYY-MM-DD]   (month-end aging snapshot; the last month end by default)
ardesk report NAME ...   (the reports other contexts register in ``reports.report_commands``: profitability)
ardesk report buckets list|export|import ...  (the aging's bucket sets as JSON: see reports/bucket_command.py)
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from ardesk.companies.models import Company
from ardesk.core import calendar, clock, exports
from ardesk.core.errors import ApplicationError
from ardesk.core.jsonout import write_json
from ardesk.reports import aging_output, bucket_command, kpi_command, report_commands, selectors, services


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"{value} is not a date: use YYYY-MM-DD") from exc


def company_ids(code: str | None) -> list[int]:
    companies = Company.objects.all()
    if code:
        companies = companies.filter(code=code)
        if not companies.exists():
            raise CommandError(f"No company {code}")
    return list(companies.values_list("pk", flat=True))


def write(stdout, data: bytes | str, output: str | None) -> None:
    if output:
        Path(output).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        stdout.write(f"Wrote {output}")
    elif isinstance(data, bytes):
        sys.stdout.buffer.write(data)
    else:
        stdout.write(data)


# Subcommands that write: they run Django's system checks first, as every command does by default.
# The read-only reports skip them (they would import every URL, view and API module: most of a second).
WRITING = {("snapshot", None), ("buckets", "import")}


class Command(BaseCommand):
    help = "Reports: aging as of a date, collection KPIs for a period, month-end aging snapshots."
    requires_system_checks = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="report", required=True)
        aging = sub.add_parser("aging", help="Aging as of a date")
        aging.add_argument("--as-of", dest="as_of", help="YYYY-MM-DD (today by default)")
        aging.add_argument("--basis", choices=["due", "document"], default="due")
        aging.add_argument("--buckets", help="Bucket set code (the basis's default set otherwise)")
        aging.add_argument("--by", choices=selectors.GROUPINGS, default="customer")
        aging.add_argument("--company", help="Company code (all companies otherwise)")
        aging.add_argument("--currency", help="Only items in this currency, in it (functional currency otherwise)")
        aging.add_argument(
            "--format", dest="file_format", choices=["table", "json", "csv", "xlsx", "pdf"], default="table"
        )
        aging.add_argument("--output", help="File to write (standard output otherwise)")
        aging.add_argument("--language", default="zh-hans", help="Language of labels: zh-hans or en")
        kpi = sub.add_parser("kpi", help="Collection KPIs for a period")
        kpi_command.add_arguments(kpi)
        snapshot = sub.add_parser("snapshot", help="Store the month-end aging snapshot")
        snapshot.add_argument("--as-of", dest="as_of", help="YYYY-MM-DD (the last month end by default)")
        for registered in report_commands.registered().values():
            registered.add_arguments(sub.add_parser(registered.name, help=registered.help))
        buckets = sub.add_parser(
            "buckets",
            help="Aging bucket sets: list, export or import as JSON",
            description=bucket_command.HELP,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        bucket_command.add_arguments(buckets)

    def handle(self, *args, **options):
        if (options["report"], options.get("action")) in WRITING and not options.get("skip_checks"):
            self.check()
        try:
            extra = report_commands.registered().get(options["report"])
            if extra is not None:
                extra.handle(options, self.stdout)
            elif options["report"] == "kpi":
                kpi_command.handle(options, self.stdout)
            elif options["report"] == "snapshot":
                self.snapshot(options)
            elif options["report"] == "buckets":
                bucket_command.handle(options, self.stdout)
            else:
                with translation.override(options["language"]):
                    self.aging(options)
        except ApplicationError as exc:
            raise CommandError(str(exc)) from exc

    def aging(self, options) -> None:
        as_of = parse_date(options["as_of"]) if options["as_of"] else clock.today()
        bucket_set = selectors.bucket_set_named(options["buckets"], options["basis"])
        report = selectors.aging(
            as_of=as_of,
            company_ids=company_ids(options["company"]),
            bucket_set=bucket_set,
            by=options["by"],
            currency=options["currency"],
        )
        file_format = options["file_format"]
        if file_format == "json":
            data = aging_output.aging_json(report)
            if options["output"]:
                with Path(options["output"]).open("w", encoding="utf-8") as handle:
                    write_json(handle.write, data)
                self.stdout.write(f"Wrote {options['output']}")
            else:
                write_json(lambda text: self.stdout.write(text, ending=""), data)
        elif file_format == "table":
            write(self.stdout, exports.to_text(aging_output.aging_table(report)), options["output"])
        else:
            write(self.stdout, exports.render(aging_output.aging_table(report), file_format), options["output"])
        if report.difference:
            raise CommandError(f"The aging does not reconcile to the ledger: difference {report.difference}")

    def snapshot(self, options) -> None:
        as_of = parse_date(options["as_of"]) if options["as_of"] else calendar.previous_month_end(clock.today())
        taken = services.aging_snapshot_take(as_of=as_of, by=None)
        self.stdout.write(f"Snapshot {as_of}: {len(taken)} set(s) stored")
