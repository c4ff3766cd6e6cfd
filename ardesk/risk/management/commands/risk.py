"""ardesk risk scan, ardesk risk config export|import

ardesk risk scan [--date YYYY-MM-DD] [--company CODE] [--format text|json]   (every active company by default)
ardesk risk config export --company CODE [--output FILE]                     (the version in force)
ardesk risk config import FILE --company CODE [--user USERNAME]              (saved as the company's next version)
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from ardesk.companies.models import Company
from ardesk.core import clock
from ardesk.core.errors import ApplicationError, InvalidInput
from ardesk.risk import services


class Command(BaseCommand):
    help = "Risk management: the daily risk scan, the risk configuration as JSON."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="what", required=True)
        scan = commands.add_parser("scan", help="Scan the customers for risk signals")
        scan.add_argument("--date", help="The scan date (YYYY-MM-DD), today by default")
        scan.add_argument("--company", help="A company code; every active company by default")
        scan.add_argument("--format", choices=["text", "json"], default="text")
        config = commands.add_parser("config", help="Export or import a company's risk configuration as JSON")
        actions = config.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export")
        export.add_argument("--company", required=True)
        export.add_argument("--output")
        load = actions.add_parser("import")
        load.add_argument("file")
        load.add_argument("--company", required=True)
        load.add_argument("--user", help="Who saves the version (allowed to configure risk); a superuser by default")

    def handle(self, *args, **options):
        if options["what"] == "scan":
            self._scan(options)
        elif options["action"] == "export":
            self._export(options)
        else:
            self._import(options)

    def _company(self, code: str) -> Company:
        company = Company.objects.filter(code=code, is_active=True).first()
        if company is None:
            raise CommandError(f"No active company {code}")
        return company

    def _scan(self, options) -> None:
        try:
            as_of = dt.date.fromisoformat(options["date"]) if options.get("date") else clock.today()
        except ValueError as exc:
            raise CommandError(f"--date: {exc}") from exc
        companies = (
            [self._company(options["company"])]
            if options.get("company")
            else list(Company.objects.filter(is_active=True).order_by("code"))
        )
        results = []
        for company in companies:
            scan = services.risk_scan(company=company, as_of=as_of)
            results.append(
                {
                    "company": company.code,
                    "as_of": as_of.isoformat(),
                    "customers_with_signals": scan.customers,
                    "signals": scan.signals,
                    "new_or_worse": scan.new_signals,
                    "cleared": scan.cleared,
                    "watch_list_added": scan.watch_added,
                    "alerts": scan.alerts,
                    "seconds": str(scan.seconds),
                    "config_version": scan.config.version if scan.config else None,
                }
            )
        if options["format"] == "json":
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))
            return
        for r in results:
            self.stdout.write(
                f"{r['company']} {r['as_of']}: {r['signals']} signals on {r['customers_with_signals']} customers "
                f"({r['new_or_worse']} new or worse, {r['cleared']} cleared), {r['watch_list_added']} added to the "
                f"watch list, {r['alerts']} alerts, {r['seconds']} s"
            )

    def _export(self, options) -> None:
        company = self._company(options["company"])
        row = services.config_ensure(company)
        text = json.dumps(services.config_export(row), ensure_ascii=False, indent=2)
        if options.get("output"):
            Path(options["output"]).write_text(text + "\n", encoding="utf-8")
            self.stdout.write(f"Wrote {options['output']}")
        else:
            self.stdout.write(text)

    def _import(self, options) -> None:
        company = self._company(options["company"])
        users = get_user_model().objects
        user = (
            users.filter(username=options["user"]).first()
            if options.get("user")
            else users.filter(is_superuser=True).first()
        )
        if user is None:
            raise CommandError("Name a user with --user (no superuser exists)")
        try:
            data = json.loads(Path(options["file"]).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise CommandError(f"{options['file']}: {exc}") from exc
        try:
            row = services.config_import(by=user, company=company, data=data)
        except InvalidInput as exc:
            problems = "; ".join(f"{field}: {m}" for field, messages in exc.errors.items() for m in messages)
            raise CommandError(problems) from exc
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"Imported the risk configuration of {company.code} as version {row.version}")
