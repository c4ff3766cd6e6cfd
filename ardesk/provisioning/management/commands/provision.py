"""ardesk provision run|policy ...

ardesk provision run --company CODE --period YYYY-MM [--format table|json] [--save --by USERNAME [--provisional]]
    The month-end figures: required allowance per bucket, booked, difference, proposed entry.
    Without --save nothing is written; with it the run is stored as a draft prepared by USERNAME.
ardesk provision policy export --company CODE [--output FILE]
ardesk provision policy import FILE --company CODE --by USERNAME
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from ardesk.companies.models import Company
from ardesk.core.errors import ApplicationError, InvalidInput
from ardesk.core.progress import progress_bar
from ardesk.provisioning import output, services
from ardesk.provisioning.models import ProvisionRun
from ardesk.provisioning.services.runs import PREPARE_STEPS


def _company(code: str) -> Company:
    company = Company.objects.filter(code=code).first()
    if company is None:
        raise CommandError(f"No company {code}")
    return company


def _user(username: str | None):
    if not username:
        raise CommandError("Give --by USERNAME: the user the change is recorded under")
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"No user {username}")
    return user


class Command(BaseCommand):
    help = "Bad debt: the month-end provision run, policy export and import."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        run = sub.add_parser("run", help="Month-end provision figures of a company and period")
        run.add_argument("--company", required=True)
        run.add_argument("--period", required=True, help="YYYY-MM")
        run.add_argument("--format", dest="file_format", choices=["table", "json"], default="table")
        run.add_argument("--save", action="store_true", help="Store the run as a draft for approval")
        run.add_argument("--by", help="Username of the preparer (with --save)")
        run.add_argument(
            "--provisional",
            action="store_true",
            help="Confirm saving a run for a month that has not ended: an estimate that cannot be approved",
        )
        run.add_argument("--language", default="zh-hans")
        policy = sub.add_parser("policy", help="Export or import a company's provision policies as JSON")
        policy.add_argument("policy_action", choices=["export", "import"])
        policy.add_argument("file", nargs="?", help="The JSON file to import")
        policy.add_argument("--company", required=True)
        policy.add_argument("--output", help="File to write the export to (standard output otherwise)")
        policy.add_argument("--by", help="Username the import is recorded under")

    def handle(self, *args, **options):
        try:
            if options["action"] == "run":
                with translation.override(options["language"]):
                    self.run(options)
            else:
                self.policy(options)
        except InvalidInput as exc:
            details = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in exc.errors.items())
            raise CommandError(details) from exc
        except ApplicationError as exc:
            raise CommandError(str(exc)) from exc

    def run(self, options) -> None:
        company = _company(options["company"])
        as_of = services.period_end(options["period"])
        if options["save"]:
            with progress_bar(
                self.stderr, label=_("Preparing"), total=len(PREPARE_STEPS), enabled=options["file_format"] != "json"
            ) as bar:
                saved = services.run_prepare(
                    by=_user(options["by"]),
                    company=company,
                    as_of=as_of,
                    provisional=options["provisional"],
                    progress=lambda done, total, step: bar.update(done, note=str(step)),
                )
            data = output.run_json(ProvisionRun.objects.select_related("company", "prepared_by").get(pk=saved.pk))
        else:
            data = output.figures_json(services.run_compute(company=company, as_of=as_of))
        if options["file_format"] == "json":
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(self.table(data))

    def table(self, data: dict) -> str:
        c = data["currency"]
        lines = [f"{data['company']} {data['period']} ({data['status']}), {c}", ""]
        for b in data["buckets"]:
            segment = b["segment"] or "*"
            lines.append(f"{segment:2} {b['label']:<16} {b['balance']:>20} × {b['rate']:>9}% = {b['required']:>16}")
        for s in data["specific"]:
            lines.append(f"{'specific':<19} {s['balance']:>20}               {s['required']:>16}")
        lines += [
            "",
            f"required {data['required']:>20}",
            f"booked   {data['booked']:>20}",
            f"to book  {data['difference']:>20}",
        ]
        for line in data["journal"]:
            side, amount = ("Dr", line["debit"]) if Decimal(line["debit"]) else ("Cr", line["credit"])
            lines.append(f"  {side} {line.get('account', line['role'])} {amount}")
        return "\n".join(lines)

    def policy(self, options) -> None:
        company = _company(options["company"])
        if options["policy_action"] == "export":
            text = json.dumps(services.policies_export(company=company), ensure_ascii=False, indent=2)
            if options["output"]:
                Path(options["output"]).write_text(text, encoding="utf-8")
                self.stdout.write(f"Wrote {options['output']}")
            else:
                self.stdout.write(text)
            return
        if not options["file"]:
            raise CommandError("Give the JSON file to import")
        try:
            data = json.loads(Path(options["file"]).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"{options['file']}: {exc}") from exc
        saved = services.policies_import(by=_user(options["by"]), company=company, data=data)
        self.stdout.write(f"Imported {len(saved)} polic{'y' if len(saved) == 1 else 'ies'} for {company.code}")
