"""Imported credit limits: a batch approved or rejected as a whole, never by the user who prepared it."""

from __future__ import annotations

from django.db import connection, transaction
from django.utils.translation import gettext as _

from ardesk.audit.services import record, record_many
from ardesk.companies.access import ensure_company_access, ensure_permission
from ardesk.core import clock
from ardesk.core.errors import ApplicationError, NotPermitted
from ardesk.core.money import from_minor, grouped
from ardesk.credit.models import (
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

# The batch's customers without a credit account get an empty one (the model's defaults).
_OPEN_ACCOUNTS = """
INSERT INTO credit_creditaccount (customer_id, company_id, grade, review_date_by_hand, industry_risk,
                                  external_rating, updated_at)
SELECT customer_id, %s, '', FALSE, '', '', %s FROM credit_creditlimitline WHERE batch_id = %s
ON CONFLICT (customer_id) DO NOTHING
"""
# Each account's values before, then its line's: ACCOUNT_FIELDS twice, and the old system's approval.
_ACCOUNTS_AND_LINES = """
SELECT a.customer_id, a."limit", a.limit_valid_until, a.grade, a.max_term_days,
       l."limit", l.valid_until, l.grade, l.max_term_days, l.approved_by, l.approved_on, l.reference
FROM credit_creditaccount a JOIN credit_creditlimitline l ON l.customer_id = a.customer_id
WHERE l.batch_id = %s ORDER BY a.customer_id
"""
# A line without a grade or a term keeps the account's.
_SET_LIMITS = """
UPDATE credit_creditaccount AS a
SET "limit" = l."limit", limit_valid_until = l.valid_until, grade = COALESCE(NULLIF(l.grade, ''), a.grade),
    max_term_days = COALESCE(l.max_term_days, a.max_term_days), updated_at = %s
FROM credit_creditlimitline AS l
WHERE l.batch_id = %s AND a.customer_id = l.customer_id
"""


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
    """Set every account's limit, validity, grade and term from the batch, in a few statements over the whole batch.

    The accounts the batch names are opened where missing, then locked and read with their lines (the
    values before), updated in one statement, and each change recorded in the audit trail in bulk.
    """
    lock = " FOR UPDATE OF a" if connection.vendor == "postgresql" else ""
    now = clock.now()
    with connection.cursor() as cursor:
        cursor.execute(_OPEN_ACCOUNTS, [batch.company_id, now, batch.pk])
        # The accounts are locked as every credit write locks them, so an order check waits for the new limit.
        cursor.execute(_ACCOUNTS_AND_LINES + lock, [batch.pk])
        rows = cursor.fetchall()
        cursor.execute(_SET_LIMITS, [now, batch.pk])
    for start in range(0, len(rows), CHUNK):
        events = [_change(batch, row) for row in rows[start : start + CHUNK]]
        record_many(action="credit.account_change", actor=by, company_id=batch.company_id, events=events)
    held = OpenOrder.objects.filter(
        status=OrderStatus.HELD, customer__in=CreditLimitLine.objects.filter(batch=batch).values("customer")
    ).values("customer")
    for customer in Customer.objects.filter(pk__in=held):
        held_orders_recheck(by=by, customer=customer)


def _change(batch: CreditLimitBatch, row: tuple) -> dict:
    """The audit event of one account's change (a row of _ACCOUNTS_AND_LINES), naming the batch as its evidence."""
    customer_id, *before, limit, valid_until, grade, term, approved_by, approved_on, reference = row
    after = [limit, valid_until, grade or before[2], before[3] if term is None else term]
    return {
        "object_type": "credit.creditaccount",
        "object_id": str(customer_id),
        "object_repr": f"{customer_id}: {after[2] or '—'}",
        "before": dict(zip(ACCOUNT_FIELDS, before, strict=True)),
        "after": {
            **dict(zip(ACCOUNT_FIELDS, after, strict=True)),
            "limit_batch": batch.pk,
            "approved_by": approved_by,
            "approved_on": approved_on,
            "reference": reference,
        },
    }
