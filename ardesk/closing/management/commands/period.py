"""ardesk period status|close|reopen: the month-end close from the command line.

ardesk period status --company CODE --period YYYY-MM [--format table|json]
    Whether the month is closed, and its close checklist.
ardesk period close --company CODE --period YYYY-MM --user USERNAME [--accept-open-points]
    Close the month (a finance manager); with open points only when --accept-open-points says so.
ardesk period reopen --company CODE --period YYYY-MM --user USERNAME --reason TEXT
    Ask to reopen a closed month; prints the request's id.
ardesk period reopen --approve ID --user USERNAME     (or --reject ID)
    A second finance manager, not the requester, decides on the request.
"""

from __future__ import annotations

import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from ardesk.closing import output, selectors, services
from ardesk.closing.models import ReopenRequest
from ardesk.companies.models import Company
from ardesk.core.errors import ApplicationError, InvalidInput


def _company(code: str | None) -> Company:
    company = Company.objects.filter(code=code).first() if code else None
    if company is None:
        raise CommandError(f"No company {code}: give --company CODE")
    return company


def _user(username: str | None):
    if not username:
        raise CommandError("Give --user USERNAME: the user the change is recorded under")
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"No user {username}")
    return user


def _period(text: str | None):
    try:
        return selectors.parse_period(text or "")
    except ValueError:
        raise CommandError("Give --period YYYY-MM") from None


class Command(BaseCommand):
    help = "Month-end close: a month's status and checklist, close it, ask to reopen it and approve the reopening."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["status", "close", "reopen"])
        parser.add_argument("--company")
        parser.add_argument("--period", help="YYYY-MM")
        parser.add_argument("--user", help="Username the change is recorded under")
        parser.add_argument("--accept-open-points", action="store_true", help="Close although points are open")
        parser.add_argument("--reason", help="Why the month must be reopened")
        parser.add_argument("--approve", type=int, metavar="ID", help="Approve reopening request ID")
        parser.add_argument("--reject", type=int, metavar="ID", help="Refuse reopening request ID")
        parser.add_argument("--format", dest="file_format", choices=["table", "json"], default="table")
        parser.add_argument("--language", default="zh-hans")

    def handle(self, *args, **options):
        with translation.override(options["language"]):
            try:
                getattr(self, options["action"])(options)
            except InvalidInput as exc:
                details = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in exc.errors.items())
                raise CommandError(details) from exc
            except ApplicationError as exc:
                raise CommandError(exc.message) from exc

    def status(self, options) -> None:
        company, period = _company(options["company"]), _period(options["period"])
        state = selectors.period_state(company=company, period=period)
        if options["file_format"] == "json":
            self.stdout.write(json.dumps(output.state_json(state), ensure_ascii=False, indent=2))
            return
        closed = translation.pgettext("period", "Closed") if state.is_closed else translation.pgettext("period", "Open")
        self.stdout.write(f"{company.code} {state.label}: {closed}")
        for item in state.items:
            mark = "[x]" if item.done else "[ ]"
            self.stdout.write(f"  {mark} {item.label}: {item.detail}")
        if state.pending_request:
            request = state.pending_request
            self.stdout.write(
                f"  reopen request {request.pk}: {request.reason} ({request.requested_by.get_username()})"
            )

    def close(self, options) -> None:
        company, period, user = _company(options["company"]), _period(options["period"]), _user(options["user"])
        services.period_close(by=user, company=company, period=period, accept_open_points=options["accept_open_points"])
        self.stdout.write(f"{company.code} {period:%Y-%m} closed")

    def reopen(self, options) -> None:
        user = _user(options["user"])
        decided = options["approve"] or options["reject"]
        if decided:
            request = ReopenRequest.objects.filter(pk=decided).first()
            if request is None:
                raise CommandError(f"No reopening request {decided}")
            if options["approve"]:
                services.reopen_approve(by=user, request=request)
                self.stdout.write(f"{request.company.code} {request.period:%Y-%m} reopened (request {request.pk})")
            else:
                services.reopen_reject(by=user, request=request)
                self.stdout.write(f"request {request.pk} refused: {request.period:%Y-%m} stays closed")
            return
        company, period = _company(options["company"]), _period(options["period"])
        request = services.reopen_request(by=user, company=company, period=period, reason=options["reason"] or "")
        self.stdout.write(
            f"reopening request {request.pk} for {company.code} {period:%Y-%m}: another finance manager approves it "
            f"with `ardesk period reopen --approve {request.pk} --user USERNAME`"
        )
