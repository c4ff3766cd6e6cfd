"""ardesk relations timeline|log|complaints|complaint-report|surveys|daily ...

ardesk relations timeline CUSTOMER [--company CODE] [--kind KIND ...] [--limit N] [--format table|json]
ardesk relations log CUSTOMER --channel call|email|visit|meeting|letter|message [--purpose P] [--outcome TEXT]
        [--note TEXT] [--next-action TEXT --next-on YYYY-MM-DD] [--date YYYY-MM-DD]
ardesk relations complaints [--status open|STATUS|all] [--format table|json]
ardesk relations complaint-report [--as-of YYYY-MM-DD] [--format table|json]
ardesk relations surveys send --template CODE --company CODE CUSTOMER [CUSTOMER ...]
ardesk relations surveys results [--from YYYY-MM-DD] [--to YYYY-MM-DD]      (JSON)
ardesk relations daily [--date YYYY-MM-DD]   escalate late complaints, plan revisits, send reminders

Every command acts as --user USERNAME (a superuser by default), with that user's permissions.
"""

from __future__ import annotations

import datetime as dt
import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.test.utils import override_settings

from ardesk.companies.models import Company
from ardesk.core import clock
from ardesk.core.errors import ApplicationError, InvalidInput
from ardesk.core.exports import text_table
from ardesk.customers.models import Contact, Customer
from ardesk.relations import selectors, services
from ardesk.relations.models import SurveyTemplate


def parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"{value} is not a date: use YYYY-MM-DD") from exc


class Command(BaseCommand):
    help = "Customer relations: the timeline, interactions, complaints, surveys and the daily jobs."

    def add_arguments(self, parser):
        parser.add_argument("--user", default=None, help="Act as this user (a superuser by default)")
        sub = parser.add_subparsers(dest="action", required=True)
        timeline = sub.add_parser("timeline", help="A customer's timeline, newest first")
        timeline.add_argument("customer", help="Customer code")
        timeline.add_argument("--company", default=None)
        timeline.add_argument("--kind", action="append", default=[], choices=list(selectors.TIMELINE_KINDS))
        timeline.add_argument("--limit", type=int, default=50)
        timeline.add_argument("--format", choices=["table", "json"], default="table")
        log = sub.add_parser("log", help="Log an interaction")
        log.add_argument("customer", help="Customer code")
        log.add_argument("--company", default=None)
        log.add_argument("--channel", required=True)
        log.add_argument("--purpose", default="relationship")
        log.add_argument("--outcome", default="")
        log.add_argument("--note", default="")
        log.add_argument("--next-action", default="")
        log.add_argument("--next-on", default=None)
        log.add_argument("--date", default=None)
        complaints = sub.add_parser("complaints", help="Complaints, earliest deadline first")
        complaints.add_argument("--status", default="open")
        complaints.add_argument("--format", choices=["table", "json"], default="table")
        report = sub.add_parser("complaint-report", help="Open complaints by age, category, owner; resolution times")
        report.add_argument("--as-of", default=None)
        report.add_argument("--format", choices=["table", "json"], default="json")
        surveys = sub.add_parser("surveys", help="Send a survey or print its results")
        surveys_sub = surveys.add_subparsers(dest="survey_action", required=True)
        send = surveys_sub.add_parser("send")
        send.add_argument("--template", required=True)
        send.add_argument("--company", required=True)
        send.add_argument("customers", nargs="+", help="Customer codes: every contact with an e-mail is invited")
        results = surveys_sub.add_parser("results")
        results.add_argument("--from", dest="date_from", default=None)
        results.add_argument("--to", dest="date_to", default=None)
        daily = sub.add_parser("daily", help="Escalate late complaints, plan revisits by rule, send reminders")
        daily.add_argument("--date", default=None)

    def handle(self, *args, **options):
        try:
            action = options["action"]
            if action == "daily":
                self._daily(options)
                return
            user = self._user(options["user"])
            if action == "timeline":
                self._timeline(user, options)
            elif action == "log":
                self._log(user, options)
            elif action == "complaints":
                self._complaints(user, options)
            elif action == "complaint-report":
                as_of = parse_date(options["as_of"]) or clock.today()
                report = selectors.complaint_report(user, as_of=as_of)
                if options["format"] == "json":
                    self._json(selectors.complaint_report_json(report))
                else:
                    table = selectors.complaint_report_table(report)
                    self.stdout.write("\n".join(text_table(table.headers, table.rows, right_from=2)))
            elif options["survey_action"] == "send":
                self._send(user, options)
            else:
                results = selectors.survey_results(
                    user, date_from=parse_date(options["date_from"]), date_to=parse_date(options["date_to"])
                )
                self._json(selectors.survey_results_json(results))
        except InvalidInput as exc:
            raise CommandError("\n".join(f"{field}: {m}" for field, ms in exc.errors.items() for m in ms)) from exc
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc

    def _json(self, data) -> None:
        self.stdout.write(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))

    def _user(self, username: str | None):
        users = get_user_model().objects.filter(is_active=True)
        user = users.filter(username=username).first() if username else users.filter(is_superuser=True).first()
        if user is None:
            raise CommandError(f"No active user {username}" if username else "Name the user with --user")
        return user

    def _customer(self, user, code: str, company: str | None) -> Customer:
        customers = Customer.objects.filter(code=code)
        if company:
            customers = customers.filter(company__code=company)
        found = list(customers[:2])
        if not found:
            raise CommandError(f"No customer {code}")
        if len(found) > 1:
            raise CommandError(f"Customer {code} is in several companies: name one with --company")
        return selectors.customer_for(user, found[0].pk)

    def _timeline(self, user, options) -> None:
        customer = self._customer(user, options["customer"], options["company"])
        page = selectors.timeline(customer, kinds=options["kind"] or None, limit=max(1, min(options["limit"], 5000)))
        if options["format"] == "json":
            self._json(
                [{"on": e.on, "kind": e.kind, "title": e.title, "detail": e.detail, "by": e.by} for e in page.entries]
            )
            return
        rows = [[e.on.isoformat(), e.kind, e.title, e.detail[:60], e.by] for e in page.entries]
        self.stdout.write("\n".join(text_table(["date", "kind", "what", "details", "by"], rows, right_from=9)))

    def _log(self, user, options) -> None:
        customer = self._customer(user, options["customer"], options["company"])
        interaction = services.interaction_log(
            by=user,
            customer=customer,
            channel=options["channel"],
            purpose=options["purpose"],
            occurred_on=parse_date(options["date"]),
            outcome=options["outcome"],
            note=options["note"],
            next_action=options["next_action"],
            next_action_on=parse_date(options["next_on"]),
        )
        self.stdout.write(f"Logged interaction {interaction.pk} for {customer.code}")

    def _complaints(self, user, options) -> None:
        status = "" if options["status"] == "all" else options["status"]
        listed = selectors.complaints_for(user, status=status)[:1000]
        rows = [
            {
                "id": c.pk,
                "customer": c.customer.code,
                "category": c.category,
                "severity": c.severity,
                "status": c.status,
                "opened_on": c.opened_on,
                "due_on": c.due_on,
                "escalated_on": c.escalated_on,
                "owner": c.owner.get_username() if c.owner else None,
                "subject": c.subject,
            }
            for c in listed
        ]
        if options["format"] == "json":
            self._json(rows)
            return
        keys = ["id", "customer", "category", "severity", "status", "opened_on", "due_on", "owner", "subject"]
        self.stdout.write("\n".join(text_table(keys, [[r[k] or "" for k in keys] for r in rows], right_from=99)))

    def _send(self, user, options) -> None:
        company = Company.objects.filter(code=options["company"]).first()
        if company is None:
            raise CommandError(f"No company {options['company']}")
        template = SurveyTemplate.objects.filter(code=options["template"]).first()
        if template is None:
            raise CommandError(f"No survey template {options['template']}")
        contacts = list(
            Contact.objects.filter(customer__company=company, customer__code__in=options["customers"])
            .exclude(email="")
            .values_list("pk", flat=True)
        )
        # The command is its own process: the e-mails go out before it ends, not in a thread.
        with override_settings(ARDESK_JOBS_INLINE=True):
            survey = services.survey_send(by=user, template=template, company_id=company.pk, contact_ids=contacts)
        self._json({"survey": survey.pk, "invitations": len(contacts), "expires_on": survey.expires_on})

    def _daily(self, options) -> None:
        day = parse_date(options["date"]) or clock.today()
        # The command is its own process: the escalation e-mails go out before it ends, not in a thread.
        with override_settings(ARDESK_JOBS_INLINE=True):
            escalated = services.complaints_escalate(as_of=day)
        self._json(
            {
                "escalated": escalated,
                "revisits_planned": services.revisits_plan_by_rule(as_of=day),
                "reminders": services.survey_reminders(as_of=day),
            }
        )
