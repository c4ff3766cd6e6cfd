"""Customer and contact endpoints: the same validation and permissions as the screens."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from ardesk.companies.access import ensure_permission, granted_company
from ardesk.core.schemas import Amount, Currency, Day, Id, MoneyOut, Page, Strict
from ardesk.customers import selectors, services
from ardesk.customers.models import Contact, Customer

router = Router(tags=["customers"])


class CustomerOut(Schema):
    id: int
    company: str
    code: str
    name: str
    uscc: str
    status: str
    registered_capital: MoneyOut | None
    founded_on: dt.date | None
    business_scope: str
    legal_representative: str
    industry: str
    region: str
    address: str
    parent_id: int | None
    collector: str | None
    collector_id: int | None
    analyst_id: int | None
    currency: str
    next_review_on: dt.date | None
    bank_name: str
    bank_account: str
    notes: str
    created_at: dt.datetime
    updated_at: dt.datetime


class CustomerIn(Strict):
    company: str = Field(..., description="Company code")
    code: str
    name: str
    uscc: str = ""
    status: str = "active"
    registered_capital: Amount | None = Field(None, description='Amount as a string, e.g. "5000000.00"')
    registered_capital_currency: Currency = "CNY"
    founded_on: Day | None = None
    business_scope: str = ""
    legal_representative: str = ""
    industry: str = ""
    region: str = ""
    address: str = ""
    parent_id: Id | None = None
    collector_id: Id | None = None
    analyst_id: Id | None = None
    currency: Currency = "CNY"
    next_review_on: Day | None = None
    bank_name: str = ""
    bank_account: str = ""
    notes: str = ""


class CustomerPatch(Strict):
    code: str | None = None
    name: str | None = None
    uscc: str | None = None
    registered_capital: Amount | None = None
    registered_capital_currency: Currency | None = None
    founded_on: Day | None = None
    business_scope: str | None = None
    legal_representative: str | None = None
    industry: str | None = None
    region: str | None = None
    address: str | None = None
    parent_id: Id | None = None
    collector_id: Id | None = None
    analyst_id: Id | None = None
    currency: Currency | None = None
    next_review_on: Day | None = None
    bank_name: str | None = None
    bank_account: str | None = None
    notes: str | None = None


class StatusIn(Strict):
    status: str
    reason: str = ""


class ContactOut(Schema):
    id: int
    customer_id: int
    name: str
    role: str
    title: str
    phone: str
    email: str
    preferred_language: str
    preferred_channel: str
    id_number: str
    bank_account: str
    is_primary: bool
    notes: str


class ContactIn(Strict):
    name: str
    role: str = "finance"
    title: str = ""
    phone: str = ""
    email: str = ""
    preferred_language: str = "zh-hans"
    preferred_channel: str = "email"
    id_number: str = ""
    bank_account: str = ""
    is_primary: bool = False
    notes: str = ""


class ContactPatch(Strict):
    name: str | None = None
    role: str | None = None
    title: str | None = None
    phone: str | None = None
    email: str | None = None
    preferred_language: str | None = None
    preferred_channel: str | None = None
    id_number: str | None = None
    bank_account: str | None = None
    is_primary: bool | None = None
    notes: str | None = None


class CustomerPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[CustomerOut]


class CustomerQuery(Schema):
    q: str = ""
    status: str = ""
    company: str = Field("", description="Company code")
    collector_id: Id | None = None
    industry: str = ""
    region: str = ""
    sort: str = "code"
    page: Page = 1
    page_size: int = Field(settings.ARDESK_API_PAGE_SIZE, ge=1, le=500)


def customer_out(user, customer: Customer) -> dict:
    capital = selectors.registered_capital_amount(customer)
    return {
        **{
            f: getattr(customer, f)
            for f in (
                "id",
                "code",
                "name",
                "uscc",
                "status",
                "founded_on",
                "business_scope",
                "legal_representative",
                "industry",
                "region",
                "address",
                "parent_id",
                "collector_id",
                "analyst_id",
                "currency",
                "next_review_on",
                "bank_name",
                "notes",
                "created_at",
                "updated_at",
            )
        },
        "company": customer.company.code,
        "collector": customer.collector.get_username() if customer.collector_id else None,
        "registered_capital": {"amount": str(capital), "currency": customer.registered_capital_currency}
        if capital is not None
        else None,
        "bank_account": selectors.shown_secret(user, customer.bank_account),
    }


def contact_out(user, contact: Contact) -> dict:
    data = {
        f: getattr(contact, f)
        for f in (
            "id",
            "customer_id",
            "name",
            "role",
            "title",
            "phone",
            "email",
            "preferred_language",
            "preferred_channel",
            "is_primary",
            "notes",
        )
    }
    data["id_number"] = selectors.shown_secret(user, contact.id_number)
    data["bank_account"] = selectors.shown_secret(user, contact.bank_account)
    return data


def _fields(payload: Schema, *, exclude_unset: bool) -> dict:
    data = payload.dict(exclude_unset=exclude_unset)
    for key in ("parent_id", "collector_id", "analyst_id"):
        if key in data:
            data[key.removesuffix("_id")] = data.pop(key)
    return data


@router.get("", response=CustomerPage, summary="List customers (search, filter, sort, paginate)")
def list_customers(request, query: Query[CustomerQuery]):
    ensure_permission(request.user, "customers.view_customer")
    company_id = granted_company(request.user, query.company).pk if query.company else None
    customers = selectors.customer_list(
        user=request.user,
        filters=selectors.CustomerFilters(
            q=query.q,
            status=query.status,
            company=company_id,
            collector=query.collector_id,
            industry=query.industry,
            region=query.region,
            sort=query.sort,
        ),
    )
    start = (query.page - 1) * query.page_size
    return {
        "count": customers.count(),
        "page": query.page,
        "page_size": query.page_size,
        "results": [customer_out(request.user, c) for c in customers[start : start + query.page_size]],
    }


@router.post("", response={201: CustomerOut}, summary="Register a customer")
def create_customer(request, payload: CustomerIn):
    data = _fields(payload, exclude_unset=False)
    company_id = granted_company(request.user, data.pop("company")).pk
    customer = services.customer_create(by=request.user, company=company_id, **data)
    return Status(201, customer_out(request.user, selectors.customer_detail(user=request.user, pk=customer.pk)))


@router.get("/{int:customer_id}", response=CustomerOut, summary="One customer")
def get_customer(request, customer_id: Id):
    return customer_out(request.user, selectors.customer_detail(user=request.user, pk=customer_id))


@router.patch("/{int:customer_id}", response=CustomerOut, summary="Change a customer's data")
def update_customer(request, customer_id: Id, payload: CustomerPatch):
    customer = selectors.customer_detail(user=request.user, pk=customer_id)
    services.customer_update(by=request.user, customer=customer, **_fields(payload, exclude_unset=True))
    return customer_out(request.user, selectors.customer_detail(user=request.user, pk=customer_id))


@router.post("/{int:customer_id}/status", response=CustomerOut, summary="Change a customer's status")
def change_status(request, customer_id: Id, payload: StatusIn):
    customer = selectors.customer_detail(user=request.user, pk=customer_id)
    services.customer_status_change(by=request.user, customer=customer, status=payload.status, reason=payload.reason)
    return customer_out(request.user, selectors.customer_detail(user=request.user, pk=customer_id))


@router.delete("/{int:customer_id}", response={204: None}, summary="Delete a customer entered by mistake")
def delete_customer(request, customer_id: Id):
    customer = selectors.customer_detail(user=request.user, pk=customer_id)
    services.customer_delete(by=request.user, customer=customer)
    return Status(204, None)


@router.get("/{int:customer_id}/contacts", response=list[ContactOut], summary="A customer's contacts")
def list_contacts(request, customer_id: Id):
    ensure_permission(request.user, "customers.view_contact")
    customer = selectors.customer_detail(user=request.user, pk=customer_id)
    return [contact_out(request.user, c) for c in customer.contacts.all()]


@router.post("/{int:customer_id}/contacts", response={201: ContactOut}, summary="Add a contact")
def create_contact(request, customer_id: Id, payload: ContactIn):
    customer = selectors.customer_detail(user=request.user, pk=customer_id)
    contact = services.contact_create(by=request.user, customer=customer, **payload.dict())
    return Status(201, contact_out(request.user, contact))


@router.get("/{int:customer_id}/contacts/{int:contact_id}", response=ContactOut, summary="One contact")
def get_contact(request, customer_id: Id, contact_id: Id):
    ensure_permission(request.user, "customers.view_contact")
    customer = selectors.customer_detail(user=request.user, pk=customer_id)
    return contact_out(request.user, selectors.contact_detail(user=request.user, customer=customer, pk=contact_id))


@router.patch("/{int:customer_id}/contacts/{int:contact_id}", response=ContactOut, summary="Change a contact")
def update_contact(request, customer_id: Id, contact_id: Id, payload: ContactPatch):
    customer = selectors.customer_detail(user=request.user, pk=customer_id)
    contact = selectors.contact_detail(user=request.user, customer=customer, pk=contact_id)
    contact = services.contact_update(by=request.user, contact=contact, **payload.dict(exclude_unset=True))
    return contact_out(request.user, contact)


@router.delete("/{int:customer_id}/contacts/{int:contact_id}", response={204: None}, summary="Remove a contact")
def delete_contact(request, customer_id: Id, contact_id: Id):
    customer = selectors.customer_detail(user=request.user, pk=customer_id)
    contact = selectors.contact_detail(user=request.user, customer=customer, pk=contact_id)
    services.contact_delete(by=request.user, contact=contact)
    return Status(204, None)
