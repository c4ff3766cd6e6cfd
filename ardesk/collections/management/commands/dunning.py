"""ardesk dunning run|policy|promises ...

ardesk dunning run --date YYYY-MM-DD [--company CODE] [--dry-run] [--wait] [--format table|json]
    the dunning run of a date for every company (or one): --dry-run prints the preview only
    the command returns once the notices are written; they are delivered in the background, by
    the Celery workers with a broker (CELERY_BROKER_URL), else by an `ardesk job` process it starts
    (its processes, ARDESK_WORKERS of them, render and send several notices at once). --wait
    delivers (or, with a broker, follows the workers) to the end instead, with a progress bar on a
    terminal; nothing extra is printed when piped or with --format json.
    a date whose run is still being delivered is reported (followed with --wait); one whose
    delivery stopped (failed, or its process died) is resumed instead of writing a new run
ardesk dunning resume [RUN]                       finish the delivery of a run whose process died (or all of them)
ardesk dunning policy export [--output FILE]      every policy with its levels, as JSON
ardesk dunning policy import FILE                 create or replace policies from that JSON (all or nothing)
ardesk dunning promises [--date YYYY-MM-DD]       mark the promises due before the date kept or broken
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from ardesk.collections import selectors
from ardesk.companies.models import Company
from ardesk.core import clock
from ardesk.core.errors import ApplicationError, InvalidInput
from ardesk.core.jobs import start_detached
from ardesk.core.money import from_minor
from ardesk.core.progress import progress_bar


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"{value} is not a date: use YYYY-MM-DD") from exc


class Command(BaseCommand):
    help = "Dunning runs, policies as JSON, and the promise check."
    # The preview (run --dry-run) and the policy export only read: they skip Django's system checks,
    # which import every URL, view and API module; every other action runs them first.
    requires_system_checks = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        run = sub.add_parser("run", help="Run dunning for a date (or preview it with --dry-run)")
        run.add_argument("--date", default=None, help="Run date, YYYY-MM-DD (today by default)")
        run.add_argument("--company", default=None, help="Company code (all active companies by default)")
        run.add_argument("--dry-run", action="store_true", help="Print what would be sent; write nothing")
        run.add_argument("--format", choices=["table", "json"], default="table")
        run.add_argument(
            "--wait",
            action="store_true",
            help="Deliver the notices (with a broker: follow the workers) to the end, with a progress bar, "
            "instead of returning once they are written",
        )
        resume = sub.add_parser("resume", help="Finish the delivery of a run whose process died (every such run)")
        resume.add_argument("run", nargs="?", type=int, help="Run number (every unfinished run by default)")
        resume.add_argument("--format", choices=["table", "json"], default="table")
        policy = sub.add_parser("policy", help="Export or import dunning policies as JSON")
        policy_sub = policy.add_subparsers(dest="policy_action", required=True)
        export = policy_sub.add_parser("export")
        export.add_argument("--output", default=None)
        load = policy_sub.add_parser("import")
        load.add_argument("file")
        promises = sub.add_parser("promises", help="Mark the open promises due before the date kept or broken")
        promises.add_argument("--date", default=None)

    def handle(self, *args, **options):
        reading = options.get("dry_run") or options.get("policy_action") == "export"
        if not reading and not options.get("skip_checks"):
            self.check()
        try:
            if options["action"] == "run":
                self._run(options)
            elif options["action"] == "resume":
                self._resume(options)
            elif options["action"] == "policy":
                self._policy(options)
            else:
                from ardesk.collections import services

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
                preview = selectors.preview_data(selectors.run_preview(company=company, run_on=run_on))
                results.append({"company": company.code, "dry_run": True, **preview})
                continue
            unfinished = selectors.unfinished_runs(company=company, run_on=run_on).first()
            if unfinished is not None and selectors.delivery_is_alive(unfinished):
                if options["wait"]:
                    self._watch(unfinished, options)
                results.append(self._result(unfinished, resumed=False, unconfirmed=[]))
                continue
            if unfinished is not None:
                results.append(self._deliver(unfinished, resumed=True, options=options))
                continue
            # The services load the letters (PDF) and the mail machinery: only a run that writes needs them.
            from ardesk.collections import services

            run = services.dunning_run(by=None, company=company, run_on=run_on, check_access=False, deliver=False)
            if run.notices and options["wait"]:
                results.append(self._deliver(run, resumed=False, options=options))
                continue
            if run.notices:
                from ardesk.collections import tasks

                start_detached(tasks.deliver_run, run.pk)
                run.refresh_from_db()
            results.append(self._result(run, resumed=False, unconfirmed=[]))
        if options["format"] == "json":
            self.stdout.write(json.dumps({"runs": results}, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
            return
        for result in results:
            if result.get("resumed"):
                self._write_resumed(result)
                continue
            verb = "would send" if result["dry_run"] else "sent" if result["status"] == "done" else "wrote"
            total = result["total"]
            self.stdout.write(
                f"{result['company']} {run_on}: {verb} {result['notices']} notices over {result['items']} items, "
                f"{total['amount']} {total['currency']}"
            )
            if not result["dry_run"] and result["delivered"] < result["notices"] and result["status"] != "failed":
                self.stdout.write(
                    f"  run {result['run']}: {result['delivered']:,} of {result['notices']:,} delivered, the rest "
                    f"in the background (ardesk dunning run --date {run_on} --wait follows it)"
                )
            for level in result.get("levels", []):
                self.stdout.write(
                    f"  {level['policy']} level {level['level']} {level['name']} ({level['channel']}): "
                    f"{level['notices']} notices, {level['items']} items, {level['total']['amount']}"
                )

    def _deliver(self, run, *, resumed: bool, options) -> dict:
        """Deliver a run's notices still to deliver (all of a new run's; the rest of a stopped one's).

        With a broker and ``--wait`` the workers deliver them and the bar follows the run's count;
        otherwise this process delivers them, with its processes (``ARDESK_WORKERS``).
        """
        from ardesk.collections import services, tasks

        unconfirmed = [
            {"notice": n.pk, "customer": n.customer.code, "recipients": n.recipients}
            for n in services.notices_sending_settle(run_id=run.pk)
        ]
        if settings.CELERY_BROKER_URL and options.get("wait"):
            tasks.deliver_run.delay(run.pk)
            self._watch(run, options)
        else:
            with self._bar(run, options) as bar:
                tasks.deliver(run.pk, progress=lambda done, total: bar.update(done, note=f"{done:,}/{total:,}"))
        run.refresh_from_db()
        return self._result(run, resumed=resumed, unconfirmed=unconfirmed)

    def _bar(self, run, options):
        label = f"{run.company.code} {run.run_on}"
        return progress_bar(self.stderr, label=label, total=run.notices, enabled=options["format"] != "json")

    def _watch(self, run, options) -> None:
        """Wait for the background delivery of a run to end, moving the bar with its delivered count."""
        from ardesk.collections.models import RunStatus

        with self._bar(run, options) as bar:
            while True:
                run.refresh_from_db(fields=["status", "delivered", "error"])
                bar.update(run.delivered, note=f"{run.delivered:,}/{run.notices:,}")
                if run.status == RunStatus.FAILED:
                    raise CommandError(f"The delivery of run {run.pk} failed: {run.error}")
                if run.status == RunStatus.DONE:
                    return
                time.sleep(0.5)

    @staticmethod
    def _result(run, *, resumed: bool, unconfirmed: list[dict]) -> dict:
        currency = run.company.functional_currency
        return {
            "company": run.company.code,
            "dry_run": False,
            "run": run.pk,
            "run_on": run.run_on,
            "resumed": resumed,
            "notices": run.notices,
            "items": run.items,
            "total": {"amount": str(from_minor(run.total_functional, currency)), "currency": currency},
            "delivered": run.delivered,
            "status": run.status,
            "unconfirmed": unconfirmed,
        }

    def _write_resumed(self, result: dict) -> None:
        self.stdout.write(
            f"{result['company']} {result['run_on']}: resumed run {result['run']}, "
            f"delivered {result['delivered']} of {result['notices']} notices ({result['status']})"
        )
        for notice in result["unconfirmed"]:
            self.stdout.write(
                f"  notice {notice['notice']} to {notice['customer']} ({notice['recipients']}): the delivery stopped "
                "while it was being sent; it is not sent again. Check the mail server's log."
            )

    def _resume(self, options) -> None:
        runs = list(selectors.unfinished_runs(run_id=options["run"]))
        if options["run"] is not None and not runs:
            raise CommandError(f"Run {options['run']} has no delivery to resume (it does not exist or is done)")
        results = [self._deliver(run, resumed=True, options=options) for run in runs]
        if options["format"] == "json":
            self.stdout.write(json.dumps({"runs": results}, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
            return
        if not results:
            self.stdout.write("No dunning run to resume.")
        for result in results:
            self._write_resumed(result)

    def _policy(self, options) -> None:
        if options["policy_action"] == "export":
            text = json.dumps(selectors.policies_json(), ensure_ascii=False, indent=2)
            if options["output"]:
                Path(options["output"]).write_text(text, encoding="utf-8")
                self.stdout.write(f"Wrote {options['output']}")
            else:
                self.stdout.write(text)
            return
        from ardesk.collections import services

        try:
            data = json.loads(Path(options["file"]).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise CommandError(f"{options['file']}: {exc}") from exc
        policies = services.policies_import(by=None, data=data)
        self.stdout.write(f"Imported {len(policies)} policies: {', '.join(p.code for p in policies)}")
