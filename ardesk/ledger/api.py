"""Ledger endpoints: documents, allocations, balances, terms, rates and imports, with the same rules as the UI."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema
from ninja.files import UploadedFile
from ninja.responses import Status

from ardesk.companies.access import ensure_permission, granted_company
from ardesk.companies.selectors import company_ids_for
from ardesk.core import clock
from ardesk.core.errors import InvalidInput, NotFound
from ardesk.core.schemas import Amount, Currency, Day, Id, MoneyOut, Page, Strict, money_out
from ardesk.customers import selectors as customer_selectors
from ardesk.ledger import selectors, services
from ardesk.ledger.imports.engine import IMPORTERS, run_import
from ardesk.ledger.models import Allocation, Document, DueLine, ExchangeRate, PaymentTerm

router = Router(tags=["ledger"])


class LineOut(Schema):
    id: int
    seq: int
    due_on: dt.date
    amount: MoneyOut


class AllocationOut(Schema):
    id: int
    source_id: int
    source_number: str
    invoice_id: int
    invoice_number: str
    line_id: int
    allocated_on: dt.date
    amount: MoneyOut
    method: str
    reverses_id: int | None


class DocumentOut(Schema):
    id: int
    company: str
    customer_id: int
    customer_code: str
    doc_type: str
    number: str
    external_ref: str
    issue_on: dt.date
    due_on: dt.date | None
    amount: MoneyOut
    rate: str
    functional_amount: MoneyOut
    cost: MoneyOut | None
    order_ref: str
    medium: str = Field(..., description="Invoice medium: electronic, paper, or empty when not known")
    reference: str
    payment_term: str | None
    reversal_of_id: int | None
    is_reversed: bool
    description: str


class DocumentDetailOut(DocumentOut):
    lines: list[LineOut]
    allocations: list[AllocationOut]


class DocumentIn(Strict):
    """A document to post. Its dates, currency and amounts are checked by the ledger's document rules
    (``domain.document_problems``), so the API, the screens and an import refuse a mistake in the same words."""

    company: str = Field(..., description="Company code")
    customer: str = Field(..., description="Customer code")
    doc_type: str = Field(..., description="invoice, credit_note, debit_note, receipt or adjustment")
    number: str
    issue_on: dt.date
    currency: str
    amount: Decimal = Field(..., description="Positive; an adjustment may be negative (a credit)")
    due_on: dt.date | None = None
    payment_term: str | None = Field(None, description="Payment term code")
    external_ref: str = ""
    cost: Decimal | None = None
    order_ref: str = ""
    medium: str = Field("", description="Invoice medium of an invoice or debit note: electronic or paper")
    reference: str = Field("", description="For receipts and credit notes: the invoice number it pays")
    description: str = ""
    auto_allocate: bool = False


class ReverseIn(Strict):
    on: Day
    reason: str = ""


class RefundIn(Strict):
    amount: Amount
    on: Day
    reference: str = Field("", max_length=40)


class AllocationIn(Strict):
    source_id: Id = Field(..., description="The receipt or credit note")
    line_id: Id | None = Field(None, description="The due line (instalment); or give invoice_id")
    invoice_id: Id | None = None
    amount: Amount
    on: Day


class AutoAllocationIn(Strict):
    source_id: Id
    on: Day


class DocumentPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[DocumentOut]


class DocumentQuery(Schema):
    company: str = ""
    customer_id: Id | None = None
    doc_type: str = ""
    date_from: Day | None = None
    date_to: Day | None = None
    q: str = ""
    page: Page = 1
    page_size: int = Field(settings.ARDESK_API_PAGE_SIZE, ge=1, le=500)


class OpenItemOut(Schema):
    document_id: int
    number: str
    doc_type: str
    line_id: int | None
    issue_on: dt.date
    due_on: dt.date | None
    days_past_due: int
    open: MoneyOut


class BalanceOut(Schema):
    customer_id: int
    as_of: dt.date
    balances: list[dict]
    open_items: list[OpenItemOut]
    unapplied_credits: list[OpenItemOut]


class TermOut(Schema):
    code: str
    name: str
    kind: str
    days: int
    discount_percent: Decimal | None
    discount_days: int | None
    instalments: list[dict]


class TermIn(Strict):
    code: str = Field(..., max_length=20)
    name: str = Field(..., max_length=100)
    kind: str = Field("net", max_length=12)
    days: int = 30
    discount_percent: Decimal | None = None
    discount_days: int | None = None
    instalments: list[dict] = Field(default_factory=list, description='[{"percent": "30", "days": 30}, ...]')


class RateIn(Strict):
    currency: Currency
    quote_currency: Currency = "CNY"
    rate_on: Day
    rate: Decimal


class RateOut(Schema):
    currency: str
    quote_currency: str
    rate_on: dt.date
    rate: str


def document_out(document: Document, reversed_ids: set[int]) -> dict:
    currency, functional = document.currency, document.company.functional_currency
    return {
        "id": document.pk,
        "company": document.company.code,
        "customer_id": document.customer_id,
        "customer_code": document.customer.code,
        "doc_type": document.doc_type,
        "number": document.number,
        "external_ref": document.external_ref,
        "issue_on": document.issue_on,
        "due_on": document.due_on,
        "amount": money_out(document.amount, currency),
        "rate": str(document.rate),
        "functional_amount": money_out(document.functional_amount, functional),
        "cost": money_out(document.cost, currency),
        "order_ref": document.order_ref,
        "medium": document.medium,
        "reference": document.reference,
        "payment_term": document.payment_term.code if document.payment_term_id else None,
        "reversal_of_id": document.reversal_of_id,
        "is_reversed": document.pk in reversed_ids,
        "description": document.description,
    }


def allocation_out(allocation: Allocation) -> dict:
    return {
        "id": allocation.pk,
        "source_id": allocation.source_id,
        "source_number": allocation.source.number,
        "invoice_id": allocation.line.document_id,
        "invoice_number": allocation.line.document.number,
        "line_id": allocation.line_id,
        "allocated_on": allocation.allocated_on,
        "amount": money_out(allocation.amount, allocation.line.currency),
        "method": allocation.method,
        "reverses_id": allocation.reverses_id,
    }


def visible_document(user, pk: int) -> Document:
    ensure_permission(user, "ledger.view_document")
    document = (
        Document.objects.select_related("company", "customer", "payment_term")
        .filter(pk=pk, company_id__in=company_ids_for(user))
        .first()
    )
    if document is None:
        raise NotFound(_("Document %(id)s does not exist or is not visible to you.") % {"id": pk})
    return document


def _reversed(ids) -> set[int]:
    return set(Document.objects.filter(reversal_of_id__in=list(ids)).values_list("reversal_of_id", flat=True))


@router.get("/documents", response=DocumentPage, summary="List documents with filters")
def list_documents(request, query: Query[DocumentQuery]):
    ensure_permission(request.user, "ledger.view_document")
    company_ids = [granted_company(request.user, query.company).pk] if query.company else company_ids_for(request.user)
    documents = selectors.documents_for(
        company_ids=company_ids,
        filters={
            "customer": query.customer_id,
            "doc_type": query.doc_type,
            "date_from": query.date_from,
            "date_to": query.date_to,
            "q": query.q,
        },
    ).select_related("payment_term")
    start = (query.page - 1) * query.page_size
    page = list(documents[start : start + query.page_size])
    reversed_ids = _reversed(d.pk for d in page)
    return {
        "count": documents.count(),
        "page": query.page,
        "page_size": query.page_size,
        "results": [document_out(d, reversed_ids) for d in page],
    }


@router.post("/documents", response={201: DocumentDetailOut}, summary="Post a document")
def post_document(request, payload: DocumentIn):
    company = granted_company(request.user, payload.company)
    customer = customer_selectors.visible_customers(request.user).filter(company=company, code=payload.customer).first()
    if customer is None:
        raise InvalidInput(
            {
                "customer": [
                    _("No customer with code %(code)s in %(company)s.")
                    % {"code": payload.customer, "company": company.code}
                ]
            }
        )
    term = None
    if payload.payment_term:
        term = PaymentTerm.objects.filter(code=payload.payment_term).first()
        if term is None:
            raise InvalidInput({"payment_term": [_("Unknown payment term %(code)s.") % {"code": payload.payment_term}]})
    data = payload.dict(exclude={"company", "customer", "payment_term"})
    document = services.document_post(by=request.user, company=company, customer=customer, payment_term=term, **data)
    return Status(201, document_detail(request.user, document.pk))


def document_detail(user, pk: int) -> dict:
    document = visible_document(user, pk)
    allocations = (
        Allocation.objects.filter(Q(source=document) | Q(line__document=document))
        .select_related("source", "line__document")
        .order_by("allocated_on", "id")
    )
    return {
        **document_out(document, _reversed([document.pk])),
        "lines": [
            {"id": line.pk, "seq": line.seq, "due_on": line.due_on, "amount": money_out(line.amount, line.currency)}
            for line in document.lines.all()
        ],
        "allocations": [allocation_out(a) for a in allocations],
    }


@router.get("/documents/{int:document_id}", response=DocumentDetailOut, summary="One document with its allocations")
def get_document(request, document_id: Id):
    return document_detail(request.user, document_id)


@router.post("/documents/{int:document_id}/reverse", response={201: DocumentDetailOut}, summary="Reverse a document")
def reverse_document(request, document_id: Id, payload: ReverseIn):
    document = visible_document(request.user, document_id)
    reversal = services.document_reverse(by=request.user, document=document, on=payload.on, reason=payload.reason)
    return Status(201, document_detail(request.user, reversal.pk))


@router.post(
    "/documents/{int:document_id}/refund",
    response={201: DocumentDetailOut},
    summary="Refund what is unallocated on a receipt or credit note",
)
def refund_credit(request, document_id: Id, payload: RefundIn):
    credit = visible_document(request.user, document_id)
    refund = services.credit_refund(
        by=request.user, credit=credit, amount=payload.amount, on=payload.on, reference=payload.reference
    )
    return Status(201, document_detail(request.user, refund.pk))


@router.post("/allocations", response={201: AllocationOut}, summary="Allocate a receipt or credit note")
def allocate(request, payload: AllocationIn):
    source = visible_document(request.user, payload.source_id)
    if payload.line_id is not None:
        line = get_object_or_404(DueLine, pk=payload.line_id, company_id=source.company_id)
    elif payload.invoice_id is not None:
        line = (
            DueLine.objects.filter(document_id=payload.invoice_id, company_id=source.company_id).order_by("seq").first()
        )
        if line is None:
            raise InvalidInput({"invoice_id": [_("No such invoice.")]})
        if DueLine.objects.filter(document_id=payload.invoice_id).count() > 1:
            raise InvalidInput({"line_id": [_("This invoice has instalments: name the line to allocate to.")]})
    else:
        raise InvalidInput({"line_id": [_("Give line_id or invoice_id.")]})
    allocation = services.allocation_create(
        by=request.user, source=source, line=line, amount=payload.amount, on=payload.on
    )
    return Status(201, allocation_out(allocation))


@router.post("/allocations/auto", response={201: list[AllocationOut]}, summary="Allocate by the rules")
def allocate_auto(request, payload: AutoAllocationIn):
    source = visible_document(request.user, payload.source_id)
    return Status(
        201, [allocation_out(a) for a in services.allocation_auto(by=request.user, source=source, on=payload.on)]
    )


@router.post(
    "/allocations/{int:allocation_id}/reverse",
    response={201: AllocationOut},
    summary="Undo an allocation by a reversing one",
)
def reverse_allocation(request, allocation_id: Id, payload: ReverseIn):
    ensure_permission(request.user, "ledger.view_allocation")
    allocation = get_object_or_404(Allocation, pk=allocation_id, company_id__in=company_ids_for(request.user))
    return Status(
        201, allocation_out(services.allocation_reverse(by=request.user, allocation=allocation, on=payload.on))
    )


@router.get(
    "/customers/{int:customer_id}/balance",
    response=BalanceOut,
    summary="A customer's balance, open items and unapplied credits as of a date",
)
def customer_balance(request, customer_id: Id, as_of: Day | None = None):
    ensure_permission(request.user, "ledger.view_document")
    customer = customer_selectors.customer_detail(user=request.user, pk=customer_id)
    day = as_of or clock.today()
    return {
        "customer_id": customer.pk,
        "as_of": day,
        "balances": [
            {**b, "balance": str(b["balance"]), "functional_balance": str(b["functional_balance"])}
            for b in selectors.customer_balances(customer_id=customer.pk, as_of=day)
        ],
        "open_items": [
            {
                "document_id": line.document_id,
                "number": line.document.number,
                "doc_type": line.document.doc_type,
                "line_id": line.pk,
                "issue_on": line.issue_on,
                "due_on": line.due_on,
                "days_past_due": max((day - line.due_on).days, 0),
                "open": money_out(line.open_amount, line.currency),
            }
            for line in selectors.open_lines(as_of=day, customer_ids=[customer.pk]).select_related("document")
        ],
        "unapplied_credits": [
            {
                "document_id": credit.pk,
                "number": credit.number,
                "doc_type": credit.doc_type,
                "line_id": None,
                "issue_on": credit.issue_on,
                "due_on": None,
                "days_past_due": 0,
                "open": money_out(credit.unapplied, credit.currency),
            }
            for credit in selectors.open_credits(as_of=day, customer_ids=[customer.pk])
        ],
    }


class CustomerTermIn(Strict):
    payment_term: str | None = Field(None, description="Payment term code, or null for none")


@router.put("/customers/{int:customer_id}/payment-term", response=dict, summary="Set a customer's default term")
def set_customer_term(request, customer_id: Id, payload: CustomerTermIn):
    customer = customer_selectors.customer_detail(user=request.user, pk=customer_id)
    term = None
    if payload.payment_term:
        term = PaymentTerm.objects.filter(code=payload.payment_term, is_active=True).first()
        if term is None:
            raise InvalidInput({"payment_term": [_("Unknown payment term %(code)s.") % {"code": payload.payment_term}]})
    services.customer_terms_set(by=request.user, customer=customer, payment_term=term)
    return {"customer_id": customer.pk, "payment_term": term.code if term else None}


@router.get("/payment-terms", response=list[TermOut], summary="Payment term templates")
def list_terms(request):
    ensure_permission(request.user, "ledger.view_paymentterm")
    return [term_out(t) for t in PaymentTerm.objects.prefetch_related("instalments")]


def term_out(term: PaymentTerm) -> dict:
    return {
        "code": term.code,
        "name": term.name,
        "kind": term.kind,
        "days": term.days,
        "discount_percent": term.discount_percent,
        "discount_days": term.discount_days,
        "instalments": [{"percent": str(i.percent), "days": i.days} for i in term.instalments.all()],
    }


@router.post("/payment-terms", response={201: TermOut}, summary="Create a payment term")
def create_term(request, payload: TermIn):
    term = services.payment_term_create(by=request.user, **payload.dict())
    return Status(201, term_out(term))


@router.get("/exchange-rates", response=list[RateOut], summary="Exchange rates, newest first")
def list_rates(request, currency: str = ""):
    ensure_permission(request.user, "ledger.view_exchangerate")
    rates = ExchangeRate.objects.order_by("-rate_on")
    if currency:
        rates = rates.filter(currency=currency.upper())
    return [
        {"currency": r.currency, "quote_currency": r.quote_currency, "rate_on": r.rate_on, "rate": str(r.rate)}
        for r in rates[:500]
    ]


@router.post("/exchange-rates", response={201: RateOut}, summary="Enter an exchange rate")
def create_rate(request, payload: RateIn):
    rate = services.exchange_rate_set(by=request.user, **payload.dict())
    return Status(
        201,
        {
            "currency": rate.currency,
            "quote_currency": rate.quote_currency,
            "rate_on": rate.rate_on,
            "rate": str(rate.rate),
        },
    )


@router.post(
    "/imports/{kind}",
    response={200: dict, 422: dict},
    summary="Import a CSV or XLSX file (all or nothing; dry_run to check only)",
)
def import_file(request, kind: str, file: File[UploadedFile], company: Form[str], dry_run: Form[bool] = False):
    if kind not in IMPORTERS:
        ensure_permission(request.user, "ledger.add_importbatch")
        raise InvalidInput({"kind": [_("Choose one of: %(kinds)s.") % {"kinds": ", ".join(sorted(IMPORTERS))}]})
    ensure_permission(request.user, IMPORTERS[kind].permission)
    target = granted_company(request.user, company)
    report = run_import(
        kind=kind, handle=file.file, file_name=file.name, company=target, user=request.user, dry_run=dry_run
    )
    body = report.as_json()
    if report.ok:
        return Status(200, body)
    first = report.problems[0] if report.problems else None
    return Status(
        422, {"error": {"code": "invalid_file", "message": str(first) if first else "", "fields": {}}, **body}
    )
