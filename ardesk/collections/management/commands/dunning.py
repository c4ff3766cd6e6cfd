"""ardesk dunning run|policy|promises ...

ardesk dunning run --date YYYY-MM-DD [--company CODE] [--dry-run] [--format table|json]
    the dunning run of a date for every company (or one): --dry-run prints the preview only
ardesk dunning policy export [--output FILE]      every policy with its levels, as JSON
ardesk dunning policy import FILE                 create or replace policies from that JSON (all or nothing)
ardesk dunning promises [--date YYYY-MM-DD]       mark the promises due before the date kept or broken
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from ardesk.collections import selectors, services, tasks
from ardesk.collections.api import preview_json
from ardesk.companies.models import Company
from ardesk.core import clock
from ardesk.core.errors import ApplicationError, InvalidInput
from ardesk.core.money import from_minor


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"{value} is not a date: use YYYY-MM-DD") from exc


class Command(BaseCommand):
    help = "Dunning runs, policies as JSON, and the promise check."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        run = sub.add_parser("run", help="Run dunning for a date (or preview it with --dry-run)")
        run.add_argument("--date", default=None, help="Run date, YYYY-MM-DD (today by default)")
        run.add_argument("--company", default=None, help="Company code (all active companies by default)")
        run.add_argument("--dry-run", action="store_true", help="Print what would be sent; write nothing")
        run.add_argument("--format", choices=["table", "json"], default="table")
        policy = sub.add_parser("policy", help="Export or import dunning policies as JSON")
        policy_sub = policy.add_subparsers(dest="policy_action", required=True)
        export = policy_sub.add_parser("export")
        export.add_argument("--output", default=None)
        load = policy_sub.add_parser("import")
        load.add_argument("file")
        promises = sub.add_parser("promises", help="Mark the open promises due before the date kept or broken")
        promises.add_argument("--date", default=None)

    def handle(self, *args, **options):
        try:
            if options["action"] == "run":
                self._run(options)
            elif options["action"] == "policy":
                self._policy(options)
            else:
                counts = services.promises_check(
                    as_of=parse_date(options["date"]) if options["date"] else clock.today()
                )
                self.stdout.write(f"Promises kept: {counts['kept']}, broken: {counts['broken']}")
        except InvalidInput as exc:
            raise CommandError("\n".join(f"{field}: {m}" for field, ms in exc.errors.items() for m in ms)) from exc
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc

    def _companies(self, code: str | None):
        companies = Company.objects.filter(is_active=True).order_by("code")
        if code:
            companies = companies.filter(code=code)
            if not companies.exists():
                raise CommandError(f"No company {code}")
        return list(companies)

    def _run(self, options) -> None:
        run_on = parse_date(options["date"]) if options["date"] else clock.today()
        results = []
        for company in self._companies(options["company"]):
            if options["dry_run"]:
                preview = preview_json(selectors.run_preview(company=company, run_on=run_on))
                results.append({"company": company.code, "dry_run": True, **preview})
                continue
            run = services.dunning_run(by=None, company=company, run_on=run_on, check_access=False, deliver=False)
            if run.notices:
                tasks.deliver_run.run(run.pk)
                run.refresh_from_db()
            results.append(
                {
                    "company": company.code,
                    "dry_run": False,
                    "run": run.pk,
                    "run_on": run_on,
                    "notices": run.notices,
                    "items": run.items,
                    "total": {
                        "amount": str(from_minor(run.total_functional, company.functional_currency)),
                        "currency": company.functional_currency,
                    },
                    "delivered": run.delivered,
                    "status": run.status,
                }
            )
        if options["format"] == "json":
            self.stdout.write(json.dumps({"runs": results}, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
            return
        for result in results:
            verb = "would send" if result["dry_run"] else "sent"
            total = result["total"]
            self.stdout.write(
                f"{result['company']} {run_on}: {verb} {result['notices']} notices over {result['items']} items, "
                f"{total['amount']} {total['currency']}"
            )
            for level in result.get("levels", []):
                self.stdout.write(
                    f"  {level['policy']} level {level['level']} {level['name']} ({level['channel']}): "
                    f"{level['notices']} notices, {level['items']} items, {level['total']['amount']}"
                )

    def _policy(self, options) -> None:
        if options["policy_action"] == "export":
            text = json.dumps(selectors.policies_json(), ensure_ascii=False, indent=2)
            if options["output"]:
                Path(options["output"]).write_text(text, encoding="utf-8")
                self.stdout.write(f"Wrote {options['output']}")
            else:
                self.stdout.write(text)
            return
        try:
            data = json.loads(Path(options["file"]).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise CommandError(f"{options['file']}: {exc}") from exc
        policies = services.policies_import(by=None, data=data)
        self.stdout.write(f"Imported {len(policies)} policies: {', '.join(p.code for p in policies)}")
