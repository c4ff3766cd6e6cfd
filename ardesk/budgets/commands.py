"""``ardesk report profitability`` (registered with the reports context's ``report`` command)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from django.core.management.base import CommandError
from django.utils import translation

from ardesk.budgets import output, selectors
from ardesk.companies.models import Company
from ardesk.core import exports


def profitability_arguments(parser) -> None:
    parser.add_argument("--from", dest="date_from", required=True, help="YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", required=True, help="YYYY-MM-DD")
    parser.add_argument("--by", choices=selectors.GROUPINGS, default="customer")
    parser.add_argument("--company", help="Company code (the only company otherwise)")
    parser.add_argument("--format", dest="file_format", choices=["json", "xlsx", "csv"], default="json")
    parser.add_argument("--output", help="File to write (standard output otherwise)")
    parser.add_argument("--language", default="zh-hans", help="Language of labels: zh-hans or en")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"{value} is not a date: use YYYY-MM-DD") from exc


def company_named(code: str | None) -> Company:
    companies = Company.objects.filter(is_active=True)
    if code:
        company = companies.filter(code=code).first()
        if company is None:
            raise CommandError(f"No company {code}")
        return company
    if companies.count() != 1:
        raise CommandError("Name the company with --company CODE")
    return companies.get()


def write(stdout, data: bytes | str, path: str | None) -> None:
    if path:
        Path(path).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        stdout.write(f"Wrote {path}")
    elif isinstance(data, bytes):
        sys.stdout.buffer.write(data)
    else:
        stdout.write(data)


def profitability_handle(options: dict, stdout) -> None:
    date_from, date_to = _date(options["date_from"]), _date(options["date_to"])
    if date_to < date_from:
        raise CommandError("--to is before --from")
    company = company_named(options["company"])
    with translation.override(options["language"]):
        report = selectors.profitability(company=company, date_from=date_from, date_to=date_to)
        if options["file_format"] == "json":
            data: bytes | str = json.dumps(
                output.profitability_json(report, options["by"]), ensure_ascii=False, indent=2
            )
        else:
            data = exports.render(output.profitability_table(report, options["by"]), options["file_format"])
    write(stdout, data, options["output"])
