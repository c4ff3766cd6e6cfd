"""Statement runs (对账单发送): a period's statements of account e-mailed to the customers' contacts, each with
its personal link and a request to confirm the balance; then reminders, and tasks for what stays unanswered.

A run is written as a draft (one recipient row per contact, in a few statements), then sent: the
rows go "sending" one by one, each committed before its e-mail leaves, then "sent" or "failed".
Rendering and sending happen in a background job with progress (``portal.tasks.deliver``).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.companies.access import ensure_company_access, ensure_permission
from ardesk.companies.models import Company
from ardesk.core import clock
from ardesk.core.bulk import insert_rows
from ardesk.core.errors import InvalidInput
from ardesk.core.jobs import enqueue
from ardesk.customers.models import Contact, ContactRole, Customer
from ardesk.ledger.statement_files import customers_for_statements, file_name, statement_pdf
from ardesk.ledger.statements import statement
from ardesk.portal import domain
from ardesk.portal.models import (
    CustomerStatementSetting,
    RecipientStatus,
    StatementFrequency,
    StatementRecipient,
    StatementRun,
    StatementRunStatus,
    StatementSchedule,
)
from ardesk.portal.services.links import link_create, link_url
from ardesk.relations import services as relations
from ardesk.relations.models import RevisitReason

MAX_SEND_ATTEMPTS = 5
MONTHLY = "monthly"  # a scheduled run's frequency: the company's monthly run
# A run's sending reports a sign of life after each batch; silent this long, its process died.
SENDING_SILENT = dt.timedelta(minutes=15)
# The owner's task for an unanswered statement is due this many days after it is planned.
TASK_DUE_DAYS = 3


def _days_problems(*, remind_after_days: int, task_after_days: int, link_days: int | None = None) -> dict:
    errors: dict[str, list[str]] = {}
    if not 1 <= remind_after_days <= 90:
        errors["remind_after_days"] = [_("Remind after 1 to 90 days.")]
    if not 1 <= task_after_days <= 180 or task_after_days < remind_after_days:
        errors["task_after_days"] = [_("The task comes 1 to 180 days after the sending, not before the reminder.")]
    if link_days is not None and domain.link_days_problem(link_days):
        errors["link_days"] = [_("A link is valid for 1 to %(max)d days.") % {"max": domain.MAX_LINK_DAYS}]
    return errors


def _contacts_to_send_to(customers) -> dict[int, list[tuple]]:
    """Per customer (``customers``: ids or a query of them), the contacts its statement goes to: the finance
    and primary contacts with an e-mail address, else its first contact with one
    (``(customer_id, id, name, email, language, role, is_primary)``)."""
    found: dict[int, list[tuple]] = {}
    for row in (
        Contact.objects.filter(customer__in=customers)
        .exclude(email="")
        .order_by("customer_id", "-is_primary", "name", "id")
        .values_list("customer_id", "pk", "name", "email", "preferred_language", "role", "is_primary")
    ):
        found.setdefault(row[0], []).append(row)
    return {
        customer_id: [c for c in rows if c[5] == ContactRole.FINANCE or c[6]] or rows[:1]
        for customer_id, rows in found.items()
    }


RECIPIENT_FIELDS = (
    "run_id",
    "customer_id",
    "contact_id",
    "contact_name",
    "email",
    "language",
    "status",
    "error",
    "attempts",
)


def _recipient_rows(run: StatementRun) -> list[tuple]:
    """One row per contact to send to (``RECIPIENT_FIELDS``); a customer with none gets a row without
    address (it fails, listed)."""
    customers = customers_for_statements(company=run.company, date_from=run.date_from, date_to=run.date_to)
    if run.frequency == MONTHLY:  # the company's run: not the customers set to a quarter or to none
        customers = customers.exclude(
            statement_setting__frequency__in=[StatementFrequency.QUARTERLY, StatementFrequency.NONE]
        )
    elif run.frequency == StatementFrequency.QUARTERLY:
        customers = customers.filter(statement_setting__frequency=StatementFrequency.QUARTERLY)
    customer_ids = list(customers.values_list("pk", flat=True))
    contacts = _contacts_to_send_to(customers.values("pk"))
    draft, default = RecipientStatus.DRAFT.value, settings.LANGUAGE_CODE
    rows = []
    for customer_id in customer_ids:
        chosen = contacts.get(customer_id, [])
        if not chosen:
            rows.append((run.pk, customer_id, None, "", "", default, draft, "", 0))
        for _customer, contact_id, name, email, language, _role, _primary in chosen:
            rows.append((run.pk, customer_id, contact_id, name, email, language or default, draft, "", 0))
    return rows


@transaction.atomic
def statement_run_create(
    *,
    by,
    company: Company,
    date_from: dt.date,
    date_to: dt.date,
    remind_after_days: int = 7,
    task_after_days: int = 14,
    link_days: int = 60,
    check_access: bool = True,
    is_scheduled: bool = False,
    frequency: str = "",
) -> StatementRun:
    """Write a draft run: the statement of the period for every customer with a balance or a movement in it,
    one recipient per contact to send to. Nothing leaves until the run is sent.

    ``frequency`` (scheduled runs): "monthly" leaves out the customers set to a quarter or to no
    scheduled statements, "quarterly" takes only the customers set to a quarter; a run made by hand
    (empty) takes every customer."""
    if check_access:
        ensure_permission(by, "portal.add_statementrun")
        ensure_company_access(by, company.pk)
    errors = _days_problems(remind_after_days=remind_after_days, task_after_days=task_after_days, link_days=link_days)
    if date_from > date_to:
        errors["date_from"] = [_("The period starts after it ends.")]
    if date_to > clock.today():
        errors["date_to"] = [_("The period cannot end in the future.")]
    if errors:
        raise InvalidInput(errors)
    run = StatementRun.objects.create(
        company=company,
        date_from=date_from,
        date_to=date_to,
        is_scheduled=is_scheduled,
        frequency=frequency,
        remind_after_days=remind_after_days,
        task_after_days=task_after_days,
        link_days=link_days,
        created_by=by,
    )
    # A hundred thousand rows: the database's own bulk path (COPY on PostgreSQL), not the ORM's INSERTs.
    run.recipients = insert_rows(StatementRecipient, RECIPIENT_FIELDS, _recipient_rows(run))
    run.save(update_fields=["recipients"])
    record(
        action="portal.statement_run_create",
        actor=by,
        target=run,
        after={"date_from": date_from, "date_to": date_to, "recipients": run.recipients},
    )
    return run


@transaction.atomic
def statement_run_send(*, by, run: StatementRun, check_access: bool = True, deliver: bool = True) -> StatementRun:
    """Send a draft run: its statements are rendered and e-mailed in the background, with progress."""
    if check_access:
        ensure_permission(by, "portal.send_statementrun")
        ensure_company_access(by, run.company_id)
    now = timezone.now()
    started = StatementRun.objects.filter(pk=run.pk, status=StatementRunStatus.DRAFT).update(
        status=StatementRunStatus.SENDING, started_at=now, seen_at=now
    )
    if not started:
        raise InvalidInput({"run": [_("Only a draft run can be sent.")]})
    record(action="portal.statement_run_send", actor=by, target=run, after={"recipients": run.recipients})
    if deliver:
        from ardesk.portal.tasks import deliver_statement_run

        enqueue(deliver_statement_run, run.pk)
    run.refresh_from_db()
    return run


def _mail(recipient: StatementRecipient, run: StatementRun, url: str, *, reminder: bool) -> tuple[str, str]:
    """The e-mail's subject and text in the contact's language: the statement, its link, the confirmation asked."""
    with translation.override(recipient.language):
        period = f"{run.date_from:%Y-%m-%d} – {run.date_to:%Y-%m-%d}"
        subject = _("Statement of account %(period)s from %(company)s") % {
            "period": period,
            "company": run.company.name,
        }
        if reminder:
            subject = _("Reminder: %(subject)s") % {"subject": subject}
        body = "\n\n".join(
            [
                _("Dear %(name)s,") % {"name": recipient.contact_name},
                _("Please find attached the statement of account of %(customer)s for %(period)s.")
                % {"customer": recipient.customer.name, "period": period},
                _(
                    "Please confirm the balance, or tell us the items and amounts you disagree with, on your "
                    "personal page (valid until %(date)s):"
                )
                % {"date": f"{recipient.link.expires_on:%Y-%m-%d}"},
                url,
                _("There you also find your open items, your statement for any period and our bank details."),
                _("Thank you. %(company)s, accounts receivable") % {"company": run.company.name},
            ]
        )
    return subject, body


def _settle(recipient: StatementRecipient, **fields) -> None:
    StatementRecipient.objects.filter(pk=recipient.pk).update(**fields)
    for name, value in fields.items():
        setattr(recipient, name, value)


def recipient_deliver(*, recipient: StatementRecipient, pdf_cache: dict | None = None) -> StatementRecipient:
    """Render one contact's statement in its language and e-mail it with its personal link.

    The row is claimed ("sending", committed) before anything leaves, so a sending whose process
    dies never sends twice (see ``sending_settle``). ``pdf_cache`` keeps the last PDFs rendered,
    so two contacts of one customer in one language cost one rendering.
    """
    claimed = StatementRecipient.objects.filter(
        pk=recipient.pk, status__in=[RecipientStatus.DRAFT, RecipientStatus.FAILED]
    ).update(status=RecipientStatus.SENDING, attempts=recipient.attempts + 1)
    if not claimed:
        return recipient
    recipient.attempts += 1
    run = recipient.run
    if not recipient.email or recipient.contact_id is None:
        _settle(
            recipient, status=RecipientStatus.FAILED, error=_("The customer has no contact with an e-mail address.")
        )
        return recipient
    try:
        if recipient.link_id is None:
            contact = Contact.objects.select_related("customer").get(pk=recipient.contact_id)
            _settle(recipient, link=link_create(contact=contact, days=run.link_days))
        key = (recipient.customer_id, recipient.language)
        cache = pdf_cache if pdf_cache is not None else {}
        if key not in cache:
            cache.clear()
            read = statement(customer=recipient.customer, date_from=run.date_from, date_to=run.date_to)
            cache[key] = statement_pdf(read, recipient.language)
        subject, body = _mail(recipient, run, link_url(recipient.link), reminder=False)
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.email])
        message.attach(file_name(recipient.customer, run.date_from, run.date_to, "pdf"), cache[key], "application/pdf")
        message.send()
    except Exception as exc:  # the mail server's refusal or absence, kept on the row and sent again later
        _settle(recipient, status=RecipientStatus.FAILED, error=f"{type(exc).__name__}: {exc}"[:1000])
    else:
        _settle(recipient, status=RecipientStatus.SENT, error="", sent_at=timezone.now())
    return recipient


def sending_settle(*, run_id: int) -> int:
    """Settle the rows a dead sending left "sending": the e-mail may have left, so it is never sent again.

    They count as sent, without a time, with a note to check the mail server's log.
    """
    return StatementRecipient.objects.filter(run_id=run_id, status=RecipientStatus.SENDING).update(
        status=RecipientStatus.SENT,
        error=_("The sending stopped while this e-mail was being sent; it was probably sent and is not sent again."),
    )


def run_counts_update(run_id: int, *, finished: bool = False) -> StatementRun:
    """Count the run's sent and failed rows into the run (and close it when the sending is finished)."""
    counts = StatementRecipient.objects.filter(run_id=run_id).aggregate(
        sent=Count("pk", filter=Q(status=RecipientStatus.SENT)),
        failed=Count("pk", filter=Q(status=RecipientStatus.FAILED)),
    )
    fields: dict = {**counts, "seen_at": timezone.now()}
    if finished:
        run = StatementRun.objects.get(pk=run_id)
        fields["status"] = domain.run_status(recipients=run.recipients, **counts)
        fields["finished_at"] = timezone.now()
    StatementRun.objects.filter(pk=run_id).update(**fields)
    return StatementRun.objects.get(pk=run_id)


@transaction.atomic
def statement_run_retry(*, by, run: StatementRun) -> StatementRun:
    """Send the failed statements of a finished run again (the contact's e-mail address may have been fixed)."""
    ensure_permission(by, "portal.send_statementrun")
    ensure_company_access(by, run.company_id)
    if run.status not in (StatementRunStatus.SENT, StatementRunStatus.FAILED) or not run.failed:
        raise InvalidInput({"run": [_("Only a finished run with failed statements can send them again.")]})
    # An address added or corrected since: the failed rows take their customer's contact as it is now.
    failed = list(StatementRecipient.objects.filter(run=run, status=RecipientStatus.FAILED))
    chosen = _contacts_to_send_to([row.customer_id for row in failed])
    for row in failed:
        found = next((c for c in chosen.get(row.customer_id, []) if c[1] == row.contact_id), None)
        found = found or (chosen.get(row.customer_id) or [None])[0]
        if found is not None:
            row.contact_id, row.contact_name, row.email = found[1], found[2], found[3]
            row.language = found[4] or settings.LANGUAGE_CODE
    StatementRecipient.objects.bulk_update(failed, ["contact", "contact_name", "email", "language"], batch_size=1000)
    StatementRecipient.objects.filter(run=run, status=RecipientStatus.FAILED).update(status=RecipientStatus.DRAFT)
    StatementRun.objects.filter(pk=run.pk).update(status=StatementRunStatus.SENDING, seen_at=timezone.now())
    record(action="portal.statement_run_retry", actor=by, target=run, after={"failed": run.failed})
    from ardesk.portal.tasks import deliver_statement_run

    enqueue(deliver_statement_run, run.pk)
    run.refresh_from_db()
    return run


def sendings_resume() -> list[int]:
    """Start again the sendings whose process died: runs still "sending" but silent (a daily job)."""
    from ardesk.portal.tasks import deliver_statement_run

    now = timezone.now()
    resumed = []
    silent = StatementRun.objects.filter(status=StatementRunStatus.SENDING, seen_at__lt=now - SENDING_SILENT)
    for run_id, seen_at in silent.values_list("pk", "seen_at"):
        if StatementRun.objects.filter(pk=run_id, seen_at=seen_at).update(seen_at=now):
            enqueue(deliver_statement_run, run_id)
            resumed.append(run_id)
    return resumed


# --- after the sending: reminders and tasks ---------------------------------------------------


def _unanswered(run: StatementRun):
    """The run's sent statements of customers none of whose contacts answered through the run's links."""
    answered = StatementRecipient.objects.filter(
        run_id=run.pk, customer_id=OuterRef("customer_id"), answer__isnull=False
    )
    return StatementRecipient.objects.filter(run=run, status=RecipientStatus.SENT, sent_at__isnull=False).exclude(
        Exists(answered)
    )


def recipient_remind(*, recipient: StatementRecipient) -> bool:
    """E-mail the contact a reminder with the same link and statement; False if the mail server refused it."""
    run = recipient.run
    try:
        read = statement(customer=recipient.customer, date_from=run.date_from, date_to=run.date_to)
        subject, body = _mail(recipient, run, link_url(recipient.link), reminder=True)
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.email])
        message.attach(
            file_name(recipient.customer, run.date_from, run.date_to, "pdf"),
            statement_pdf(read, recipient.language),
            "application/pdf",
        )
        message.send()
    except OSError as exc:
        _settle(recipient, error=f"{type(exc).__name__}: {exc}"[:1000])
        return False
    _settle(recipient, reminded_at=timezone.now(), error="")
    return True


def statements_follow_up(*, as_of: dt.date) -> dict[str, int]:
    """Remind the contacts of unanswered statements once, then give each customer's owner a task (a daily job).

    The owner is the relationship owner, else the collector: the task is a revisit on their list.
    """
    reminded = tasks = 0
    runs = StatementRun.objects.filter(
        status=StatementRunStatus.SENT, finished_at__gte=timezone.now() - dt.timedelta(days=domain.MAX_LINK_DAYS)
    ).select_related("company")
    for run in runs:
        remind_by, task_by = domain.follow_up_dates(
            today=as_of, remind_after_days=run.remind_after_days, task_after_days=run.task_after_days
        )
        due = _unanswered(run).filter(reminded_at__isnull=True, sent_at__date__lte=remind_by, link__isnull=False)
        for recipient in due.select_related("customer", "link").order_by("pk").iterator(chunk_size=500):
            reminded += recipient_remind(recipient=recipient)
        to_task = _unanswered(run).filter(task_on__isnull=True, sent_at__date__lte=task_by)
        customers = list(Customer.objects.filter(pk__in=to_task.values("customer_id")))
        if customers:
            with translation.override(settings.LANGUAGE_CODE):
                relations.revisits_plan_by_rule_for(
                    customers=customers,
                    reason=RevisitReason.STATEMENT_OPEN,
                    source=f"statement-run:{run.pk}",
                    due_on=as_of + dt.timedelta(days=TASK_DUE_DAYS),
                    note=_("No answer on the statement %(date_from)s – %(date_to)s sent %(days)d days ago.")
                    % {"date_from": run.date_from, "date_to": run.date_to, "days": run.task_after_days},
                )
            to_task.update(task_on=as_of)
            tasks += len(customers)
    return {"reminded": reminded, "tasks": tasks}


# --- the monthly schedule ---------------------------------------------------------------------


@transaction.atomic
def statement_schedule_set(
    *, by, company: Company, is_active: bool, day: int, remind_after_days: int, task_after_days: int
) -> StatementSchedule:
    """Set a company's monthly statement run: on which day last month's statements go, when to remind."""
    ensure_permission(by, "portal.change_statementschedule")
    ensure_company_access(by, company.pk)
    errors = _days_problems(remind_after_days=remind_after_days, task_after_days=task_after_days)
    if not 1 <= day <= 28:
        errors["day"] = [_("Choose a day from 1 to 28 (every month has it).")]
    if errors:
        raise InvalidInput(errors)
    schedule, _created = StatementSchedule.objects.update_or_create(
        company=company,
        defaults={
            "is_active": is_active,
            "day": day,
            "remind_after_days": remind_after_days,
            "task_after_days": task_after_days,
            "changed_by": by,
        },
    )
    record(
        action="portal.statement_schedule_set",
        actor=by,
        target=schedule,
        after={"is_active": is_active, "day": day, "remind": remind_after_days, "task": task_after_days},
    )
    return schedule


def scheduled_runs(*, today: dt.date) -> list[StatementRun]:
    """This month's scheduled runs of every active schedule whose day has come, once per company and period:
    last month's for the customers on the company's run, and in a quarter's first month last quarter's
    for the customers set to a quarter (when it has any)."""
    month = domain.previous_month(today)
    quarter = domain.previous_quarter(today)
    runs = []
    schedules = StatementSchedule.objects.filter(is_active=True, company__is_active=True).select_related("company")
    for schedule in schedules:
        if not domain.schedule_is_due(day=schedule.day, today=today):
            continue
        due = [(MONTHLY, month)]
        if (
            domain.quarter_is_due(today)
            and CustomerStatementSetting.objects.filter(
                customer__company_id=schedule.company_id, frequency=StatementFrequency.QUARTERLY
            ).exists()
        ):
            due.append((StatementFrequency.QUARTERLY.value, quarter))
        for frequency, (date_from, date_to) in due:
            with transaction.atomic():
                # Two schedulers at once queue on the company row; the second finds the run written.
                Company.objects.select_for_update().filter(pk=schedule.company_id).first()
                if StatementRun.objects.filter(
                    company_id=schedule.company_id, is_scheduled=True, date_from=date_from, date_to=date_to
                ).exists():
                    continue
                run = statement_run_create(
                    by=None,
                    company=schedule.company,
                    date_from=date_from,
                    date_to=date_to,
                    remind_after_days=schedule.remind_after_days,
                    task_after_days=schedule.task_after_days,
                    check_access=False,
                    is_scheduled=True,
                    frequency=frequency,
                )
                runs.append(statement_run_send(by=None, run=run, check_access=False))
    return runs


@transaction.atomic
def customer_statement_frequency_set(
    *, by, customer: Customer, frequency: str, check_access: bool = True
) -> CustomerStatementSetting:
    """Set how often a customer's statement goes out with the scheduled runs: with the company's monthly run
    (the default), every quarter, or never (a mailing made by hand still takes it).

    ``check_access=False``: the command line, the operator's (no user, like ``statement_run_create``)."""
    if check_access:
        ensure_permission(by, "portal.change_statementschedule")
        ensure_company_access(by, customer.company_id)
    if frequency not in StatementFrequency.values:
        raise InvalidInput({"frequency": [_("Choose how often the statements are sent.")]})
    before = getattr(CustomerStatementSetting.objects.filter(customer=customer).first(), "frequency", "company")
    setting, _created = CustomerStatementSetting.objects.update_or_create(
        customer=customer, defaults={"frequency": frequency, "changed_by": by}
    )
    if before != frequency:
        record(
            action="portal.statement_frequency_set",
            actor=by,
            target=customer,
            before={"statement_frequency": before},
            after={"statement_frequency": frequency},
        )
    return setting
