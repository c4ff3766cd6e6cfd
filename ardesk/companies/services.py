"""Creating companies and granting users access to them, with audit events."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ardesk.audit.services import record, snapshot
from ardesk.companies.models import Company, CompanyGrant
from ardesk.core.errors import ApplicationError
from ardesk.core.money import is_currency


@transaction.atomic
def company_create(*, code: str, name: str, functional_currency: str = "CNY", by=None, **fields) -> Company:
    """Create a legal entity after checking its code and currency."""
    currency = (functional_currency or "").upper()
    if not is_currency(currency):
        raise ApplicationError(
            _("%(code)s is not an ISO 4217 currency code.") % {"code": functional_currency},
            field="functional_currency",
        )
    if Company.objects.filter(code=code).exists():
        raise ApplicationError(
            _("Company code %(code)s is already used.") % {"code": code}, field="code", code="duplicate"
        )
    company = Company(code=code, name=name, functional_currency=currency, **fields)
    try:
        company.full_clean()
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise ApplicationError(f"{field}: {messages[0]}", field=field) from exc
    company.save()
    record(action="company.create", actor=by, target=company, company_id=company.pk, after=snapshot(company))
    return company


@transaction.atomic
def company_grant(*, user, company: Company, by=None) -> CompanyGrant:
    """Give a user access to a company's data (a permission change, so it is audited)."""
    grant, created = CompanyGrant.objects.get_or_create(user=user, company=company)
    if created:
        record(action="company.grant", actor=by, target=user, company_id=company.pk, after={"company": company.code})
    return grant


@transaction.atomic
def company_revoke(*, user, company: Company, by=None) -> None:
    deleted, _by_model = CompanyGrant.objects.filter(user=user, company=company).delete()
    if deleted:
        record(action="company.revoke", actor=by, target=user, company_id=company.pk, before={"company": company.code})
