"""Writing collections: policies, runs and their notices, contacts, promises, disputes, holds, legal cases."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.collections import domain, engine, letters
from ardesk.collections.errors import CollectionsError
from ardesk.collections.models import (
    CollectionProfile,
    ContactLog,
    ContactOutcome,
    Dispute,
    DisputeAttachment,
    DisputeItem,
    DisputeNote,
    DisputeReason,
    DisputeStatus,
    DunningLevel,
    DunningPolicy,
    DunningRun,
    LegalCase,
    LegalCaseStatus,
    LevelChannel,
    Notice,
    NoticeItem,
    NoticeStatus,
    PolicyGrade,
    PromiseItem,
    PromiseStatus,
    PromiseToPay,
    RunStatus,
)
from ardesk.companies.models import Company
from ardesk.core import clock
from ardesk.core.errors import InvalidInput
from ardesk.core.jobs import enqueue
from ardesk.core.money import CurrencyError, from_minor, to_decimal, to_minor
from ardesk.customers.models import Contact, Customer, CustomerStatus
from ardesk.customers.services import (
    check_attachment,
    customer_status_change,
    ensure_company_access,
    ensure_permission,
)
from ardesk.ledger import services as ledger_services
from ardesk.ledger.models import Allocation, DueLine

MAX_SEND_ATTEMPTS = 5
# A run's delivery reports progress after each batch of notices; silent this long, its process died.
DELIVERY_SILENT = dt.timedelta(minutes=15)


def _minor(value, currency: str, field: str) -> int:
    try:
        amount = to_decimal(value)
        minor = to_minor(amount, currency)
    except (TypeError, ValueError, ArithmeticError, CurrencyError) as exc:
        raise InvalidInput({field: [_("Enter an amount such as 1200.50.")]}) from exc
    if minor <= 0:
        raise InvalidInput({field: [_("The amount must be positive.")]})
    return minor


def _profile(customer: Customer, *, lock: bool = False) -> CollectionProfile:
    CollectionProfile.objects.get_or_create(customer=customer)
    profiles = CollectionProfile.objects.select_for_update() if lock else CollectionProfile.objects
    return profiles.get(customer=customer)


# --- policies ---------------------------------------------------------------------------------


@transaction.atomic
def policies_import(*, by, data) -> list[DunningPolicy]:
    """Create or replace policies from their JSON form; all or nothing, every problem named."""
    if by is not None:
        ensure_permission(by, "collections.change_dunningpolicy")
    specs, problems = domain.parse_policies(data)
    if problems:
        raise InvalidInput({"policies": problems})
    policies = []
    for spec in specs:
        policy, created = DunningPolicy.objects.select_for_update().get_or_create(
            code=spec.code, defaults={"name": spec.name}
        )
        before = None if created else {"levels": list(policy.levels.values("seq", "days", "channel", "min_amount"))}
        if spec.is_default:
            DunningPolicy.objects.filter(is_default=True).exclude(pk=policy.pk).update(is_default=False)
        policy.name, policy.name_zh = spec.name, spec.name_zh
        policy.min_days_between = spec.min_days_between
        policy.is_default = spec.is_default or (policy.is_default and not any(s.is_default for s in specs))
        policy.save()
        existing = {level.seq: level for level in policy.levels.all()}
        for level in spec.levels:
            values = {
                "name": level.name,
                "name_zh": level.name_zh,
                "days": level.days,
                "channel": level.channel,
                "min_amount": to_minor(level.min_amount, "CNY"),
                "subject_en": level.subject_en,
                "body_en": level.body_en,
                "subject_zh": level.subject_zh,
                "body_zh": level.body_zh,
            }
            if level.seq in existing:
                DunningLevel.objects.filter(pk=existing[level.seq].pk).update(**values)
            else:
                DunningLevel.objects.create(policy=policy, seq=level.seq, **values)
        extra = [seq for seq in existing if seq > len(spec.levels)]
        if extra:
            # Levels already used by notices stay (a notice keeps its level); an unused one goes.
            DunningLevel.objects.filter(policy=policy, seq__in=extra).filter(
                ~Q(pk__in=Notice.objects.values("level_id"))
            ).delete()
            if DunningLevel.objects.filter(policy=policy, seq__in=extra).exists():
                raise InvalidInput(
                    {
                        "levels": [
                            _("Policy %(code)s: levels already used by notices cannot be removed.")
                            % {"code": spec.code}
                        ]
                    }
                )
        PolicyGrade.objects.filter(policy=policy).exclude(grade__in=spec.grades).delete()
        for grade in spec.grades:
            PolicyGrade.objects.update_or_create(grade=grade, defaults={"policy": policy})
        record(
            action="dunning.policy.import",
            actor=by,
            target=policy,
            before=before,
            after={
                "levels": list(policy.levels.values("seq", "days", "channel", "min_amount")),
                "grades": list(spec.grades),
            },
        )
        policies.append(policy)
    return policies


@transaction.atomic
def policy_level_update(*, by, policy: DunningPolicy, seq: int, values: dict) -> DunningPolicy:
    """Change one level of a policy on the screen: the policy as the import reads it, with that level's new values.

    The import's checks (level order, channel, amounts, merge fields) and its audit apply as they are.
    """
    from ardesk.collections.selectors import policies_json

    spec = next((p for p in policies_json()["policies"] if p["code"] == policy.code), None)
    if spec is None or not 1 <= seq <= len(spec["levels"]):
        raise InvalidInput({"level": [_("This policy has no level %(seq)s.") % {"seq": seq}]})
    level = spec["levels"][seq - 1]
    level.update({key: str(value) if key == "min_amount" else value for key, value in values.items()})
    return policies_import(by=by, data={"policies": [spec]})[0]


def customer_policy_set(*, by, customer: Customer, policy: DunningPolicy | None) -> CollectionProfile:
    """Give a customer its own policy, or none (it then follows its grade or the default)."""
    ensure_permission(by, "collections.change_collectionprofile")
    ensure_company_access(by, customer.company_id)
    profile = _profile(customer, lock=True)
    before = {"policy": profile.policy_id}
    profile.policy = policy
    profile.save(update_fields=["policy", "updated_at"])
    record(
        action="dunning.policy.assign", actor=by, target=customer, before=before, after={"policy": policy and policy.pk}
    )
    return profile


@transaction.atomic
def customer_dunning_block(*, by, customer: Customer, blocked: bool, reason: str = "") -> CollectionProfile:
    """Stop (or restart) all dunning of a customer, with a reason; audited."""
    ensure_permission(by, "collections.hold_customer")
    ensure_company_access(by, customer.company_id)
    if blocked and not reason.strip():
        raise InvalidInput({"reason": [_("Give a reason for blocking dunning.")]})
    profile = _profile(customer, lock=True)
    before = {"dunning_blocked": profile.dunning_blocked, "reason": profile.block_reason}
    profile.dunning_blocked, profile.block_reason = blocked, reason.strip() if blocked else ""
    profile.save(update_fields=["dunning_blocked", "block_reason", "updated_at"])
    record(
        action="dunning.block",
        actor=by,
        target=customer,
        before=before,
        after={"dunning_blocked": blocked, "reason": reason.strip()},
    )
    return profile


# --- runs -------------------------------------------------------------------------------------


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


def _recipient(customer: Customer) -> tuple[Contact | None, list[str]]:
    contacts = list(customer.contacts.all())
    with_email = [c for c in contacts if c.email]
    primary = next((c for c in with_email if c.is_primary), None)
    finance = [c for c in with_email if c.role == "finance"]
    chosen = primary or (finance[0] if finance else None) or (with_email[0] if with_email else None)
    addresses = sorted({c.email for c in ([chosen] if chosen else []) + finance})
    person = chosen or (contacts[0] if contacts else None)
    return person, addresses


def _letter_items(notice: Notice) -> list[letters.LetterItem]:
    rows = NoticeItem.objects.filter(notice=notice).select_related("line__document").order_by("due_on", "line_id")
    return [
        letters.LetterItem(
            number=row.line.document.number + (f"/{row.line.seq}" if row.line.seq > 1 else ""),
            issue_on=row.line.issue_on,
            due_on=row.due_on,
            days_overdue=domain.days_overdue(row.due_on, notice.notice_on),
            currency=row.currency,
            open_amount=row.open_amount,
        )
        for row in rows
    ]


def notice_deliver(*, notice: Notice) -> Notice:
    """Write a notice's text and letter in the recipient's language and send, print, or act on it.

    E-mail: sent with the letter attached (a failure is kept on the notice and retried later).
    Letter and lawyer's letter: the PDF is ready to print. Phone: a call on the worklist.
    Credit hold: the customer is put on hold, audited.
    """
    notice = Notice.objects.select_related("customer", "company", "level").get(pk=notice.pk)
    contact, addresses = _recipient(notice.customer)
    language = letters.language_of(contact)
    items = _letter_items(notice)
    subject, body = letters.render_text(
        level=notice.level, notice=notice, contact=contact, items=items, language=language
    )
    notice.language, notice.subject, notice.body = language, subject, body
    notice.recipients = ", ".join(addresses)
    if notice.channel in (LevelChannel.EMAIL, LevelChannel.LETTER, LevelChannel.LEGAL) and not notice.pdf:
        pdf = letters.notice_pdf(level=notice.level, notice=notice, contact=contact, items=items, language=language)
        notice.pdf.save(f"notice-{notice.pk}-{notice.customer.code}.pdf", ContentFile(pdf), save=False)
    if notice.channel == LevelChannel.EMAIL:
        notice.attempts += 1
        if not addresses:
            notice.status, notice.error = NoticeStatus.FAILED, _("The customer has no contact with an e-mail address.")
        else:
            try:
                message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, addresses)
                with notice.pdf.open("rb") as handle:
                    message.attach(
                        f"{notice.customer.code}-{notice.notice_on:%Y%m%d}.pdf", handle.read(), "application/pdf"
                    )
                message.send()
            except Exception as exc:  # the mail server's refusal or absence, kept on the notice and retried
                notice.status, notice.error = NoticeStatus.FAILED, f"{type(exc).__name__}: {exc}"
            else:
                notice.status, notice.error, notice.sent_at = NoticeStatus.SENT, "", timezone.now()
    elif notice.channel in (LevelChannel.LETTER, LevelChannel.LEGAL):
        notice.status = NoticeStatus.PRINTED
    elif notice.channel == LevelChannel.HOLD:
        with transaction.atomic():
            _hold(by=None, customer=notice.customer, reason=_("Dunning level %(level)s") % {"level": notice.level.name})
        notice.status = NoticeStatus.DONE
    else:
        notice.status = NoticeStatus.TASK
    notice.save()
    return notice


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
    count = 0
    for notice in Notice.objects.filter(status=NoticeStatus.FAILED, attempts__lt=MAX_SEND_ATTEMPTS).order_by("id")[
        :1000
    ]:
        notice_deliver(notice=notice)
        count += 1
    return count


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


# --- contacts and promises --------------------------------------------------------------------


def _lines_of(customer: Customer, line_ids) -> list[DueLine]:
    if not line_ids:
        return list(
            DueLine.objects.filter(
                customer=customer, settled_on__isnull=True, open_now__gt=0, due_on__lte=clock.today()
            ).order_by("due_on", "id")
        )
    lines = list(DueLine.objects.filter(customer=customer, pk__in=line_ids, settled_on__isnull=True, open_now__gt=0))
    missing = set(map(int, line_ids)) - {line.pk for line in lines}
    if missing:
        raise InvalidInput(
            {
                "lines": [
                    _("Items %(ids)s are not open items of this customer.")
                    % {"ids": ", ".join(map(str, sorted(missing)))}
                ]
            }
        )
    return lines


@transaction.atomic
def contact_log(
    *,
    by,
    customer: Customer,
    channel: str,
    outcome: str,
    note: str = "",
    next_action_on: dt.date | None = None,
    contact: Contact | None = None,
    promise_amount: Decimal | str | None = None,
    promise_on: dt.date | None = None,
    line_ids=None,
    on: dt.date | None = None,
) -> ContactLog:
    """Log a call, e-mail, visit or letter with its outcome and next action; a promise given is recorded with it."""
    ensure_permission(by, "collections.add_contactlog")
    ensure_company_access(by, customer.company_id)
    errors: dict[str, list[str]] = {}
    if channel not in {"call", "email", "visit", "letter"}:
        errors["channel"] = [_("Choose call, e-mail, visit or letter.")]
    if outcome not in ContactOutcome.values:
        errors["outcome"] = [_("Choose an outcome.")]
    if contact is not None and contact.customer_id != customer.pk:
        errors["contact"] = [_("This person is not a contact of the customer.")]
    wants_promise = outcome == ContactOutcome.PROMISED or promise_amount not in (None, "")
    if wants_promise and (promise_amount in (None, "") or promise_on is None):
        errors.setdefault("promise_amount", []).append(_("A promise needs an amount and a date."))
    if errors:
        raise InvalidInput(errors)
    today = on or clock.today()
    log = ContactLog.objects.create(
        company_id=customer.company_id,
        customer=customer,
        contact=contact,
        channel=channel,
        outcome=outcome,
        note=note.strip(),
        next_action_on=next_action_on or (promise_on + dt.timedelta(days=1) if wants_promise else None),
        logged_on=today,
        logged_by=by,
    )
    record(
        action="collections.contact",
        actor=by,
        target=customer,
        after={"channel": channel, "outcome": outcome, "next_action_on": log.next_action_on},
    )
    if wants_promise:
        promise_create(
            by=by,
            customer=customer,
            amount=promise_amount,
            promised_on=promise_on,
            line_ids=line_ids,
            contact_log=log,
            on=today,
        )
    return log


@transaction.atomic
def promise_create(
    *,
    by,
    customer: Customer,
    amount: Decimal | str,
    promised_on: dt.date,
    line_ids=None,
    note: str = "",
    contact_log: ContactLog | None = None,
    on: dt.date | None = None,
) -> PromiseToPay:
    """Record a promise to pay (承诺付款) covering items: their dunning pauses until the promised date."""
    ensure_permission(by, "collections.add_promisetopay")
    ensure_company_access(by, customer.company_id)
    today = on or clock.today()
    lines = _lines_of(customer, line_ids)
    if not lines:
        raise InvalidInput({"lines": [_("The customer has no overdue items to promise for: choose the items.")]})
    currencies = {line.currency for line in lines}
    if len(currencies) > 1:
        raise InvalidInput({"lines": [_("Choose items of one currency for a promise.")]})
    currency = currencies.pop()
    minor = _minor(amount, currency, "promise_amount")
    if promised_on < today:
        raise InvalidInput({"promise_on": [_("The promised date cannot be in the past.")]})
    promise = PromiseToPay.objects.create(
        company_id=customer.company_id,
        customer=customer,
        currency=currency,
        amount=minor,
        promised_on=promised_on,
        made_on=today,
        contact_log=contact_log,
        note=note.strip(),
        created_by=by,
    )
    PromiseItem.objects.bulk_create(PromiseItem(promise=promise, line=line) for line in lines)
    record(
        action="collections.promise",
        actor=by,
        target=promise,
        after={"amount": minor, "currency": currency, "promised_on": promised_on, "items": [line.pk for line in lines]},
    )
    return promise


def promise_paid(promise: PromiseToPay) -> int:
    """What was paid on the promise's items from the day it was made up to the promised date (minor units)."""
    return (
        Allocation.objects.filter(
            line_id__in=promise.items.values("line_id"),
            allocated_on__gte=promise.made_on,
            allocated_on__lte=promise.promised_on,
        ).aggregate(total=Sum("amount"))["total"]
        or 0
    )


@transaction.atomic
def promises_check(*, as_of: dt.date) -> dict[str, int]:
    """Settle every open promise whose date has passed: kept when its items got the amount by then, else broken.

    A broken promise's items are back in dunning at once and the promise shows on the worklist.
    """
    counts = {"kept": 0, "broken": 0}
    for promise in PromiseToPay.objects.select_for_update().filter(status=PromiseStatus.OPEN, promised_on__lt=as_of):
        paid = promise_paid(promise)
        outcome = domain.promise_outcome(amount=promise.amount, paid=paid)
        promise.status, promise.paid, promise.checked_on = outcome, paid, as_of
        promise.save(update_fields=["status", "paid", "checked_on"])
        record(
            action=f"collections.promise.{outcome}",
            target=promise,
            after={"paid": paid, "amount": promise.amount},
            actor_name="system",
        )
        counts[outcome] += 1
    return counts


@transaction.atomic
def promise_cancel(*, by, promise: PromiseToPay) -> PromiseToPay:
    ensure_permission(by, "collections.add_promisetopay")
    ensure_company_access(by, promise.company_id)
    if promise.status != PromiseStatus.OPEN:
        raise CollectionsError(_("Only an open promise can be cancelled."))
    promise.status = PromiseStatus.CANCELLED
    promise.save(update_fields=["status"])
    record(action="collections.promise.cancel", actor=by, target=promise)
    return promise


# --- disputes ---------------------------------------------------------------------------------


@transaction.atomic
def dispute_open(
    *,
    by,
    customer: Customer,
    reason: str,
    amount: Decimal | str,
    line_ids,
    description: str = "",
    owner=None,
    on: dt.date | None = None,
) -> Dispute:
    """Open a dispute (争议) on items: their dunning stops until it is resolved."""
    ensure_permission(by, "collections.add_dispute")
    ensure_company_access(by, customer.company_id)
    if reason not in DisputeReason.values:
        raise InvalidInput(
            {"reason": [_("Choose one of: %(choices)s.") % {"choices": ", ".join(DisputeReason.values)}]}
        )
    if not line_ids:
        raise InvalidInput({"lines": [_("Choose the disputed items.")]})
    lines = _lines_of(customer, line_ids)
    currencies = {line.currency for line in lines}
    if len(currencies) > 1:
        raise InvalidInput({"lines": [_("Choose items of one currency for a dispute.")]})
    currency = currencies.pop()
    minor = _minor(amount, currency, "amount")
    open_total = sum(line.open_now for line in lines)
    if minor > open_total:
        raise InvalidInput({"amount": [_("The disputed amount is more than what is open on the items.")]})
    dispute = Dispute.objects.create(
        company_id=customer.company_id,
        customer=customer,
        reason=reason,
        currency=currency,
        amount=minor,
        owner=owner or by,
        description=description.strip(),
        opened_on=on or clock.today(),
        created_by=by,
    )
    DisputeItem.objects.bulk_create(DisputeItem(dispute=dispute, line=line) for line in lines)
    DisputeNote.objects.create(
        dispute=dispute, text=description.strip() or _("Dispute opened."), status=DisputeStatus.OPEN, written_by=by
    )
    record(
        action="collections.dispute.open",
        actor=by,
        target=dispute,
        after={"reason": reason, "amount": minor, "currency": currency, "items": [line.pk for line in lines]},
    )
    return dispute


@transaction.atomic
def dispute_note_add(*, by, dispute: Dispute, text: str) -> DisputeNote:
    ensure_permission(by, "collections.change_dispute")
    ensure_company_access(by, dispute.company_id)
    if not text.strip():
        raise InvalidInput({"text": [_("Write the note.")]})
    return DisputeNote.objects.create(dispute=dispute, text=text.strip(), written_by=by)


@transaction.atomic
def dispute_attach(*, by, dispute: Dispute, upload) -> DisputeAttachment:
    """Keep a document with the dispute (a delivery note, a photo): PDF, PNG or JPEG, checked by content."""
    ensure_permission(by, "collections.change_dispute")
    ensure_company_access(by, dispute.company_id)
    checked = check_attachment(upload)
    upload.seek(0)
    attachment = DisputeAttachment(
        dispute=dispute,
        original_name=upload.name[:255],
        content_type=checked.content_type,
        size=upload.size,
        uploaded_by=by,
    )
    attachment.file.save(upload.name, upload, save=False)
    attachment.save()
    record(action="collections.dispute.attach", actor=by, target=dispute, after={"file": attachment.original_name})
    return attachment


@transaction.atomic
def dispute_resolve(
    *, by, dispute: Dispute, outcome: str, note: str = "", on: dt.date | None = None, credit_number: str = ""
) -> Dispute:
    """Close a dispute: by a credit note for its amount (allocated to its items, oldest first), rejected, or withdrawn.

    A rejected or withdrawn dispute's items go back into dunning at the level they had.
    """
    dispute = Dispute.objects.select_for_update().select_related("customer", "company").get(pk=dispute.pk)
    ensure_company_access(by, dispute.company_id)
    if outcome == "withdrawn":
        ensure_permission(by, "collections.change_dispute")
    else:
        ensure_permission(by, "collections.resolve_dispute")
    if dispute.status != DisputeStatus.OPEN:
        raise CollectionsError(_("This dispute is already closed."))
    statuses = {
        "credit": DisputeStatus.CREDITED,
        "rejected": DisputeStatus.REJECTED,
        "withdrawn": DisputeStatus.WITHDRAWN,
    }
    if outcome not in statuses:
        raise InvalidInput({"outcome": [_("Choose credit, rejected or withdrawn.")]})
    if outcome == "rejected" and not note.strip():
        raise InvalidInput({"note": [_("Say why the dispute is rejected.")]})
    today = on or clock.today()
    if outcome == "credit":
        lines = list(
            DueLine.objects.filter(
                pk__in=dispute.items.values("line_id"), settled_on__isnull=True, open_now__gt=0
            ).order_by("due_on", "id")
        )
        try:
            parts = domain.spread_credit(dispute.amount, [line.open_now for line in lines])
        except ValueError as exc:
            raise CollectionsError(
                _("The items are no longer open for the disputed amount: %(error)s") % {"error": exc}
            ) from exc
        number = credit_number.strip() or f"CN-D{dispute.pk:06d}"
        credit = ledger_services.document_post(
            by=by,
            company=dispute.company,
            customer=dispute.customer,
            doc_type="credit_note",
            number=number,
            issue_on=today,
            currency=dispute.currency,
            amount=from_minor(dispute.amount, dispute.currency),
            description=_("Dispute %(id)d: %(reason)s") % {"id": dispute.pk, "reason": dispute.get_reason_display()},
            check_access=False,
        )
        for line, part in zip(lines, parts, strict=True):
            if part:
                ledger_services.allocation_create(
                    by=by,
                    source=credit,
                    line=line,
                    amount=from_minor(part, line.currency),
                    on=today,
                    check_access=False,
                )
        dispute.credit_note = credit
    dispute.status = statuses[outcome]
    dispute.resolved_on = today
    dispute.save(update_fields=["status", "resolved_on", "credit_note"])
    DisputeNote.objects.create(
        dispute=dispute, text=note.strip() or dispute.get_status_display(), status=dispute.status, written_by=by
    )
    record(
        action="collections.dispute.resolve",
        actor=by,
        target=dispute,
        before={"status": DisputeStatus.OPEN},
        after={"status": dispute.status, "credit_note": dispute.credit_note_id, "note": note.strip()},
    )
    return dispute


# --- escalation -------------------------------------------------------------------------------


def _hold(*, by, customer: Customer, reason: str) -> Customer:
    """The customer's status becomes on credit hold (the order check then holds its orders); audited there."""
    if customer.status == CustomerStatus.ACTIVE:
        customer = customer_status_change(
            by=by, customer=customer, status=CustomerStatus.ON_HOLD, reason=reason, check_access=False
        )
    return customer


@transaction.atomic
def customer_hold(*, by, customer: Customer, reason: str) -> Customer:
    """Put an active customer on credit hold from collections, with a reason; audited."""
    ensure_permission(by, "collections.hold_customer")
    ensure_company_access(by, customer.company_id)
    if not reason.strip():
        raise InvalidInput({"reason": [_("Give a reason for the credit hold.")]})
    if customer.status != CustomerStatus.ACTIVE:
        raise CollectionsError(
            _("Only an active customer can be put on credit hold; this one is %(status)s.")
            % {"status": customer.get_status_display()}
        )
    return _hold(by=by, customer=customer, reason=reason.strip())


@transaction.atomic
def customer_release(*, by, customer: Customer, reason: str = "") -> Customer:
    """Lift a credit hold from collections (the customer is active again); audited."""
    ensure_permission(by, "collections.hold_customer")
    ensure_company_access(by, customer.company_id)
    if customer.status == CustomerStatus.ON_HOLD:
        customer = customer_status_change(
            by=by, customer=customer, status=CustomerStatus.ACTIVE, reason=reason.strip(), check_access=False
        )
    return customer


@transaction.atomic
def legal_case_open(
    *, by, customer: Customer, reference: str = "", lawyer: str = "", notes: str = "", on: dt.date | None = None
) -> LegalCase:
    """Hand a customer to legal (移交法务): the case claims its overdue balance and ordinary dunning stops."""
    ensure_permission(by, "collections.hold_customer")
    ensure_company_access(by, customer.company_id)
    today = on or clock.today()
    if LegalCase.objects.filter(customer=customer, status=LegalCaseStatus.OPEN).exists():
        raise CollectionsError(_("This customer already has an open legal case."))
    overdue = DueLine.objects.filter(customer=customer, settled_on__isnull=True, open_now__gt=0, due_on__lt=today)
    claimed = overdue.aggregate(total=Sum("open_functional_now"))["total"] or 0
    case = LegalCase.objects.create(
        company_id=customer.company_id,
        customer=customer,
        opened_on=today,
        reference=reference.strip(),
        lawyer=lawyer.strip(),
        currency=customer.company.functional_currency,
        amount=claimed,
        notes=notes.strip(),
        opened_by=by,
    )
    profile = _profile(customer, lock=True)
    profile.in_legal = True
    profile.save(update_fields=["in_legal", "updated_at"])
    record(
        action="collections.legal.open",
        actor=by,
        target=case,
        after={"amount": claimed, "reference": case.reference, "lawyer": case.lawyer},
    )
    return case


@transaction.atomic
def legal_case_close(*, by, case: LegalCase, notes: str = "", on: dt.date | None = None) -> LegalCase:
    """Close a legal case; ordinary dunning resumes for the customer."""
    ensure_permission(by, "collections.hold_customer")
    ensure_company_access(by, case.company_id)
    if case.status != LegalCaseStatus.OPEN:
        raise CollectionsError(_("This legal case is already closed."))
    case.status, case.closed_on = LegalCaseStatus.CLOSED, on or clock.today()
    if notes.strip():
        case.notes = f"{case.notes}\n{notes.strip()}".strip()
    case.save(update_fields=["status", "closed_on", "notes"])
    profile = _profile(case.customer, lock=True)
    profile.in_legal = False
    profile.save(update_fields=["in_legal", "updated_at"])
    record(action="collections.legal.close", actor=by, target=case, after={"closed_on": case.closed_on})
    return case
