"""Questions about the ledger: balances, open items and credits, as of any date; rates; terms."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import F, OuterRef, Q, QuerySet, Subquery, Sum, Value
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


def _allocated_after(as_of: dt.date, field: str, column: str = "amount"):
    """What allocations dated after the date took from the row: added back, it gives the open amount then."""
    allocations = (
        Allocation.objects.filter(**{field: OuterRef("pk")}, allocated_on__gt=as_of)
        .values(field)
        .annotate(total=Sum(column))
        .values("total")
    )
    return Coalesce(Subquery(allocations), Value(0))


def _open_on(as_of: dt.date) -> Q:
    # Only rows never settled, or settled after the date, can be open on it (see ledger.open_state).
    return Q(issue_on__lte=as_of) & (Q(settled_on__isnull=True) | Q(settled_on__gt=as_of))


def open_lines(*, as_of: dt.date, customer_ids=None, company_ids=None) -> QuerySet[DueLine]:
    """Due lines open as of a date, annotated with open_amount and open_functional (minor units).

    A line is open when its document was issued by the date, not reversed by then, and the
    allocations dated on or before the date leave something to pay. Today's open amount is kept on
    the line; the allocations dated after the date are added back to it.
    """
    lines = DueLine.objects.filter(_open_on(as_of))
    if customer_ids is not None:
        lines = lines.filter(customer_id__in=customer_ids)
    if company_ids is not None:
        lines = lines.filter(company_id__in=company_ids)
    return lines.annotate(
        open_amount=F("open_now") + _allocated_after(as_of, "line"),
        open_functional=F("open_functional_now") + _allocated_after(as_of, "line", "functional_amount"),
    ).filter(open_amount__gt=0)


def open_credits(*, as_of: dt.date, customer_ids=None, company_ids=None) -> QuerySet[Document]:
    """Receipts, credit notes and negative adjustments with an unallocated part as of a date.

    ``unapplied`` is the positive amount (minor units) still to allocate.
    """
    credits = posted(Document.objects.filter(_open_on(as_of), amount__lt=0, reversal_of__isnull=True))
    if customer_ids is not None:
        credits = credits.filter(customer_id__in=customer_ids)
    if company_ids is not None:
        credits = credits.filter(company_id__in=company_ids)
    return credits.annotate(
        unapplied=F("unapplied_now") + _allocated_after(as_of, "source"),
        unapplied_functional=F("unapplied_functional_now")
        + _allocated_after(as_of, "source", "source_functional_amount"),
    ).filter(unapplied__gt=0)


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

    One indexed look-up: each line keeps its open amount today (``open_now``, see
    ``ledger.open_state``), and a line paid in full or whose document was reversed has a
    ``settled_on``. Each dict has ``open_amount`` and ``allocated_functional`` (minor units) next
    to the line's own values; lines are in due order.

    On PostgreSQL each number is looked up through the number index (``OFFSET 0`` keeps the
    planner from hashing the whole document table instead, which it prefers for a few thousand
    numbers until the table is large).
    """
    from django.db import connection

    sql = """
    SELECT l.id, l.document_id, d.number, d.rate, l.customer_id, l.currency, l.issue_on, l.amount,
           l.functional_amount, l.due_on, l.open_now, l.open_functional_now
    FROM UNNEST(%s::text[]) AS n(number)
    CROSS JOIN LATERAL (
        SELECT id, number, rate FROM ledger_document
        WHERE company_id = %s AND doc_type = ANY(%s) AND number = n.number AND status = %s
        OFFSET 0
    ) AS d
    JOIN ledger_dueline l ON l.document_id = d.id
    WHERE l.settled_on IS NULL AND l.open_now > 0
    ORDER BY l.due_on, l.id
    """
    keys = (
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
        "open_now",
        "open_functional_now",
    )
    numbers = sorted(set(numbers))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(sql, [numbers, company_id, list(doc_types), DocumentStatus.POSTED.value])
            lines = [dict(zip(keys, row, strict=True)) for row in cursor.fetchall()]
    else:
        lines = list(
            DueLine.objects.filter(
                document__company_id=company_id,
                document__doc_type__in=doc_types,
                document__number__in=numbers,
                document__status=DocumentStatus.POSTED,
                settled_on__isnull=True,
                open_now__gt=0,
            )
            .values(*keys)
            .order_by("due_on", "pk")
        )
    for line in lines:
        line["open_amount"] = line["open_now"]
        line["allocated_functional"] = line["functional_amount"] - line["open_functional_now"]
    return lines


_EXPOSURE_SQL = """
SELECT COALESCE(SUM(l.open_functional_now), 0) AS open_total,
       COALESCE(SUM(CASE WHEN l.due_on < %s THEN l.open_functional_now ELSE 0 END), 0) AS overdue_total,
       MIN(CASE WHEN l.due_on < %s THEN l.due_on END) AS oldest_due_on,
       (SELECT COALESCE(SUM(d.unapplied_functional_now), 0) FROM ledger_document d
        WHERE d.customer_id IN ({marks}) AND d.company_id = %s AND d.amount < 0 AND d.settled_on IS NULL
          AND d.status = %s AND d.reversal_of_id IS NULL) AS unapplied_total
FROM ledger_dueline l
WHERE l.customer_id IN ({marks}) AND l.company_id = %s AND l.settled_on IS NULL AND l.open_now > 0
"""


def exposure_statement(*, customer_ids, company_id: int, as_of: dt.date) -> tuple[str, list]:
    """The statement behind ``exposure_minor`` and its parameters, for a caller that reads more in the same statement.

    One row of four columns (open, overdue, oldest overdue due date, unapplied); turn it into
    figures with ``exposure_figures``. Every value is a parameter.
    """
    ids = [int(pk) for pk in customer_ids]
    marks = ", ".join(["%s"] * len(ids))  # placeholders only
    sql = _EXPOSURE_SQL.replace("{marks}", marks)
    return sql, [as_of, as_of, *ids, company_id, DocumentStatus.POSTED.value, *ids, company_id]


def exposure_figures(row) -> dict:
    """The figures of one row of ``exposure_statement``: minor units and the oldest overdue due date."""
    open_, overdue, oldest, unapplied = row
    if isinstance(oldest, str):  # SQLite returns a date computed by MIN as text
        oldest = dt.date.fromisoformat(oldest)
    return {"open": int(open_), "overdue": int(overdue), "oldest_due_on": oldest, "unapplied": int(unapplied)}


def exposure_minor(*, customer_ids, company_id: int, as_of: dt.date) -> dict:
    """Today's open receivables of customers at a company, functional minor units, for the credit check.

    ``open`` is what the open items still owe, ``overdue`` the part due before the date, ``unapplied``
    the receipts and credit notes not yet allocated, ``oldest_due_on`` the due date of the oldest
    overdue item. One statement over the rows still open (``settled_on`` empty), through the
    (customer, due date) and (customer, issue date) indexes: it sits in the order-entry path.
    """
    from django.db import connection

    if not customer_ids:
        return {"open": 0, "overdue": 0, "oldest_due_on": None, "unapplied": 0}
    sql, params = exposure_statement(customer_ids=customer_ids, company_id=company_id, as_of=as_of)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return exposure_figures(cursor.fetchone())


def settled_lines(*, customer_ids, since: dt.date, until: dt.date) -> list[tuple[dt.date, dt.date, int]]:
    """(due date, settled date, functional amount) of the items paid in full in a period; reversed items left out."""
    from django.db.models import Exists

    reversed_document = Document.objects.filter(reversal_of=OuterRef("document_id"), status=DocumentStatus.POSTED)
    return list(
        DueLine.objects.filter(customer_id__in=customer_ids, settled_on__gte=since, settled_on__lte=until)
        .exclude(Exists(reversed_document))
        .values_list("due_on", "settled_on", "functional_amount")
    )


def sales_minor(*, customer_ids, since: dt.date, until: dt.date) -> int:
    """Invoiced sales (functional minor units, net of reversals) in a period."""
    return posted(
        Document.objects.filter(
            customer_id__in=customer_ids, doc_type="invoice", issue_on__gte=since, issue_on__lte=until
        )
    ).aggregate(total=Coalesce(Sum("functional_amount"), Value(0)))["total"]


def open_figures_now(*, customer_ids, as_of: dt.date) -> dict[int, dict[str, int]]:
    """Each customer's balance and overdue today, functional minor units: for a page of customers at once.

    The balance is the open items less the unapplied receipts and credit notes; overdue is the open
    items due before ``as_of``. Two grouped queries whatever the number of customers; ``customer_ids``
    may be a queryset of ids. A customer with neither open items nor unapplied credits is left out.
    """
    figures: dict[int, dict[str, int]] = {}
    lines = (
        DueLine.objects.filter(customer_id__in=customer_ids, settled_on__isnull=True)
        .values("customer_id")
        .annotate(open=Sum("open_functional_now"), overdue=Sum("open_functional_now", filter=Q(due_on__lt=as_of)))
        .order_by()
    )
    for row in lines:
        figures[row["customer_id"]] = {"balance": row["open"] or 0, "overdue": row["overdue"] or 0}
    credits = (
        posted(Document.objects.filter(customer_id__in=customer_ids, unapplied_functional_now__gt=0))
        .values("customer_id")
        .annotate(unapplied=Sum("unapplied_functional_now"))
        .order_by()
    )
    for row in credits:
        figures.setdefault(row["customer_id"], {"balance": 0, "overdue": 0})["balance"] -= row["unapplied"] or 0
    return figures
