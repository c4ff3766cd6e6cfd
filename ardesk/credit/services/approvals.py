"""Credit requests (a limit, a term, a special approval) and their approval within the approver's level."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.companies.access import ensure_permission
from ardesk.core import clock
from ardesk.core.errors import ApplicationError, InvalidInput, NotPermitted
from ardesk.core.money import from_minor, grouped, quantize, to_decimal, to_minor
from ardesk.credit import domain
from ardesk.credit.models import ApprovalLevel, CreditAccount, CreditRequest, RequestKind, RequestStatus
from ardesk.credit.services.accounts import account_lock
from ardesk.credit.services.orders import held_orders_recheck
from ardesk.customers.models import Customer
from ardesk.customers.services import check_attachment


def _amount_minor(value, currency: str, field: str) -> int:
    try:
        return to_minor(quantize(to_decimal(value), currency), currency)
    except (ValueError, TypeError) as exc:
        raise InvalidInput({field: [_("%(value)s is not an amount.") % {"value": value}]}) from exc


@transaction.atomic
def credit_request_create(
    *,
    by,
    customer: Customer,
    kind: str,
    reason: str,
    amount=None,
    term_days: int | None = None,
    valid_until: dt.date | None = None,
    evidence=None,
) -> CreditRequest:
    """Request a limit or term change, or a special one-off approval (信用特批).

    A limit or term within the grade's policy (at most the recommended limit and the maximum term
    of the last score) applies at once; anything beyond it waits for an approver.
    """
    ensure_permission(by, "credit.add_creditrequest")
    currency = customer.company.functional_currency
    errors: dict[str, list[str]] = {}
    if kind not in RequestKind.values:
        errors["kind"] = [_("Use limit, term or special.")]
    if not reason.strip():
        errors["reason"] = [_("Give the reason for the request.")]
    minor = None
    if kind in (RequestKind.LIMIT, RequestKind.SPECIAL):
        if amount in (None, ""):
            errors["amount"] = [_("The amount is required.")]
        else:
            minor = _amount_minor(amount, currency, "amount")
            if minor < 0 or (kind == RequestKind.SPECIAL and minor == 0):
                errors["amount"] = [_("The amount must be positive.")]
    if kind == RequestKind.TERM and (term_days is None or term_days < 0):
        errors["term_days"] = [_("The payment term in days is required.")]
    if kind == RequestKind.SPECIAL and valid_until is None:
        errors["valid_until"] = [_("A special approval needs an expiry date.")]
    if valid_until is not None and valid_until < clock.today():
        errors["valid_until"] = [_("The date is in the past.")]
    if evidence is not None:
        try:
            check_attachment(evidence)
        except InvalidInput as exc:
            errors["evidence"] = [message for messages in exc.errors.values() for message in messages]
    if errors:
        raise InvalidInput(errors)
    account = account_lock(customer)
    request = CreditRequest(
        customer=customer,
        company_id=customer.company_id,
        kind=kind,
        amount=minor,
        currency=currency,
        term_days=term_days,
        valid_until=valid_until,
        reason=reason,
        requested_by=by,
    )
    if evidence is not None:
        request.evidence = evidence
    score = account.last_score
    if kind == RequestKind.LIMIT and score is not None and score.recommended_limit is not None:
        request.within_policy = minor <= score.recommended_limit
    elif kind == RequestKind.TERM and score is not None:
        request.within_policy = term_days <= score.max_term_days
    if not request.within_policy:
        level = _level_needed(request)
        request.level = level.name if level else ""
    request.save()
    record(
        action="credit.request",
        actor=by,
        target=request,
        company_id=customer.company_id,
        after={"kind": kind, "amount": minor, "term_days": term_days, "valid_until": valid_until, "reason": reason},
    )
    if request.within_policy:
        request.status, request.decided_at = RequestStatus.APPROVED, clock.now()
        request.decision_note = _("Within the grade's policy: applied without approval.")
        request.save(update_fields=["status", "decided_at", "decision_note"])
        _apply(request, account, by)
    return request


def _request_amount(request: CreditRequest) -> int:
    """The amount an approval level is judged by: the new limit or the special approval (a term counts as 0)."""
    return request.amount or 0


def _level_needed(request: CreditRequest) -> ApprovalLevel | None:
    levels = list(ApprovalLevel.objects.all())
    name = domain.approval_level_needed([(lv.name, lv.max_amount) for lv in levels], _request_amount(request))
    return next((lv for lv in levels if lv.name == name), None)


def approval_limit(user) -> tuple[bool, int | None]:
    """(may approve at all, up to which amount; None: any amount) from the user's roles' approval levels."""
    if not user.has_perm("credit.approve_creditrequest"):
        return False, 0
    levels = ApprovalLevel.objects.filter(group__in=user.groups.all())
    if user.is_superuser:
        return True, None
    maximums = [lv.max_amount for lv in levels]
    if not maximums:
        return False, 0
    return True, (None if None in maximums else max(maximums))


def _apply(request: CreditRequest, account: CreditAccount, by) -> None:
    before = {
        "limit": account.limit,
        "limit_valid_until": account.limit_valid_until,
        "max_term_days": account.max_term_days,
    }
    if request.kind == RequestKind.LIMIT:
        account.limit, account.limit_valid_until = request.amount, request.valid_until
    elif request.kind == RequestKind.TERM:
        account.max_term_days = request.term_days
    else:
        return  # a special approval is used by the next order that needs it
    account.save()
    after = {
        "limit": account.limit,
        "limit_valid_until": account.limit_valid_until,
        "max_term_days": account.max_term_days,
    }
    record(
        action="credit.account_change",
        actor=by,
        target=account,
        company_id=account.company_id,
        before=before,
        after=after,
    )
    if request.kind == RequestKind.LIMIT:
        held_orders_recheck(by=by, customer=request.customer)


@transaction.atomic
def credit_request_decide(*, by, request: CreditRequest, approve: bool, note: str = "") -> CreditRequest:
    """Approve or reject a pending request: never by its requester, and only within the approver's level."""
    request = CreditRequest.objects.select_for_update().select_related("customer").get(pk=request.pk)
    if request.status != RequestStatus.PENDING:
        raise ApplicationError(
            _("The request is %(status)s, not waiting for approval.") % {"status": request.get_status_display()}
        )
    if request.requested_by_id == by.pk:
        raise NotPermitted(_("Nobody approves or rejects their own request."))
    may, maximum = approval_limit(by)
    if not may:
        raise NotPermitted(_("Your role has no approval level for credit requests."))
    amount = _request_amount(request)
    if approve and maximum is not None and amount > maximum:
        raise NotPermitted(
            _("%(amount)s %(currency)s is above your approval level of %(max)s %(currency)s.")
            % {
                "amount": grouped(from_minor(amount, request.currency), request.currency),
                "currency": request.currency,
                "max": grouped(from_minor(maximum, request.currency), request.currency),
            }
        )
    request.status = RequestStatus.APPROVED if approve else RequestStatus.REJECTED
    request.decided_by, request.decided_at, request.decision_note = by, clock.now(), note
    request.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    record(
        action="credit.request_approve" if approve else "credit.request_reject",
        actor=by,
        target=request,
        company_id=request.company_id,
        before={"status": RequestStatus.PENDING},
        after={"status": request.status, "note": note, "amount": request.amount, "level": request.level},
    )
    if approve:
        _apply(request, account_lock(request.customer), by)
    return request
