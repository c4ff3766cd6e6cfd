"""ardesk portal statements|follow-up ...

ardesk portal statements --company CODE [--from YYYY-MM-DD --to YYYY-MM-DD] [--draft] [--format table|json]
    write the statement run of a period (last month by default) and send it: each customer's
    statement by e-mail to its contacts with their personal link; --draft writes it only (send it
    from the screen or the API). On a terminal a progress bar follows the sending.
ardesk portal send RUN [--format table|json]      send a draft run, or finish one whose sending stopped
ardesk portal follow-up [--date YYYY-MM-DD]       reminders and owners' tasks for unanswered statements
ardesk portal frequency --company CODE --customer CODE [--set company|quarterly|none]
    show or set how often a customer's statement goes out with the scheduled runs
"""

from __future__ import annotations

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from ardesk.companies.models import Company
from ardesk.core import clock
from ardesk.core.errors import ApplicationError, InvalidInput
from ardesk.core.progress import progress_bar


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"{value} is not a date: use YYYY-MM-DD") from exc


class Command(BaseCommand):
    help = "Statement runs of the customer portal: write and send them, and follow up unanswered statements."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        run = sub.add_parser("statements", help="Write a period's statement run and send it")
        run.add_argument("--company", required=True, help="Company code")
        run.add_argument("--from", dest="date_from", default=None, help="First day (last month's by default)")
        run.add_argument("--to", dest="date_to", default=None, help="Last day (last month's by default)")
        run.add_argument("--remind-after", type=int, default=7, help="Days before the contact is reminded")
        run.add_argument("--task-after", type=int, default=14, help="Days before the owner gets a task")
        run.add_argument("--draft", action="store_true", help="Write the run only; send nothing")
        run.add_argument("--format", choices=["table", "json"], default="table")
        send = sub.add_parser("send", help="Send a draft run, or finish one whose sending stopped")
        send.add_argument("run", type=int)
        send.add_argument("--format", choices=["table", "json"], default="table")
        follow = sub.add_parser("follow-up", help="Remind and give owners tasks for unanswered statements")
        follow.add_argument("--date", default=None)
        frequency = sub.add_parser("frequency", help="Show or set how often a customer's statement is sent")
        frequency.add_argument("--company", required=True, help="Company code")
        frequency.add_argument("--customer", required=True, help="Customer code")
        frequency.add_argument("--set", dest="frequency", choices=["company", "quarterly", "none"], default=None)

    def handle(self, *args, **options):
        from ardesk.portal import services

        try:
            if options["action"] == "statements":
                self._statements(options)
            elif options["action"] == "send":
                self._send(options)
            elif options["action"] == "frequency":
                self._frequency(options)
            else:
                as_of = parse_date(options["date"]) if options["date"] else clock.today()
                counts = services.statements_follow_up(as_of=as_of)
                self.stdout.write(f"Reminded: {counts['reminded']}, tasks for owners: {counts['tasks']}")
        except InvalidInput as exc:
            raise CommandError("\n".join(f"{field}: {m}" for field, ms in exc.errors.items() for m in ms)) from exc
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc

    def _statements(self, options) -> None:
        from ardesk.portal import domain, services

        company = Company.objects.filter(code=options["company"]).first()
        if company is None:
            raise CommandError(f"No company {options['company']}")
        date_from, date_to = domain.previous_month(clock.today())
        if options["date_from"] or options["date_to"]:
            if not (options["date_from"] and options["date_to"]):
                raise CommandError("Give both --from and --to, or neither (last month)")
            date_from, date_to = parse_date(options["date_from"]), parse_date(options["date_to"])
        run = services.statement_run_create(
            by=None,
            company=company,
            date_from=date_from,
            date_to=date_to,
            remind_after_days=options["remind_after"],
            task_after_days=options["task_after"],
            check_access=False,
        )
        if not options["draft"]:
            services.statement_run_send(by=None, run=run, check_access=False, deliver=False)
            run = self._deliver(run, options)
        self._report(run, options)

    def _frequency(self, options) -> None:
        from ardesk.customers.models import Customer
        from ardesk.portal import selectors, services

        customer = Customer.objects.filter(company__code=options["company"], code=options["customer"]).first()
        if customer is None:
            raise CommandError(f"No customer {options['customer']} of company {options['company']}")
        if options["frequency"]:
            services.customer_statement_frequency_set(
                by=None, customer=customer, frequency=options["frequency"], check_access=False
            )
        self.stdout.write(f"{options['company']} {customer.code}: {selectors.statement_frequency(customer)}")

    def _send(self, options) -> None:
        from ardesk.portal import services
        from ardesk.portal.models import StatementRun, StatementRunStatus

        run = StatementRun.objects.select_related("company").filter(pk=options["run"]).first()
        if run is None:
            raise CommandError(f"No statement run {options['run']}")
        if run.status == StatementRunStatus.DRAFT:
            services.statement_run_send(by=None, run=run, check_access=False, deliver=False)
        elif run.status != StatementRunStatus.SENDING:
            raise CommandError(f"Statement run {run.pk} is {run.status}: nothing to send")
        self._report(self._deliver(run, options), options)

    def _deliver(self, run, options):
        from ardesk.portal import tasks

        label = f"{run.company.code} {run.date_from}–{run.date_to}"
        with progress_bar(self.stderr, label=label, total=run.recipients, enabled=options["format"] != "json") as bar:
            return tasks.deliver(run.pk, progress=lambda done, total: bar.update(done, note=f"{done:,}/{total:,}"))

    def _report(self, run, options) -> None:
        result = {
            "run": run.pk,
            "company": run.company.code,
            "date_from": run.date_from,
            "date_to": run.date_to,
            "status": run.status,
            "recipients": run.recipients,
            "sent": run.sent,
            "failed": run.failed,
        }
        if options["format"] == "json":
            self.stdout.write(json.dumps(result, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"{result['company']} {run.date_from} – {run.date_to}: run {run.pk} {run.status}, "
            f"{run.recipients} recipients, {run.sent} sent, {run.failed} failed"
        )
