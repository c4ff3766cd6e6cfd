"""Dunning runs and their notices: written, delivered by e-mail, letter, phone or credit hold, sent again."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import get_connection
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.collections import domain, engine, letters, notice_links
from ardesk.collections.errors import CollectionsError
from ardesk.collections.models import DunningRun, LevelChannel, Notice, NoticeItem, NoticeStatus, RunStatus
from ardesk.collections.services.escalation import put_on_hold
from ardesk.companies.access import ensure_company_access, ensure_permission
from ardesk.companies.models import Company
from ardesk.core import prepared
from ardesk.core.bulk import refresh_statistics
from ardesk.core.emails import PlainEmail
from ardesk.core.jobs import enqueue
from ardesk.customers.models import Contact

MAX_SEND_ATTEMPTS = 5
# A run's delivery reports progress after each batch of notices; silent this long, its process died.
DELIVERY_SILENT = dt.timedelta(minutes=15)
# A delivery saves its notices' outcomes (and moves its run's count) this many at a time.
OUTCOMES_SAVED_TOGETHER = 25
# A run of this many notices or more refreshes the planner's statistics of the notice tables.
STATISTICS_AFTER = 1000


@transaction.atomic
def dunning_run(
    *, by, company: Company, run_on: dt.date, check_access: bool = True, deliver: bool = True
) -> DunningRun:
    """Confirm the run of a date: write every notice and item in a few statements, then deliver in the background.

    The company row is locked so that two runs of the same company queue: the second one finds the
    items already at their new level and writes nothing twice. ``deliver=False`` leaves the delivery
    to the caller (the command line delivers in its own process).
    """
    if check_access:
        ensure_permission(by, "collections.add_dunningrun")
        ensure_company_access(by, company.pk)
    company = Company.objects.select_for_update().get(pk=company.pk)
    run = DunningRun.objects.create(company=company, run_on=run_on, created_by=by)
    notices, items, total = engine.write_run(
        run_id=run.pk, company_id=company.pk, run_on=run_on, currency=company.functional_currency
    )
    run.notices, run.items, run.total_functional = notices, items, total
    if notices >= STATISTICS_AFTER:
        # The delivery reads the notices and their items a batch at a time, right away: with the
        # statistics of the tables before the run, the planner scanned every due line for each
        # batch's items and every pending notice for the next batch.
        refresh_statistics(Notice, NoticeItem)
    run.status = RunStatus.DELIVERING if notices else RunStatus.DONE
    if not notices:
        run.finished_at = timezone.now()
    run.save()
    record(
        action="dunning.run",
        actor=by,
        target=run,
        after={"run_on": run_on, "notices": notices, "items": items, "total": total},
    )
    if notices and deliver:
        from ardesk.collections.tasks import deliver_run

        enqueue(deliver_run, run.pk)
    return run


def _recipient(contacts: list[Contact]) -> tuple[Contact | None, list[str]]:
    with_email = [c for c in contacts if c.email]
    primary = next((c for c in with_email if c.is_primary), None)
    finance = [c for c in with_email if c.role == "finance"]
    chosen = primary or (finance[0] if finance else None) or (with_email[0] if with_email else None)
    addresses = sorted({c.email for c in ([chosen] if chosen else []) + finance})
    person = chosen or (contacts[0] if contacts else None)
    return person, addresses


def _letter_items(notices: Sequence[Notice]) -> dict[int, list[letters.LetterItem]]:
    """Each notice's items for its letter, read for a whole batch of notices in one query."""
    on = {notice.pk: notice.notice_on for notice in notices}
    rows = (
        NoticeItem.objects.filter(notice_id__in=on)
        .select_related("line__document")
        .order_by("notice_id", "due_on", "line_id")
    )
    items: dict[int, list[letters.LetterItem]] = {pk: [] for pk in on}
    for row in rows:
        items[row.notice_id].append(
            letters.LetterItem(
                number=row.line.document.number + (f"/{row.line.seq}" if row.line.seq > 1 else ""),
                issue_on=row.line.issue_on,
                due_on=row.due_on,
                days_overdue=domain.days_overdue(row.due_on, on[row.notice_id]),
                currency=row.currency,
                open_amount=row.open_amount,
            )
        )
    return items


def notice_deliver(*, notice: Notice) -> Notice:
    """Write a notice's text and letter in the recipient's language and send, print, or act on it.

    E-mail: sent with the letter attached (a failure is kept on the notice and retried later).
    Letter and lawyer's letter: the PDF is ready to print. Phone: a call on the worklist.
    Credit hold: the customer is put on hold, audited.
    """
    (delivered,) = notices_deliver(notices=[notice])
    return delivered


def notices_deliver(*, notices: Sequence[Notice], run_id: int | None = None) -> list[Notice]:
    """Deliver a batch of notices (see ``notice_deliver``) over one connection to the mail server.

    What the notices share is read once for the batch: the notices with their customer, company
    and level, the customers' contacts, the items. Each notice is claimed (recorded "sending",
    committed) before anything leaves; the outcomes (sent, failed, printed, ...) are saved in groups
    of ``OUTCOMES_SAVED_TOGETHER``, with ``run_id``'s delivered count moved in the same
    transaction, so the count always agrees with the notices. A delivery that dies leaves at most
    one group "sending", which the resumed delivery settles (``notices_sending_settle``).
    """
    notices = list(
        Notice.objects.select_related("customer", "company", "level__policy")
        .filter(pk__in=[notice.pk for notice in notices])
        .order_by("pk")
    )
    customers = {notice.customer_id: notice.customer for notice in notices}
    contacts: dict[int, list[Contact]] = {customer_id: [] for customer_id in customers}
    for contact in Contact.objects.filter(customer_id__in=contacts):
        contact.customer = customers[contact.customer_id]  # already read with the notices
        contacts[contact.customer_id].append(contact)
    items = _letter_items(notices)
    recipients = {notice.pk: _recipient(contacts[notice.customer_id]) for notice in notices}
    # A higher context's lines for each e-mail's contact (the portal's fresh personal link), written for the batch.
    emailed = [(notice.pk, recipients[notice.pk][0]) for notice in notices if notice.channel == LevelChannel.EMAIL]
    emailed = [(pk, contact) for pk, contact in emailed if contact is not None and contact.email]
    lines = notice_links.lines_for([(contact, letters.language_of(contact)) for _pk, contact in emailed])
    added = {pk: extra for (pk, _contact), extra in zip(emailed, lines, strict=True)}
    connection = get_connection()
    done: list[Notice] = []
    try:
        for notice in notices:
            contact, addresses = recipients[notice.pk]
            if _notice_deliver(notice, contact, addresses, added.get(notice.pk, []), items[notice.pk], connection):
                done.append(notice)
            if len(done) >= OUTCOMES_SAVED_TOGETHER:
                _outcomes_save(done, run_id)
                done = []
    finally:
        _outcomes_save(done, run_id)  # what was sent before a failure is recorded as sent
        connection.close()
    return notices


def _notice_deliver(
    notice: Notice,
    contact: Contact | None,
    addresses: list[str],
    added: list[str],
    items: list[letters.LetterItem],
    connection,
) -> bool:
    """Write, claim and send one notice; its outcome is left on it to save. False if another delivery has it.

    ``added``: the lines after the notice's own text in its e-mail (``notice_links``).
    """
    language = letters.language_of(contact)
    subject, body, marked = letters.render_texts(
        level=notice.level, notice=notice, contact=contact, items=items, language=language
    )
    if added:
        body = "\n\n".join([body, *added])
    notice.language, notice.subject, notice.body = language, subject, body
    notice.recipients = ", ".join(addresses)
    pdf = None
    if notice.channel in (LevelChannel.EMAIL, LevelChannel.LETTER, LevelChannel.LEGAL) and not notice.pdf:
        pdf = letters.notice_pdf(
            level=notice.level,
            notice=notice,
            contact=contact,
            items=items,
            language=language,
            marked=marked,
        )
        notice.pdf.save(f"notice-{notice.pk}-{notice.customer.code}.pdf", ContentFile(pdf), save=False)
    if not _claim(notice):
        return False  # another delivery of the run took it first
    if notice.channel == LevelChannel.EMAIL:
        if not addresses:
            notice.status, notice.error = NoticeStatus.FAILED, _("The customer has no contact with an e-mail address.")
        else:
            try:
                if pdf is None:
                    with notice.pdf.open("rb") as handle:
                        pdf = handle.read()
                connection.open()  # once for the batch: an e-mail sent over an open connection leaves it open
                # Written directly (``core.emails``): the same message as Django's, in a tenth of its time.
                message = PlainEmail(subject, body, settings.DEFAULT_FROM_EMAIL, addresses, connection=connection)
                message.attach(f"{notice.customer.code}-{notice.notice_on:%Y%m%d}.pdf", pdf, "application/pdf")
                message.send()
            except Exception as exc:  # the mail server's refusal or absence, kept on the notice and retried
                notice.status, notice.error = NoticeStatus.FAILED, f"{type(exc).__name__}: {exc}"
                connection.close()  # the next e-mail opens a fresh connection
            else:
                notice.status, notice.error, notice.sent_at = NoticeStatus.SENT, "", timezone.now()
    elif notice.channel in (LevelChannel.LETTER, LevelChannel.LEGAL):
        notice.status = NoticeStatus.PRINTED
    elif notice.channel == LevelChannel.HOLD:
        with transaction.atomic():
            put_on_hold(
                by=None, customer=notice.customer, reason=_("Dunning level %(level)s") % {"level": notice.level.name}
            )
        notice.status = NoticeStatus.DONE
    else:
        notice.status = NoticeStatus.TASK
    return True


def _outcomes_save(notices: list[Notice], run_id: int | None) -> None:
    """Save delivered notices' outcomes in one transaction, moving their run's delivered count with them."""
    if not notices:
        return
    adapt = db_connection.ops.adapt_datetimefield_value
    rows = [(str(notice.status), notice.error, adapt(notice.sent_at), notice.pk) for notice in notices]
    with transaction.atomic(), db_connection.cursor() as cursor:
        # One statement for every notice: the ORM's bulk_update compiled a CASE a field, a millisecond a notice.
        cursor.executemany(_notice_sql(("status", "error", "sent_at"), ("id",)), rows)
        if run_id is not None:
            DunningRun.objects.filter(pk=run_id).update(
                delivered=F("delivered") + len(notices), delivery_seen_at=timezone.now()
            )


_CLAIMED = ("language", "subject", "body", "recipients", "pdf", "attempts")


def _claim(notice: Notice) -> bool:
    """Record the notice as being sent, with its text, before anything leaves; False if another delivery has it.

    The record is committed before the e-mail goes out, so a delivery whose process dies is resumed
    without sending twice: a notice found "sending" is settled by ``notices_sending_settle``.
    """
    if notice.status == NoticeStatus.SENDING:
        return False
    if notice.channel == LevelChannel.EMAIL:
        notice.attempts += 1
    values = [(notice.pdf.name or "") if name == "pdf" else getattr(notice, name) for name in _CLAIMED]
    sql = _notice_sql(("status", *_CLAIMED), ("id", "status"))
    with db_connection.cursor() as cursor:  # prepared once per connection on PostgreSQL: it runs once a notice
        prepared.execute(
            cursor, "ardesk_notice_claim", sql, [str(NoticeStatus.SENDING), *values, notice.pk, str(notice.status)]
        )
        claimed = cursor.rowcount
    notice.status = NoticeStatus.SENDING
    return bool(claimed)


@functools.cache
def _notice_sql(fields: tuple[str, ...], where: tuple[str, ...]) -> str:
    """The ``UPDATE`` of a notice's ``fields`` where the ``where`` fields are equal to the parameters, in order."""

    def column(name: str) -> str:
        return db_connection.ops.quote_name(Notice._meta.get_field(name).column)

    assignments = ", ".join(f"{column(name)} = %s" for name in fields)
    conditions = " AND ".join(f"{column(name)} = %s" for name in where)
    table = db_connection.ops.quote_name(Notice._meta.db_table)
    return f"UPDATE {table} SET {assignments} WHERE {conditions}"  # noqa: S608 (column names only; values are parameters)


def notices_sending_settle(*, run_id: int, first: int | None = None, last: int | None = None) -> list[Notice]:
    """Settle the notices of a run whose delivery died while they were "sending"; return the e-mails among them.

    ``first`` and ``last`` limit it to one range of the run's notices (a shard taken up again).

    The rule (docs/collections.md): an e-mail found "sending" may have left before the process died
    and is never sent again; it is marked sent, with no time and a note to check the mail server's
    log. A letter, a call or a credit hold had nothing leave the system and is simply done again.
    """
    sending = Notice.objects.filter(run_id=run_id, status=NoticeStatus.SENDING)
    if first is not None and last is not None:
        sending = sending.filter(pk__gte=first, pk__lte=last)
    emails = list(sending.filter(channel=LevelChannel.EMAIL).select_related("customer").order_by("pk"))
    sending.filter(channel=LevelChannel.EMAIL).update(
        status=NoticeStatus.SENT,
        sent_at=None,
        error=_(
            "The delivery stopped while this e-mail was being sent; it was probably sent and is not sent again. "
            "Check the mail server's log."
        ),
    )
    sending.update(status=NoticeStatus.PENDING)
    return emails


def notice_retry(*, by, notice: Notice) -> Notice:
    """Send a failed notice again."""
    ensure_permission(by, "collections.change_notice")
    ensure_company_access(by, notice.company_id)
    if notice.status != NoticeStatus.FAILED:
        raise CollectionsError(_("Only a notice whose sending failed can be sent again."))
    notice = notice_deliver(notice=notice)
    record(
        action="dunning.notice.retry", actor=by, target=notice, after={"status": notice.status, "error": notice.error}
    )
    return notice


@transaction.atomic
def notice_call_done(*, by, notice: Notice) -> Notice:
    """Mark a phone task done (the call itself is logged as a contact)."""
    ensure_permission(by, "collections.add_contactlog")
    ensure_company_access(by, notice.company_id)
    Notice.objects.filter(pk=notice.pk, status=NoticeStatus.TASK).update(status=NoticeStatus.DONE)
    notice.refresh_from_db()
    return notice


def notices_retry_failed() -> int:
    """Send again the notices whose sending failed, up to the attempt limit (a daily job)."""
    failed = list(
        Notice.objects.filter(status=NoticeStatus.FAILED, attempts__lt=MAX_SEND_ATTEMPTS).order_by("id")[:1000]
    )
    return len(notices_deliver(notices=failed)) if failed else 0


def deliveries_resume() -> list[int]:
    """Start again the deliveries whose process died (restart, crash): the runs still delivering but silent.

    Each run is claimed by moving its last sign of life to now, so two daily jobs do not both
    resume it; the delivery takes up the notices still to send where the dead one stopped.
    """
    from ardesk.collections.tasks import deliver_run

    now = timezone.now()
    silent_since = now - DELIVERY_SILENT
    resumed = []
    silent = DunningRun.objects.filter(status=RunStatus.DELIVERING, created_at__lt=silent_since).filter(
        Q(delivery_seen_at__isnull=True) | Q(delivery_seen_at__lt=silent_since)
    )
    for run_id, seen_at in silent.values_list("pk", "delivery_seen_at"):
        unchanged = Q(delivery_seen_at__isnull=True) if seen_at is None else Q(delivery_seen_at=seen_at)
        if DunningRun.objects.filter(unchanged, pk=run_id, status=RunStatus.DELIVERING).update(delivery_seen_at=now):
            enqueue(deliver_run, run_id)
            resumed.append(run_id)
    return resumed


def scheduled_runs(*, run_on: dt.date) -> list[DunningRun]:
    """The daily run of every active company that has no run for the date yet."""
    runs = []
    for company in Company.objects.filter(is_active=True).order_by("code"):
        if not DunningRun.objects.filter(company=company, run_on=run_on).exists():
            runs.append(dunning_run(by=None, company=company, run_on=run_on, check_access=False))
    return runs
