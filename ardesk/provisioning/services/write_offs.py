"""Write-offs (核销) and recoveries of written-off amounts, with their ledger documents and entries."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.companies.models import Company
from ardesk.core.errors import InvalidInput, NotPermitted
from ardesk.core.money import from_minor, grouped, to_decimal, to_minor
from ardesk.customers.models import Customer
from ardesk.ledger import periods
from ardesk.ledger import services as ledger
from ardesk.ledger.errors import LedgerError
from ardesk.ledger.models import Document, DocumentStatus, DocumentType, DueLine
from ardesk.provisioning import domain, selectors
from ardesk.provisioning.access import APPROVE_WRITE_OFF, RECORD_RECOVERY, REQUEST_WRITE_OFF, ensure_access
from ardesk.provisioning.errors import ProvisioningError
from ardesk.provisioning.models import EntryKind, Recovery, WriteOff, WriteOffApproval, WriteOffItem, WriteOffStatus
from ardesk.provisioning.services.journal import book


def _write_off_number(company_id: int, on: dt.date) -> str:
    count = WriteOff.objects.filter(company_id=company_id, number__startswith=f"WO{on:%Y%m}-").count()
    return f"WO{on:%Y%m}-{count + 1:04d}"


@transaction.atomic
def write_off_request(
    *,
    by,
    customer: Customer,
    on: dt.date,
    reason: str,
    document: Document | None = None,
    currency: str | None = None,
    amounts: dict[int, Any] | None = None,
) -> WriteOff:
    """Ask to write off a customer's open items (or one document's) as bad debt (核销), for approval.

    Without ``amounts`` (line id → amount) every open item is written off in full.
    """
    ensure_access(by, customer.company_id, REQUEST_WRITE_OFF)
    periods.ensure_open(company_id=customer.company_id, on=on, field="on")
    company = customer.company
    currency = (currency or (document.currency if document else company.functional_currency)).upper()
    errors: dict[str, list[str]] = {}
    if not (reason or "").strip():
        errors["reason"] = [_("Say why the amount cannot be collected.")]
    lines = [
        line
        for line in selectors.open_lines_of(
            customer_id=customer.pk, company_id=company.pk, document_id=document.pk if document else None
        )
        if line.currency == currency
    ]
    pending = set(
        WriteOffItem.objects.filter(line__in=lines, write_off__status=WriteOffStatus.REQUESTED).values_list(
            "line_id", flat=True
        )
    )
    chosen: list[tuple[DueLine, int]] = []
    for line in lines:
        if amounts is not None and line.pk not in amounts:
            continue
        minor = line.open_now
        if amounts is not None:
            try:
                minor = to_minor(to_decimal(amounts[line.pk]), currency)
            except (TypeError, ValueError, ArithmeticError):
                errors.setdefault(f"amounts.{line.pk}", []).append(_("Enter an amount."))
                continue
            if not 0 < minor <= line.open_now:
                errors.setdefault(f"amounts.{line.pk}", []).append(
                    _("%(doc)s: write off more than 0 and at most the open %(open)s.")
                    % {"doc": line.document.number, "open": grouped(from_minor(line.open_now, currency), currency)}
                )
        if line.pk in pending:
            errors.setdefault("items", []).append(
                _("%(doc)s is already in a write-off awaiting approval.") % {"doc": line.document.number}
            )
        if line.issue_on > on:
            errors.setdefault("on", []).append(
                _("%(doc)s is dated after the write-off date.") % {"doc": line.document.number}
            )
        chosen.append((line, minor))
    if amounts is not None:
        for line_id in set(amounts) - {line.pk for line in lines}:
            errors.setdefault(f"amounts.{line_id}", []).append(
                _("Not an open item of this customer in %(c)s.") % {"c": currency}
            )
    if not chosen and not errors:
        errors["items"] = [
            _("Customer %(code)s has no open %(c)s items to write off.") % {"code": customer.code, "c": currency}
        ]
    if errors:
        raise InvalidInput(errors)
    total = sum(minor for _line, minor in chosen)
    functional = sum(minor * line.functional_amount // line.amount for line, minor in chosen)
    policy = selectors.company_policy(company.pk)
    limit = policy.single_approval_limit if policy else 0
    try:
        with transaction.atomic():
            write_off = WriteOff.objects.create(
                company=company,
                customer=customer,
                number=_write_off_number(company.pk, on),
                on=on,
                currency=currency,
                amount=total,
                reason=reason.strip(),
                approvals_required=domain.approvals_needed(functional, limit),
                requested_by=by,
            )
    except IntegrityError:
        raise ProvisioningError(_("Another write-off took this number at the same moment: try again.")) from None
    WriteOffItem.objects.bulk_create(WriteOffItem(write_off=write_off, line=line, amount=m) for line, m in chosen)
    record(
        action="write_off.request",
        actor=by,
        target=write_off,
        company_id=company.pk,
        object_repr=f"{customer.code} {write_off.number}",
        after={
            "amount": str(from_minor(total, currency)),
            "currency": currency,
            "items": [line.document.number for line, _m in chosen],
            "reason": reason,
            "approvals_required": write_off.approvals_required,
        },
    )
    return write_off


@transaction.atomic
def write_off_approve(*, by, write_off: WriteOff) -> WriteOff:
    """Approve a write-off; with the last approval needed it is posted to the ledger and booked.

    The write-off posts a credit document allocated to the written-off items: they leave the open
    balance and every report, and stay traceable through the document and this record.
    """
    ensure_access(by, write_off.company_id, APPROVE_WRITE_OFF)
    periods.ensure_open(company_id=write_off.company_id, on=write_off.on)
    company = Company.objects.select_for_update().get(pk=write_off.company_id)
    write_off = WriteOff.objects.select_for_update().select_related("customer").get(pk=write_off.pk)
    if write_off.status != WriteOffStatus.REQUESTED:
        raise ProvisioningError(_("Write-off %(n)s is not awaiting approval.") % {"n": write_off.number})
    if write_off.requested_by_id == by.pk:
        raise NotPermitted(_("You requested this write-off: someone else approves it."))
    if write_off.approvals.filter(approved_by=by).exists():
        raise NotPermitted(_("You approved this write-off already: a second approver is needed."))
    WriteOffApproval.objects.create(write_off=write_off, approved_by=by)
    done = write_off.approvals.count() >= write_off.approvals_required
    if done:
        try:
            _post_write_off(by=by, company=company, write_off=write_off)
        except (LedgerError, InvalidInput) as exc:
            raise ProvisioningError(
                _("Write-off %(n)s cannot be posted: %(reason)s") % {"n": write_off.number, "reason": exc.message}
            ) from exc
    record(
        action="write_off.approve",
        actor=by,
        target=write_off,
        company_id=company.pk,
        object_repr=f"{write_off.customer.code} {write_off.number}",
        after={"approvals": write_off.approvals.count(), "posted": done},
    )
    return write_off


def _post_write_off(*, by, company: Company, write_off: WriteOff) -> None:
    document = ledger.document_post(
        by=by,
        company=company,
        customer=write_off.customer,
        doc_type=DocumentType.WRITE_OFF,
        number=write_off.number,
        issue_on=write_off.on,
        currency=write_off.currency,
        amount=from_minor(write_off.amount, write_off.currency),
        description=write_off.reason[:300],
        check_access=False,
    )
    functional_total = 0
    for item in write_off.items.select_related("line"):
        allocation = ledger.allocation_create(
            by=by,
            source=document,
            line=item.line,
            amount=from_minor(item.amount, write_off.currency),
            on=write_off.on,
            check_access=False,
        )
        item.functional_amount = allocation.functional_amount
        item.save(update_fields=["functional_amount"])
        functional_total += allocation.functional_amount
    write_off.functional_amount = functional_total
    write_off.document = document
    write_off.status = WriteOffStatus.APPROVED
    write_off.save(update_fields=["functional_amount", "document", "status"])
    book(
        by=by,
        company=company,
        on=write_off.on,
        kind=EntryKind.WRITE_OFF,
        description=_("Bad debt written off %(n)s, %(customer)s")
        % {"n": write_off.number, "customer": write_off.customer.code},
        lines=domain.write_off_entry(functional_total),
        write_off=write_off,
    )


@transaction.atomic
def write_off_reject(*, by, write_off: WriteOff, reason: str) -> WriteOff:
    ensure_access(by, write_off.company_id, APPROVE_WRITE_OFF)
    write_off = WriteOff.objects.select_for_update().get(pk=write_off.pk)
    if write_off.status != WriteOffStatus.REQUESTED:
        raise ProvisioningError(_("Write-off %(n)s is not awaiting approval.") % {"n": write_off.number})
    if not (reason or "").strip():
        raise InvalidInput({"reason": [_("Say why the write-off is rejected.")]})
    write_off.status = WriteOffStatus.REJECTED
    write_off.rejected_by = by
    write_off.rejection_reason = reason.strip()[:300]
    write_off.save(update_fields=["status", "rejected_by", "rejection_reason"])
    record(
        action="write_off.reject", actor=by, target=write_off, company_id=write_off.company_id, after={"reason": reason}
    )
    return write_off


@transaction.atomic
def recovery_record(
    *,
    by,
    write_off: WriteOff,
    on: dt.date,
    amount: Any,
    receipt: Document | None = None,
    receipt_number: str = "",
) -> Recovery:
    """Record cash received on a written-off amount: reinstate it (a debit) and collect it (a receipt).

    The receipt is one already in the ledger (from the ERP) or a new one posted here.
    """
    ensure_access(by, write_off.company_id, RECORD_RECOVERY)
    periods.ensure_open(company_id=write_off.company_id, on=on, field="on")
    company = Company.objects.select_for_update().get(pk=write_off.company_id)
    write_off = WriteOff.objects.select_for_update().select_related("customer").get(pk=write_off.pk)
    errors: dict[str, list[str]] = {}
    if write_off.status != WriteOffStatus.APPROVED:
        raise ProvisioningError(_("Only an approved write-off can be recovered."))
    try:
        minor = to_minor(to_decimal(amount), write_off.currency)
    except (TypeError, ValueError, ArithmeticError):
        raise InvalidInput({"amount": [_("Enter an amount.")]}) from None
    recovered = sum(r.amount for r in write_off.recoveries.all())
    if not 0 < minor <= write_off.amount - recovered:
        errors["amount"] = [
            _("Recover more than 0 and at most the %(left)s %(c)s still written off.")
            % {
                "left": grouped(from_minor(write_off.amount - recovered, write_off.currency), write_off.currency),
                "c": write_off.currency,
            }
        ]
    if on < write_off.on:
        errors["on"] = [_("A recovery cannot be dated before the write-off.")]
    if receipt is None and not (receipt_number or "").strip():
        errors["receipt_number"] = [_("Choose the receipt or give the number of a new one.")]
    if receipt is not None and (
        receipt.customer_id != write_off.customer_id
        or receipt.doc_type != DocumentType.RECEIPT
        or receipt.status != DocumentStatus.POSTED
    ):
        errors["receipt"] = [_("The receipt must be a posted receipt of the same customer.")]
    if errors:
        raise InvalidInput(errors)
    n = write_off.recoveries.count() + 1
    value = from_minor(minor, write_off.currency)
    try:
        reinstatement = ledger.document_post(
            by=by,
            company=company,
            customer=write_off.customer,
            doc_type=DocumentType.RECOVERY,
            number=f"{write_off.number}-R{n}",
            issue_on=on,
            due_on=on,
            currency=write_off.currency,
            amount=value,
            description=_("Recovery of %(n)s") % {"n": write_off.number},
            check_access=False,
        )
        posted_here = receipt is None
        if posted_here:
            receipt = ledger.document_post(
                by=by,
                company=company,
                customer=write_off.customer,
                doc_type=DocumentType.RECEIPT,
                number=receipt_number.strip(),
                issue_on=on,
                currency=write_off.currency,
                amount=value,
                reference=reinstatement.number,
                check_access=False,
            )
        ledger.allocation_create(
            by=by, source=receipt, line=reinstatement.lines.get(), amount=value, on=on, check_access=False
        )
    except LedgerError as exc:
        raise ProvisioningError(exc.message) from exc
    recovery = Recovery.objects.create(
        write_off=write_off,
        company=company,
        on=on,
        amount=minor,
        functional_amount=reinstatement.functional_amount,
        reinstatement=reinstatement,
        receipt=receipt,
        receipt_posted_here=posted_here,
        recorded_by=by,
    )
    for n_entry, lines in enumerate(
        domain.recovery_entries(reinstatement.functional_amount, collected_here=posted_here)
    ):
        book(
            by=by,
            company=company,
            on=on,
            kind=EntryKind.RECOVERY,
            description=(_("Written-off %(n)s reinstated") if n_entry == 0 else _("Written-off %(n)s collected"))
            % {"n": write_off.number},
            lines=lines,
            recovery=recovery,
        )
    record(
        action="write_off.recover",
        actor=by,
        target=write_off,
        company_id=company.pk,
        object_repr=f"{write_off.customer.code} {write_off.number}",
        after={"amount": str(value), "on": on, "receipt": receipt.number, "receipt_posted_here": posted_here},
    )
    return recovery
