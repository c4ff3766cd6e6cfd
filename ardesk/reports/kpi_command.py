"""ardesk report kpi --from D1 --to D2 [--by company|customer|collector] [--company CODE]
[--format table|json|csv|xlsx|pdf] [--output FILE] [--language zh-hans|en]

Collection KPIs for a period; ``ardesk/reports/management/commands/report.py`` mounts these two
functions as its ``kpi`` subcommand. The JSON is the API's (docs/reports.md, "KPIs").
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from django.core.management.base import CommandError
from django.utils import translation

from ardesk.companies.models import Company
from ardesk.core.jsonout import json_chunks
from ardesk.reports import kpi_output, kpi_selectors

FORMATS = ("table", "json", "csv", "xlsx", "pdf")


def add_arguments(parser) -> None:
    parser.add_argument("--from", dest="date_from", required=True, help="First day of the period, YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", required=True, help="Last day of the period, YYYY-MM-DD")
    parser.add_argument("--by", choices=kpi_selectors.KPI_GROUPINGS, default="company", help="One row per ...")
    parser.add_argument("--company", help="Company code (all companies otherwise)")
    parser.add_argument("--format", dest="file_format", choices=FORMATS, default="table")
    parser.add_argument("--output", help="File to write (standard output otherwise)")
    parser.add_argument("--language", default="zh-hans", help="Language of labels: zh-hans or en")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise CommandError(f"{value} is not a date: use YYYY-MM-DD") from exc


def _company_ids(code: str | None) -> list[int]:
    companies = Company.objects.filter(is_active=True)
    if code:
        companies = Company.objects.filter(code=code)
        if not companies.exists():
            raise CommandError(f"No company {code}")
    return list(companies.values_list("pk", flat=True))


def handle(options: dict, stdout) -> None:
    """Compute the KPIs and write them in the asked format to the file or standard output."""
    date_from, date_to = _date(options["date_from"]), _date(options["date_to"])
    if date_from > date_to:
        raise CommandError(f"The period starts ({date_from}) after it ends ({date_to})")
    file_format = options.get("file_format") or "table"
    with translation.override(options.get("language") or "zh-hans"):
        report = kpi_selectors.kpi_report(
            date_from=date_from,
            date_to=date_to,
            company_ids=_company_ids(options.get("company")),
            by=options.get("by") or "company",
        )
        if file_format == "json":
            data: str | bytes = "".join(json_chunks(kpi_output.report_json(report), depth=3)) + "\n"
        elif file_format == "table":
            data = kpi_output.to_text(report)
        else:
            data = kpi_output.RENDERERS[file_format](report)
    output = options.get("output")
    if output:
        Path(output).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        stdout.write(f"Wrote {output}")
    elif isinstance(data, bytes):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        stdout.write(data)
