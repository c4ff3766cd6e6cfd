"""Imported credit limits: a batch approved or rejected as a whole, never by the user who prepared it."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from ardesk.audit.services import record, record_many
from ardesk.companies.access import ensure_company_access, ensure_permission
from ardesk.core import clock
from ardesk.core.errors import ApplicationError, NotPermitted
from ardesk.core.money import from_minor, grouped
from ardesk.credit.models import (
    CreditAccount,
    CreditLimitBatch,
    CreditLimitLine,
    LimitBatchStatus,
    OpenOrder,
    OrderStatus,
)
from ardesk.credit.services.approvals import approval_limit
from ardesk.credit.services.orders import held_orders_recheck
from ardesk.customers.models import Customer

ACCOUNT_FIELDS = ("limit", "limit_valid_until", "grade", "max_term_days")
CHUNK = 2000


@transaction.atomic
def limit_batch_decide(*, by, batch: CreditLimitBatch, approve: bool, note: str = "") -> CreditLimitBatch:
    """Approve (and apply every limit of) a batch, or reject it; the preparer may do neither.

    The approver's approval level must cover the largest limit in the batch, as it would one request.
    Each credit account changed records the batch as its approval evidence in the audit trail.
    """
    ensure_permission(by, "credit.approve_creditlimitbatch")
    batch = CreditLimitBatch.objects.select_for_update().get(pk=batch.pk)
    ensure_company_access(by, batch.company_id)
    if batch.status != LimitBatchStatus.PENDING:
        raise ApplicationError(
            _("The import is %(status)s, not waiting for approval.") % {"status": batch.get_status_display()}
        )
    if batch.prepared_by_id == by.pk:
        raise NotPermitted(_("Nobody approves or rejects credit limits they imported themselves."))
    may, maximum = approval_limit(by)
    if approve and not may:
        raise NotPermitted(_("Your role has no approval level for credit limits."))
    if approve and maximum is not None and batch.largest > maximum:
        raise NotPermitted(
            _("The largest limit, %(amount)s %(currency)s, is above your approval level of %(max)s %(currency)s.")
            % {
                "amount": grouped(from_minor(batch.largest, batch.currency), batch.currency),
                "currency": batch.currency,
                "max": grouped(from_minor(maximum, batch.currency), batch.currency),
            }
        )
    batch.status = LimitBatchStatus.APPROVED if approve else LimitBatchStatus.REJECTED
    batch.decided_by, batch.decided_at, batch.decision_note = by, clock.now(), note
    batch.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    record(
        action="credit.limit_batch_approve" if approve else "credit.limit_batch_reject",
        actor=by,
        target=batch,
        company_id=batch.company_id,
        before={"status": LimitBatchStatus.PENDING},
        after={"status": batch.status, "note": note, "limits": batch.line_count, "largest": batch.largest},
    )
    if approve:
        _apply(batch, by)
    return batch


def _apply(batch: CreditLimitBatch, by) -> None:
    """Set every account's limit, validity, grade and term from the batch, a chunk of accounts at a time."""
    lines = CreditLimitLine.objects.filter(batch=batch).order_by("customer_id")
    customer_ids = list(lines.values_list("customer_id", flat=True))
    for start in range(0, len(customer_ids), CHUNK):
        ids = customer_ids[start : start + CHUNK]
        CreditAccount.objects.bulk_create(
            [CreditAccount(customer_id=pk, company_id=batch.company_id) for pk in ids], ignore_conflicts=True
        )
        # The accounts are locked as every credit write locks them, so an order check waits for the new limit.
        accounts = {a.pk: a for a in CreditAccount.objects.select_for_update().filter(customer_id__in=ids)}
        events = []
        for line in lines.filter(customer_id__in=ids):
            account = accounts[line.customer_id]
            before = {name: getattr(account, name) for name in ACCOUNT_FIELDS}
            account.limit, account.limit_valid_until = line.limit, line.valid_until
            if line.grade:
                account.grade = line.grade
            if line.max_term_days is not None:
                account.max_term_days = line.max_term_days
            after = {name: getattr(account, name) for name in ACCOUNT_FIELDS}
            events.append(
                {
                    "target": account,
                    "before": before,
                    "after": {
                        **after,
                        "limit_batch": batch.pk,
                        "approved_by": line.approved_by,
                        "approved_on": line.approved_on,
                        "reference": line.reference,
                    },
                }
            )
        CreditAccount.objects.bulk_update(accounts.values(), ["limit", "limit_valid_until", "grade", "max_term_days"])
        record_many(action="credit.account_change", actor=by, company_id=batch.company_id, events=events)
    held = OpenOrder.objects.filter(
        status=OrderStatus.HELD, customer__in=CreditLimitLine.objects.filter(batch=batch).values("customer")
    ).values("customer")
    for customer in Customer.objects.filter(pk__in=held):
        held_orders_recheck(by=by, customer=customer)
