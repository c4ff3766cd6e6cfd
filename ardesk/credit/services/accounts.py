"""Credit accounts and groups: the account every credit write locks first, the analyst's inputs, group limits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.companies.access import ensure_permission
from ardesk.core.errors import InvalidInput
from ardesk.core.money import quantize, to_decimal, to_minor
from ardesk.credit.models import CreditAccount, CreditGroup
from ardesk.customers.models import Customer


def account_lock(customer: Customer) -> CreditAccount:
    """The customer's credit account, locked for the rest of the transaction; created on first use."""
    account = CreditAccount.objects.select_for_update(of=("self",)).select_related("company__credit_rules")
    found = account.filter(customer=customer).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            CreditAccount.objects.create(customer=customer, company_id=customer.company_id)
    except IntegrityError:
        pass  # made at the same moment by another transaction: lock the one it made
    return account.get(customer=customer)


@transaction.atomic
def account_update(*, by, customer: Customer, **fields) -> CreditAccount:
    """Change the analyst's qualitative inputs, the group or the review date (a limit change is a request)."""
    ensure_permission(by, "credit.change_creditaccount")
    allowed = {"industry_risk", "external_rating", "group", "next_review_on"}
    unknown = set(fields) - allowed
    if unknown:
        raise InvalidInput({name: [_("This field cannot be changed here.")] for name in sorted(unknown)})
    account = account_lock(customer)
    before = {k: getattr(account, k if k != "group" else "group_id") for k in fields}
    for name, value in fields.items():
        setattr(account, name, value)
    if "next_review_on" in fields:
        # A date set by hand wins over the segment's interval until the next scoring sets one by rule.
        account.review_date_by_hand = fields["next_review_on"] is not None
    account.save()
    after = {k: getattr(account, k if k != "group" else "group_id") for k in fields}
    record(
        action="credit.account_update",
        actor=by,
        target=account,
        company_id=customer.company_id,
        before=before,
        after=after,
    )
    return account


@transaction.atomic
def group_save(*, by, company, code: str, name: str, limit: Decimal, valid_until: dt.date | None) -> CreditGroup:
    ensure_permission(by, "credit.add_creditgroup")
    minor = to_minor(quantize(to_decimal(limit), company.functional_currency), company.functional_currency)
    group, _created = CreditGroup.objects.update_or_create(
        company=company, code=code, defaults={"name": name, "limit": minor, "valid_until": valid_until}
    )
    record(action="credit.group_save", actor=by, target=group, after={"limit": minor, "valid_until": valid_until})
    return group
