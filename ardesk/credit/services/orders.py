"""The order credit check (信用检查) and an order's life after it: re-checked, released or rejected, closed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.companies.access import ensure_permission
from ardesk.core import clock, prepared
from ardesk.core.errors import ApplicationError, InvalidInput, NotPermitted
from ardesk.core.money import from_minor, quantize, to_decimal, to_minor
from ardesk.credit import domain, selectors
from ardesk.credit.models import CreditGroup, CreditRequest, OpenOrder, OrderStatus, RequestKind, RequestStatus
from ardesk.credit.services.accounts import account_lock
from ardesk.customers.models import Customer
from ardesk.ledger import selectors as ledger


class OrderClosed(ApplicationError):
    code = "order_closed"
    status = 409


def _functional_minor(amount: Decimal, currency: str, company, on: dt.date) -> int:
    functional = company.functional_currency
    rate = ledger.exchange_rate(currency=currency, quote_currency=functional, on=on)
    return to_minor(quantize(to_decimal(amount) * rate, functional), functional)


def _figures(result: domain.CheckResult, facts: domain.CheckFacts, currency: str) -> dict:
    def m(minor):
        return None if minor is None else str(from_minor(minor, currency))

    return {
        "currency": currency,
        "order_amount": m(facts.amount),
        "open_receivables": m(facts.open_receivables),
        "unapplied_credits": m(facts.unapplied_credits),
        "open_orders": m(facts.open_orders),
        "exposure": m(result.exposure),
        "limit": m(facts.limit),
        "limit_valid_until": facts.limit_valid_until.isoformat() if facts.limit_valid_until else None,
        "available": m(facts.limit - result.exposure) if facts.limit is not None else None,
        "group_exposure": m(result.group_exposure),
        "group_limit": m(facts.group_limit),
        "overdue_amount": m(facts.overdue_amount),
        "oldest_overdue_days": facts.oldest_overdue_days,
        "next_review_on": facts.next_review_on.isoformat() if facts.next_review_on else None,
        "special_approval": m(facts.special_approval) if facts.special_approval else None,
    }


_INSERT_ORDER_SQL = """
    INSERT INTO credit_openorder (company_id, customer_id, order_ref, amount, currency, status, reasons, figures,
                                  checked_at, checked_by_id, decision_note)
    VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, '') RETURNING id
"""


@transaction.atomic
def credit_check(
    *, by, customer: Customer, order_ref: str, amount, currency: str = ""
) -> tuple[OpenOrder, domain.CheckResult]:
    """Check an order against the customer's credit (信用检查) and record it: released, held or blocked.

    The customer's credit account row (and its group's row) is locked first, so two checks for one
    customer run one after the other: the second sees the first's released order in the exposure
    and cannot also pass a limit that only one of them fits. A new order's check is three statements
    (account lock with the rules; the order, the ledger exposure and a special approval; the insert)
    and the audit event, after the permission (read with the customer by ``check_customer``); the
    rarer paths (first check of a customer, a group, a re-check, using a special approval) use the
    ORM.
    """
    if not selectors.has_permission(by, selectors.CHECK_PERMISSION):
        raise NotPermitted(_("Your role does not allow this action."))
    company = customer.company
    today = clock.today()
    currency = (currency or company.functional_currency).upper()
    try:
        amount_decimal = to_decimal(amount)
        to_minor(amount_decimal, currency)  # an amount finer than the minor unit is refused, not rounded
        amount_decimal = quantize(amount_decimal, currency)
    except ValueError as exc:
        raise InvalidInput({"amount": [str(exc)]}) from exc
    except TypeError as exc:
        raise InvalidInput({"amount": [_("%(value)s is not an amount.") % {"value": amount}]}) from exc
    if amount_decimal <= 0:
        raise InvalidInput({"amount": [_("The order amount must be positive.")]})
    if not order_ref.strip():
        raise InvalidInput({"order_ref": [_("The order reference is required.")]})
    reading = {"company_id": company.pk, "order_ref": order_ref, "customer_id": customer.pk, "today": today}
    account, context = selectors.locked_account_and_context(**reading)
    if account is None:
        account_lock(customer)  # the first check of this customer makes its account (locked)
        account = selectors.locked_account(customer.pk)
        context = selectors.order_context(**reading)
    group = CreditGroup.objects.select_for_update().get(pk=account.group_id) if account.group_id else None
    functional = company.functional_currency
    amount_minor = _functional_minor(amount_decimal, currency, company, today)
    existing = None
    if context.existing_id is not None:
        existing = OpenOrder.objects.get(pk=context.existing_id)
        if existing.status not in (OrderStatus.RELEASED, OrderStatus.HELD, OrderStatus.BLOCKED):
            raise OrderClosed(
                _("Order %(ref)s is already %(status)s.") % {"ref": order_ref, "status": existing.get_status_display()},
                field="order_ref",
            )
        if existing.customer_id != customer.pk:
            raise InvalidInput({"order_ref": [_("Order %(ref)s belongs to another customer.") % {"ref": order_ref}]})
    facts, result, special = _evaluate(
        customer=customer,
        account=account,
        group=group,
        amount_minor=amount_minor,
        open_orders=context.open_orders,
        exclude_order=context.existing_id,
        today=today,
        context=context,
    )
    status = {domain.RELEASE: OrderStatus.RELEASED, domain.HOLD: OrderStatus.HELD, domain.BLOCK: OrderStatus.BLOCKED}[
        result.decision
    ]
    reasons = _reasons(result)
    order_figures = _figures(result, facts, functional)
    if existing is not None:
        order = existing
        order.amount, order.currency, order.status = amount_minor, functional, status
        order.reasons, order.figures, order.checked_by = reasons, order_figures, by
        order.save()
    else:
        order = _order_insert(
            company=company,
            customer=customer,
            order_ref=order_ref,
            amount=amount_minor,
            currency=functional,
            status=status,
            reasons=reasons,
            figures=order_figures,
            by=by,
        )
    if result.uses_special_approval:
        CreditRequest.objects.filter(pk=special).update(status=RequestStatus.USED, used_by_order=order)
    record(
        action="credit.check",
        actor=by,
        target=order,
        company_id=company.pk,
        after={
            "decision": result.decision,
            "reasons": result.codes,
            "exposure": result.exposure,
            "amount": amount_minor,
        },
    )
    return order, result


def _evaluate(
    *,
    customer: Customer,
    account: selectors.CheckAccount,
    group: CreditGroup | None,
    amount_minor: int,
    open_orders: int,
    exclude_order: int | None,
    today: dt.date,
    context: selectors.OrderContext | None = None,
) -> tuple[domain.CheckFacts, domain.CheckResult, int | None]:
    """Read the exposure and decide an order (the account is locked): the facts, the result, the special approval's id.

    A new check passes the ``context`` it read in one statement; a re-check reads the ledger here.
    """
    if context is not None:
        figures = context.exposure
    else:
        figures = ledger.exposure_minor(customer_ids=[customer.pk], company_id=customer.company_id, as_of=today)
    group_exposure = None
    if group is not None:
        member_ids = list(group.accounts.values_list("customer_id", flat=True))
        group_figures = ledger.exposure_minor(customer_ids=member_ids, company_id=customer.company_id, as_of=today)
        group_exposure = (
            group_figures["open"]
            - group_figures["unapplied"]
            + selectors.open_orders_minor(customer_ids=member_ids, exclude_order=exclude_order)
        )
    facts = domain.CheckFacts(
        today=today,
        customer_status=customer.status,
        amount=amount_minor,
        open_receivables=figures["open"],
        unapplied_credits=figures["unapplied"],
        open_orders=open_orders,
        limit=account.limit,
        limit_valid_until=account.limit_valid_until,
        group_limit=group.limit if group else None,
        group_exposure=group_exposure,
        group_limit_valid_until=group.valid_until if group else None,
        overdue_amount=figures["overdue"],
        oldest_overdue_days=(today - figures["oldest_due_on"]).days if figures["oldest_due_on"] else 0,
        next_review_on=account.next_review_on,
        hold_overdue_days=account.hold_overdue_days,
        block_overdue_days=account.block_overdue_days,
        hold_overdue_amount=account.hold_overdue_amount,
    )
    result = domain.check_order(facts)
    special = None
    if "over_limit" in result.codes:
        # Only an order over the limit uses a special approval (信用特批); the account lock
        # already serialises the checks that could use the same one.
        if context is not None:
            special, amount = context.special_id, context.special_amount
        else:
            found = (
                CreditRequest.objects.filter(
                    customer=customer, kind=RequestKind.SPECIAL, status=RequestStatus.APPROVED, valid_until__gte=today
                )
                .order_by("valid_until", "id")
                .values_list("id", "amount")
                .first()
            )
            special, amount = found or (None, None)
        if special is not None:
            facts = dataclasses.replace(facts, special_approval=amount)
            result = domain.check_order(facts)
    return facts, result, special


def _reasons(result: domain.CheckResult) -> list[dict]:
    reasons = [{"code": r.code, "decision": r.decision, "message": r.message} for r in result.reasons]
    if result.uses_special_approval:
        reasons.append(
            {"code": "special_approval", "decision": domain.RELEASE, "message": _("Released under a special approval.")}
        )
    return reasons


def held_orders_recheck(*, by, customer: Customer) -> list[OpenOrder]:
    """Re-check the customer's held orders after its limit changed, oldest first; release those that now pass.

    Called inside the limit change's transaction, under the account lock. An order still held (or
    now blocked) stays in the queue for a manager, unchanged. Each released order joins the
    exposure before the next one is checked, so together they never pass the new limit.
    """
    account = selectors.locked_account(customer.pk)
    if account is None:
        return []
    group = CreditGroup.objects.select_for_update().get(pk=account.group_id) if account.group_id else None
    today = clock.today()
    released = []
    for order in OpenOrder.objects.filter(customer=customer, status=OrderStatus.HELD).order_by("checked_at", "id"):
        facts, result, special = _evaluate(
            customer=customer,
            account=account,
            group=group,
            amount_minor=order.amount,
            open_orders=selectors.open_orders_minor(customer_ids=[customer.pk]),
            exclude_order=order.pk,
            today=today,
        )
        if result.decision != domain.RELEASE:
            continue
        order.status, order.reasons, order.figures = (
            OrderStatus.RELEASED,
            _reasons(result),
            _figures(result, facts, order.currency),
        )
        order.decided_by, order.decided_at = by, clock.now()
        order.decision_note = _("Released when re-checked after the credit limit changed.")
        order.save(update_fields=["status", "reasons", "figures", "decided_by", "decided_at", "decision_note"])
        if result.uses_special_approval:
            CreditRequest.objects.filter(pk=special).update(status=RequestStatus.USED, used_by_order=order)
        record(
            action="credit.order_release",
            actor=by,
            target=order,
            before={"status": OrderStatus.HELD},
            after={"status": OrderStatus.RELEASED, "recheck": True, "exposure": result.exposure},
        )
        released.append(order)
    return released


def _order_insert(*, company, customer, order_ref, amount, currency, status, reasons, figures, by) -> OpenOrder:
    """Insert a newly checked order in one statement (the ORM's insert costs more than the rest of the check)."""
    checked_at = timezone.now()
    with connection.cursor() as cursor:
        prepared.execute(
            cursor,
            "ardesk_credit_order_insert",
            _INSERT_ORDER_SQL,
            [
                company.pk,
                customer.pk,
                order_ref,
                amount,
                currency,
                status,
                json.dumps(reasons),
                json.dumps(figures),
                connection.ops.adapt_datetimefield_value(checked_at),
                by.pk,
            ],
        )
        (pk,) = cursor.fetchone()
    order = OpenOrder(
        id=pk,
        company=company,
        customer=customer,
        order_ref=order_ref,
        amount=amount,
        currency=currency,
        status=status,
        reasons=reasons,
        figures=figures,
        checked_at=checked_at,
        checked_by=by,
    )
    order._state.adding, order._state.db = False, connection.alias
    return order


def _order_by_ref(company, order_ref: str) -> OpenOrder:
    order = OpenOrder.objects.select_for_update().filter(company=company, order_ref=order_ref).first()
    if order is None:
        from ardesk.core.errors import NotFound

        raise NotFound(_("Order %(ref)s was never checked.") % {"ref": order_ref})
    return order


@transaction.atomic
def order_close(*, by, company, order_ref: str, status: str) -> OpenOrder:
    """The order was invoiced (its amount is now in the ledger) or cancelled: it leaves the exposure."""
    ensure_permission(by, "credit.check_order")
    order = _order_by_ref(company, order_ref)
    allowed = (OrderStatus.RELEASED, OrderStatus.HELD) if status == OrderStatus.CANCELLED else (OrderStatus.RELEASED,)
    if order.status not in allowed:
        raise OrderClosed(
            _("Order %(ref)s is %(status)s and cannot be marked %(new)s.")
            % {"ref": order_ref, "status": order.get_status_display(), "new": OrderStatus(status).label}
        )
    before = order.status
    order.status = status
    order.save(update_fields=["status"])
    record(action=f"credit.order_{status}", actor=by, target=order, before={"status": before}, after={"status": status})
    return order


@transaction.atomic
def order_decide(*, by, order: OpenOrder, release: bool, note: str = "") -> OpenOrder:
    """A manager releases a held order (it joins the exposure) or rejects it; audited."""
    ensure_permission(by, "credit.decide_openorder")
    order = OpenOrder.objects.select_for_update().get(pk=order.pk)
    if order.status != OrderStatus.HELD:
        raise OrderClosed(_("Order %(ref)s is not held.") % {"ref": order.order_ref})
    account_lock(order.customer)  # the same lock as the check: a release and a check do not interleave
    order.status = OrderStatus.RELEASED if release else OrderStatus.REJECTED
    order.decided_by, order.decided_at, order.decision_note = by, clock.now(), note
    order.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    record(
        action="credit.order_release" if release else "credit.order_reject",
        actor=by,
        target=order,
        before={"status": OrderStatus.HELD},
        after={"status": order.status, "note": note},
    )
    return order
