"""Questions about the ledger: balances, open items and credits, as of any date; rates; terms."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from ardesk.companies.models import Company
from ardesk.core.money import from_minor
from ardesk.ledger import domain
from ardesk.ledger.errors import MissingExchangeRate
from ardesk.ledger.models import Allocation, Document, DocumentStatus, DueLine, ExchangeRate, PaymentTerm


def exchange_rate(*, currency: str, quote_currency: str, on: dt.date) -> Decimal:
    """The rate of a currency on a day: the latest rate on or before it. No rate is an error, never 1.0."""
    if currency == quote_currency:
        return Decimal(1)
    rate = (
        ExchangeRate.objects.filter(currency=currency, quote_currency=quote_currency, rate_on__lte=on)
        .order_by("-rate_on")
        .values_list("rate", flat=True)
        .first()
    )
    if rate is None:
        raise MissingExchangeRate(
            _("No %(currency)s/%(quote)s exchange rate on or before %(date)s: enter the rate first.")
            % {"currency": currency, "quote": quote_currency, "date": on.isoformat()},
            field="currency",
        )
    return rate


def term_of(term: PaymentTerm | None) -> domain.Term | None:
    if term is None:
        return None
    return domain.Term(
        kind=term.kind,
        days=term.days,
        instalments=tuple(domain.Instalment(i.percent, i.days) for i in term.instalments.all()),
        discount_percent=term.discount_percent,
        discount_days=term.discount_days,
    )


def posted(queryset: QuerySet) -> QuerySet:
    return queryset.filter(status=DocumentStatus.POSTED)


def _reversed_by(as_of: dt.date, document_field: str = "pk"):
    """Whether the document was cancelled by a reversal dated on or before the date."""
    return Exists(
        Document.objects.filter(reversal_of=OuterRef(document_field), issue_on__lte=as_of, status=DocumentStatus.POSTED)
    )


def _allocated(as_of: dt.date, field: str, outer: str = "pk"):
    allocations = (
        Allocation.objects.filter(**{field: OuterRef(outer)}, allocated_on__lte=as_of)
        .values(field)
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return Coalesce(Subquery(allocations), Value(0))


def _allocated_functional(as_of: dt.date, field: str, column: str):
    allocations = (
        Allocation.objects.filter(**{field: OuterRef("pk")}, allocated_on__lte=as_of)
        .values(field)
        .annotate(total=Sum(column))
        .values("total")
    )
    return Coalesce(Subquery(allocations), Value(0))


def open_lines(*, as_of: dt.date, customer_ids=None, company_ids=None) -> QuerySet[DueLine]:
    """Due lines open as of a date, annotated with open_amount and open_functional (minor units).

    A line is open when its document was posted and issued by the date, not reversed by then, and
    the allocations dated on or before the date leave something to pay.
    """
    lines = DueLine.objects.filter(issue_on__lte=as_of, document__status=DocumentStatus.POSTED)
    if customer_ids is not None:
        lines = lines.filter(customer_id__in=customer_ids)
    if company_ids is not None:
        lines = lines.filter(company_id__in=company_ids)
    return (
        lines.annotate(
            allocated=_allocated(as_of, "line"),
            allocated_functional=_allocated_functional(as_of, "line", "functional_amount"),
            is_reversed=_reversed_by(as_of, "document_id"),
        )
        .filter(is_reversed=False)
        .annotate(
            open_amount=F("amount") - F("allocated"), open_functional=F("functional_amount") - F("allocated_functional")
        )
        .filter(open_amount__gt=0)
    )


def open_credits(*, as_of: dt.date, customer_ids=None, company_ids=None) -> QuerySet[Document]:
    """Receipts, credit notes and negative adjustments with an unallocated part as of a date.

    ``unapplied`` is the positive amount (minor units) still to allocate.
    """
    credits = posted(Document.objects.filter(amount__lt=0, issue_on__lte=as_of, reversal_of__isnull=True))
    if customer_ids is not None:
        credits = credits.filter(customer_id__in=customer_ids)
    if company_ids is not None:
        credits = credits.filter(company_id__in=company_ids)
    return (
        credits.annotate(
            allocated=_allocated(as_of, "source"),
            allocated_functional=_allocated_functional(as_of, "source", "source_functional_amount"),
            is_reversed=_reversed_by(as_of),
        )
        .filter(is_reversed=False)
        .annotate(
            unapplied=-F("amount") - F("allocated"),
            unapplied_functional=-F("functional_amount") - F("allocated_functional"),
        )
        .filter(unapplied__gt=0)
    )


def balance_minor(
    *, as_of: dt.date, customer_ids=None, company_ids=None, currency: str | None = None, functional: bool = False
) -> int:
    """The ledger balance as of a date in minor units: the sum of the signed amounts posted by then."""
    documents = posted(Document.objects.filter(issue_on__lte=as_of))
    if customer_ids is not None:
        documents = documents.filter(customer_id__in=customer_ids)
    if company_ids is not None:
        documents = documents.filter(company_id__in=company_ids)
    if currency:
        documents = documents.filter(currency=currency)
    column = "functional_amount" if functional else "amount"
    return documents.aggregate(total=Coalesce(Sum(column), Value(0)))["total"]


def customer_balances(*, customer_id: int, as_of: dt.date) -> list[dict]:
    """The customer's balance per company and currency as of a date, in document and functional currency."""
    rows = (
        posted(Document.objects.filter(customer_id=customer_id, issue_on__lte=as_of))
        .values("company__code", "company__functional_currency", "currency")
        .annotate(total=Sum("amount"), functional=Sum("functional_amount"))
        .order_by("company__code", "currency")
    )
    return [
        {
            "company": r["company__code"],
            "currency": r["currency"],
            "balance": from_minor(r["total"], r["currency"]),
            "functional_currency": r["company__functional_currency"],
            "functional_balance": from_minor(r["functional"], r["company__functional_currency"]),
        }
        for r in rows
    ]


def line_movements(line_id: int) -> list[tuple[dt.date, int]]:
    return list(Allocation.objects.filter(line_id=line_id).values_list("allocated_on", "amount"))


def source_movements(document_id: int) -> list[tuple[dt.date, int]]:
    return list(Allocation.objects.filter(source_id=document_id).values_list("allocated_on", "amount"))


def documents_for(*, company_ids, filters: dict | None = None) -> QuerySet[Document]:
    documents = Document.objects.filter(company_id__in=company_ids).select_related("customer", "company")
    filters = filters or {}
    if filters.get("customer"):
        documents = documents.filter(customer_id=filters["customer"])
    if filters.get("customer_code"):
        documents = documents.filter(customer__code=filters["customer_code"].strip())
    if filters.get("doc_type"):
        documents = documents.filter(doc_type=filters["doc_type"])
    if filters.get("date_from"):
        documents = documents.filter(issue_on__gte=filters["date_from"])
    if filters.get("date_to"):
        documents = documents.filter(issue_on__lte=filters["date_to"])
    if filters.get("q"):
        q = filters["q"].strip()
        documents = documents.filter(Q(number__icontains=q) | Q(external_ref__icontains=q) | Q(reference=q))
    return documents.order_by("-issue_on", "-id")


def company_of(company_id: int) -> Company:
    return Company.objects.get(pk=company_id)


def open_lines_of_documents(*, company_id: int, numbers, doc_types=("invoice",)) -> list[dict]:
    """The open due lines (today, all allocations counted) of documents named by number, for imports.

    Three indexed look-ups instead of one correlated query: the lines of the named documents,
    the allocations summed per line, and the reversals that cancel documents. Each dict has the
    keys of ``imports.base.OPEN_LINE_FIELDS``; lines are in due order.
    """
    lines = list(
        DueLine.objects.filter(
            document__company_id=company_id,
            document__doc_type__in=doc_types,
            document__number__in=list(numbers),
            document__status=DocumentStatus.POSTED,
        )
        .values(
            "pk",
            "document_id",
            "document__number",
            "document__rate",
            "customer_id",
            "currency",
            "issue_on",
            "amount",
            "functional_amount",
            "due_on",
        )
        .order_by("due_on", "pk")
    )
    if not lines:
        return []
    reversed_ids = set(
        Document.objects.filter(reversal_of_id__in={line["document_id"] for line in lines}).values_list(
            "reversal_of_id", flat=True
        )
    )
    totals = {
        row["line_id"]: row
        for row in Allocation.objects.filter(line_id__in=[line["pk"] for line in lines])
        .values("line_id")
        .annotate(amount=Sum("amount"), functional=Sum("functional_amount"))
    }
    result = []
    for line in lines:
        if line["document_id"] in reversed_ids:
            continue
        used = totals.get(line["pk"], {"amount": 0, "functional": 0})
        line["open_amount"] = line["amount"] - used["amount"]
        line["allocated_functional"] = used["functional"]
        if line["open_amount"] > 0:
            result.append(line)
    return result
