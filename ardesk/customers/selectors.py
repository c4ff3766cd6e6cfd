"""Questions about customers: lists with search and filters, review lists, one customer, history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from ardesk.audit.models import AuditEvent
from ardesk.companies.access import ensure_permission
from ardesk.companies.selectors import company_ids_for
from ardesk.core.crypto import mask
from ardesk.core.errors import NotFound
from ardesk.core.money import from_minor
from ardesk.customers import domain
from ardesk.customers.models import Contact, Customer

SORTS = {
    "code": ("code", "id"),
    "-code": ("-code", "-id"),
    "name": ("name", "id"),
    "-name": ("-name", "-id"),
    "status": ("status", "code", "id"),
    "-status": ("-status", "code", "id"),
    "next_review_on": ("next_review_on", "id"),
    "-next_review_on": ("-next_review_on", "-id"),
    "created_at": ("created_at", "id"),
    "-created_at": ("-created_at", "-id"),
}


@dataclass(frozen=True)
class CustomerFilters:
    q: str = ""
    status: str = ""
    company: int | None = None
    collector: int | None = None
    industry: str = ""
    region: str = ""
    sort: str = "code"


def visible_customers(user) -> QuerySet[Customer]:
    """Customers of the companies granted to the user."""
    return Customer.objects.filter(company_id__in=company_ids_for(user))


def customer_list(*, user, filters: CustomerFilters) -> QuerySet[Customer]:
    """The customers a user may see, searched, filtered and sorted for the list screen and the API."""
    customers = visible_customers(user).select_related("company", "collector")
    if filters.q:
        term = domain.search_term(filters.q)
        normalized = domain.normalize_uscc(filters.q)
        condition = Q(search_text__contains=term)
        if len(normalized) == 18:
            condition |= Q(uscc=normalized)
        customers = customers.filter(condition)
    if filters.status:
        customers = customers.filter(status=filters.status)
    if filters.company:
        customers = customers.filter(company_id=filters.company)
    if filters.collector:
        customers = customers.filter(collector_id=filters.collector)
    if filters.industry:
        customers = customers.filter(industry=filters.industry)
    if filters.region:
        customers = customers.filter(region=filters.region)
    return customers.order_by(*SORTS.get(filters.sort, SORTS["code"]))


def customers_due_for_review(*, user, as_of: dt.date, within_days: int = 0) -> QuerySet[Customer]:
    """Customers whose data is due for review by a date (overdue reviews first)."""
    until = as_of + dt.timedelta(days=within_days)
    return (
        visible_customers(user)
        .filter(next_review_on__lte=until)
        .exclude(status="closed")
        .select_related("company", "analyst", "collector")
        .order_by("next_review_on", "code", "id")
    )


def customer_detail(*, user, pk: int) -> Customer:
    """One customer the user may see, or NotFound (also for another company's customer)."""
    ensure_permission(user, "customers.view_customer")
    customer = Customer.objects.select_related("company", "parent", "collector", "analyst").filter(pk=pk).first()
    if customer is None or customer.company_id not in company_ids_for(user):
        raise NotFound(_("Customer %(id)s does not exist or is not visible to you.") % {"id": pk})
    return customer


def preferred_language(customer: Customer) -> str:
    """The language to write to a customer in: its primary (else first) contact's; Chinese without contacts."""
    contact = customer.contacts.order_by("-is_primary", "id").first()
    return "en" if contact is not None and contact.preferred_language.startswith("en") else "zh-hans"


def contact_detail(*, user, customer: Customer, pk: int) -> Contact:
    contact = Contact.objects.filter(customer=customer, pk=pk).first()
    if contact is None:
        raise NotFound(_("Contact %(id)s does not exist for this customer.") % {"id": pk})
    return contact


def customer_history(*, customer: Customer) -> QuerySet[AuditEvent]:
    """Every recorded change of the customer and of its contacts and attachments, newest first."""
    return AuditEvent.objects.filter(object_type="customers.customer", object_id=str(customer.pk)).order_by("-seq")


def registered_capital_amount(customer: Customer) -> Decimal | None:
    if customer.registered_capital is None:
        return None
    return from_minor(customer.registered_capital, customer.registered_capital_currency)


def shown_secret(user, value: str) -> str:
    """A sensitive value as this user may see it: in full, or masked."""
    if not value:
        return ""
    return value if user.has_perm("customers.view_sensitive") else mask(value)


def group_members(customer: Customer) -> QuerySet[Customer]:
    """The parent's other subsidiaries and the customer's own subsidiaries."""
    return (
        Customer.objects.filter(Q(parent=customer) | Q(parent_id=customer.parent_id, parent__isnull=False))
        .exclude(pk=customer.pk)
        .select_related("company")
        .order_by("code")[:50]
    )
