"""Escalation beyond notices: a credit hold and its release, a legal case (移交法务) opened and closed."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.collections.errors import CollectionsError
from ardesk.collections.models import LegalCase, LegalCaseStatus
from ardesk.collections.services.policies import profile_of
from ardesk.companies.access import ensure_company_access, ensure_permission
from ardesk.core import clock
from ardesk.core.errors import InvalidInput
from ardesk.customers.models import Customer, CustomerStatus
from ardesk.customers.services import customer_status_change
from ardesk.ledger.models import DueLine


def put_on_hold(*, by, customer: Customer, reason: str) -> Customer:
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
    return put_on_hold(by=by, customer=customer, reason=reason.strip())


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
    profile = profile_of(customer, lock=True)
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
    profile = profile_of(case.customer, lock=True)
    profile.in_legal = False
    profile.save(update_fields=["in_legal", "updated_at"])
    record(action="collections.legal.close", actor=by, target=case, after={"closed_on": case.closed_on})
    return case
