"""Contacts with a customer (calls, e-mails, visits, letters) and promises to pay (承诺付款), kept or broken."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.collections import domain
from ardesk.collections.errors import CollectionsError
from ardesk.collections.models import ContactLog, ContactOutcome, PromiseItem, PromiseStatus, PromiseToPay
from ardesk.collections.services.items import open_lines_of, positive_minor
from ardesk.companies.access import ensure_company_access, ensure_permission
from ardesk.core import clock
from ardesk.core.errors import InvalidInput
from ardesk.customers.models import Contact, Customer
from ardesk.ledger.models import Allocation


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
    lines = open_lines_of(customer, line_ids)
    if not lines:
        raise InvalidInput({"lines": [_("The customer has no overdue items to promise for: choose the items.")]})
    currencies = {line.currency for line in lines}
    if len(currencies) > 1:
        raise InvalidInput({"lines": [_("Choose items of one currency for a promise.")]})
    currency = currencies.pop()
    minor = positive_minor(amount, currency, "promise_amount")
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
