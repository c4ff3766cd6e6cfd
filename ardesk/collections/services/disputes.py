"""Disputes (争议) on items: opened, noted, documented, and resolved by a credit note, rejected or withdrawn."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.collections import domain
from ardesk.collections.errors import CollectionsError
from ardesk.collections.models import Dispute, DisputeAttachment, DisputeItem, DisputeNote, DisputeReason, DisputeStatus
from ardesk.collections.services.items import open_lines_of, positive_minor
from ardesk.companies.access import ensure_company_access, ensure_permission
from ardesk.core import clock
from ardesk.core.errors import InvalidInput
from ardesk.core.money import from_minor
from ardesk.customers.models import Customer
from ardesk.customers.services import check_attachment
from ardesk.ledger import services as ledger_services
from ardesk.ledger.models import DueLine

# Who may close a dispute which way: the customer's withdrawal is the collector's to record; a credit
# note or a rejection is the AR accountant's or the finance manager's decision (docs/collections.md).
RESOLUTION_PERMISSIONS = {
    "credit": "collections.resolve_dispute",
    "rejected": "collections.resolve_dispute",
    "withdrawn": "collections.change_dispute",
}


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
    lines = open_lines_of(customer, line_ids)
    currencies = {line.currency for line in lines}
    if len(currencies) > 1:
        raise InvalidInput({"lines": [_("Choose items of one currency for a dispute.")]})
    currency = currencies.pop()
    minor = positive_minor(amount, currency, "amount")
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

    ``on`` dates the resolution and the credit note (today when not given): between the day the
    dispute was opened and today. A rejected or withdrawn dispute's items go back into dunning at the
    level they had.
    """
    dispute = Dispute.objects.select_for_update().select_related("customer", "company").get(pk=dispute.pk)
    ensure_company_access(by, dispute.company_id)
    ensure_permission(by, RESOLUTION_PERMISSIONS.get(outcome, "collections.resolve_dispute"))
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
    if problem := domain.credit_note_date_problem(on=today, opened_on=dispute.opened_on, today=clock.today()):
        raise InvalidInput({"on": [problem]})
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
