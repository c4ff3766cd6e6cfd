"""Credit reviews: opened by schedule, grade drop, large overdue or high utilisation; completed with a new score."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.companies.access import ensure_permission
from ardesk.core import clock
from ardesk.core.errors import ApplicationError, InvalidInput
from ardesk.core.money import from_minor, grouped
from ardesk.credit import domain, review_criteria, selectors
from ardesk.credit.models import CreditAccount, CreditReview, ReviewDecision, ReviewReason, ReviewStatus
from ardesk.credit.services.scoring import customer_score
from ardesk.customers.models import Customer
from ardesk.ledger import selectors as ledger


def review_open(*, customer: Customer, due_on: dt.date, reason: str, detail: str = "") -> CreditReview | None:
    """Open a review for the customer unless one is open already (one open review per customer)."""
    if CreditReview.objects.filter(customer=customer, status=ReviewStatus.OPEN).exists():
        return None
    try:
        with transaction.atomic():
            review = CreditReview.objects.create(
                customer=customer, company_id=customer.company_id, due_on=due_on, reason=reason, detail=detail
            )
    except IntegrityError:
        return None
    record(
        action="credit.review_open",
        target=review,
        company_id=customer.company_id,
        after={"reason": reason, "detail": detail},
    )
    return review


def reviews_schedule(*, as_of: dt.date) -> int:
    """Open the reviews that fell due by date: by schedule, a large overdue, high utilisation.

    The schedule: the date set by hand on the account, else the segment's interval after the last
    scoring (a registered criterion, read once for every customer), else the grade's (the date set
    at scoring). Safe to run again: a customer with an open review gets no second one.
    """
    opened = 0
    accounts = CreditAccount.objects.select_related("customer", "company").exclude(customer__status="closed")
    criterion_months = review_criteria.months_by_customer()
    scheduled = accounts.filter(Q(next_review_on__lte=as_of) | Q(customer_id__in=list(criterion_months)))
    for account in scheduled.select_related("last_score"):
        due_on = domain.review_due_on(
            next_review_on=account.next_review_on,
            by_hand=account.review_date_by_hand,
            scored_on=account.last_score.scored_on if account.last_score else None,
            criterion_months=criterion_months.get(account.customer_id),
        )
        if due_on is not None and due_on <= as_of:
            opened += bool(review_open(customer=account.customer, due_on=due_on, reason=ReviewReason.SCHEDULE))
    rules_by_company: dict[int, Any] = {}
    for account in accounts.exclude(customer__credit_reviews__status=ReviewStatus.OPEN):
        rules = rules_by_company.setdefault(account.company_id, selectors.rules_for(account.company_id))
        figures = ledger.exposure_minor(customer_ids=[account.pk], company_id=account.company_id, as_of=as_of)
        currency = account.company.functional_currency
        if rules.review_overdue_amount and figures["overdue"] > rules.review_overdue_amount:
            detail = _("Overdue %(amount)s %(currency)s.") % {
                "amount": grouped(from_minor(figures["overdue"], currency), currency),
                "currency": currency,
            }
            opened += bool(
                review_open(customer=account.customer, due_on=as_of, reason=ReviewReason.LARGE_OVERDUE, detail=detail)
            )
            continue
        if account.limit:
            total = figures["open"] - figures["unapplied"] + selectors.open_orders_minor(customer_ids=[account.pk])
            percent = Decimal(total) * 100 / account.limit
            if percent > rules.review_utilisation_percent:
                detail = _("Utilisation %(percent)s%%.") % {"percent": percent.quantize(Decimal("0.1"))}
                opened += bool(
                    review_open(customer=account.customer, due_on=as_of, reason=ReviewReason.UTILISATION, detail=detail)
                )
    return opened


@transaction.atomic
def review_complete(*, by, review: CreditReview, decision: str, note: str = "") -> CreditReview:
    """Complete a review: re-score the customer on the active scorecard and record the decision."""
    ensure_permission(by, "credit.change_creditreview")
    review = CreditReview.objects.select_for_update().select_related("customer__company").get(pk=review.pk)
    if review.status != ReviewStatus.OPEN:
        raise ApplicationError(_("The review is already completed."))
    if decision not in ReviewDecision.values:
        raise InvalidInput({"decision": [_("Use keep, reduce or hold.")]})
    score = customer_score(by=by, customer=review.customer)
    review.status, review.decision, review.note, review.score = ReviewStatus.DONE, decision, note, score
    review.completed_by, review.completed_at = by, clock.now()
    review.save()
    record(
        action="credit.review_complete",
        actor=by,
        target=review,
        company_id=review.company_id,
        after={"decision": decision, "note": note, "grade": score.grade, "score": score.score},
    )
    if decision == ReviewDecision.HOLD and review.customer.status == "active":
        from ardesk.customers.services import customer_status_change

        customer_status_change(by=by, customer=review.customer, status="on_hold", reason=note or _("Credit review"))
    return review
