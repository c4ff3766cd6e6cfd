"""Questions about the ledger: balances, open items and credits, as of any date; rates; terms."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import connection
from django.db.models import F, OuterRef, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from ardesk.companies.models import Company
from ardesk.core.bulk import text_array
from ardesk.core.money import from_minor
from ardesk.ledger import domain, open_items
from ardesk.ledger.errors import MissingExchangeRate
from ardesk.ledger.models import (
    Allocation,
    Document,
    DocumentStatus,
    DocumentType,
    DueLine,
    ExchangeRate,
    ImportJob,
    ImportJobStatus,
    PaymentTerm,
)


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


def closing_rate(*, currency: str, quote_currency: str, period_start: dt.date, period_end: dt.date) -> Decimal:
    """The closing rate of a month (期末汇率): the latest rate dated in the month, on or before its last day.

    A rate of an earlier month is not a closing rate: no rate in the month is an error naming the
    currency and the date, never 1.0.
    """
    if currency == quote_currency:
        return Decimal(1)
    rate = (
        ExchangeRate.objects.filter(
            currency=currency, quote_currency=quote_currency, rate_on__gte=period_start, rate_on__lte=period_end
        )
        .order_by("-rate_on")
        .values_list("rate", flat=True)
        .first()
    )
    if rate is None:
        raise MissingExchangeRate(
            _("No %(currency)s/%(quote)s closing rate for %(date)s: enter the rate of the month's last day.")
            % {"currency": currency, "quote": quote_currency, "date": period_end.isoformat()},
            field="currency",
        )
    return rate


def foreign_open_balances(*, as_of: dt.date, company: Company) -> list[tuple[int, str, int, int]]:
    """Per customer and foreign currency of a company, (customer id, currency, open amount in the document
    currency, the same in the functional currency at the historical rates) on a date, in minor units."""
    sql, params = open_items.foreign_open_balances(
        as_of=as_of, company_id=company.pk, functional_currency=company.functional_currency
    )
    with open_items.report_session(), connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


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


def open_lines(*, as_of: dt.date, customer_ids=None, company_ids=None) -> QuerySet[DueLine]:
    """Due lines open as of a date, annotated with open_amount and open_functional (minor units).

    A line is open when its document was issued by the date, not reversed by then, and the
    allocations dated on or before the date leave something to pay. Today's open amount is kept on
    the line; the allocations dated after the date are added back to it.
    """
    lines = DueLine.objects.filter(open_items.open_on_q(as_of))
    if customer_ids is not None:
        lines = lines.filter(customer_id__in=customer_ids)
    if company_ids is not None:
        lines = lines.filter(company_id__in=company_ids)
    return lines.annotate(
        open_amount=F("open_now") + open_items.allocated_after(as_of, "line"),
        open_functional=F("open_functional_now") + open_items.allocated_after(as_of, "line", "functional_amount"),
    ).filter(open_amount__gt=0)


def open_credits(*, as_of: dt.date, customer_ids=None, company_ids=None) -> QuerySet[Document]:
    """Receipts, credit notes and negative adjustments with an unallocated part as of a date.

    ``unapplied`` is the positive amount (minor units) still to allocate.
    """
    credits = posted(Document.objects.filter(open_items.open_on_q(as_of), amount__lt=0, reversal_of__isnull=True))
    if customer_ids is not None:
        credits = credits.filter(customer_id__in=customer_ids)
    if company_ids is not None:
        credits = credits.filter(company_id__in=company_ids)
    return credits.annotate(
        unapplied=F("unapplied_now") + open_items.allocated_after(as_of, "source"),
        unapplied_functional=F("unapplied_functional_now")
        + open_items.allocated_after(as_of, "source", "source_functional_amount"),
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


_OPEN_LINES_SQL = """
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
_OPEN_LINE_KEYS = (
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
    numbers = sorted(set(numbers))
    if connection.vendor == "postgresql":
        with connection.cursor() as own:
            rows = open_line_rows(own, company_id=company_id, numbers=text_array(numbers), doc_types=doc_types)
        return open_lines_from_rows(rows)
    lines = list(
        DueLine.objects.filter(
            document__company_id=company_id,
            document__doc_type__in=doc_types,
            document__number__in=numbers,
            document__status=DocumentStatus.POSTED,
            settled_on__isnull=True,
            open_now__gt=0,
        )
        .values(*_OPEN_LINE_KEYS)
        .order_by("due_on", "pk")
    )
    for line in lines:
        line["open_amount"] = line["open_now"]
        line["allocated_functional"] = line["functional_amount"] - line["open_functional_now"]
    return lines


def open_line_rows(cursor, *, company_id: int, numbers: str, doc_types=("invoice",)) -> list[tuple]:
    """PostgreSQL: ``open_lines_of_documents``' rows as the database returns them, for ``open_lines_from_rows``.

    ``numbers`` is a PostgreSQL array literal (``text_array``). An import's writer thread runs this
    with its cursor and leaves the rest to the reading thread: Python work in the writer holds the
    interpreter while the database waits for its next statement.
    """
    cursor.execute(_OPEN_LINES_SQL, [numbers, company_id, list(doc_types), DocumentStatus.POSTED.value])
    return cursor.fetchall()


def open_lines_from_rows(rows: list[tuple]) -> list[dict]:
    """The open lines as ``open_lines_of_documents`` gives them, from ``open_line_rows``' rows."""
    keys = _OPEN_LINE_KEYS
    lines = []
    for row in rows:
        line = dict(zip(keys, row, strict=True))
        line["open_amount"] = line["open_now"]
        line["allocated_functional"] = line["functional_amount"] - line["open_functional_now"]
        lines.append(line)
    return lines


def exposure_statement(*, customer_ids, company_id: int, as_of: dt.date) -> tuple[str, list]:
    """The statement behind ``exposure_minor`` and its parameters, for a caller that reads more in the same statement.

    One row of four columns (open, overdue, oldest overdue due date, unapplied); turn it into
    figures with ``exposure_figures``. Every value is a parameter.
    """
    ids = [int(pk) for pk in customer_ids]
    marks = ", ".join(["%s"] * len(ids))  # placeholders only
    sql = open_items.EXPOSURE.replace("{marks}", marks)
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


NOTHING_OPEN = {"open": 0, "overdue": 0, "overdue_1_30": 0, "overdue_31_90": 0, "overdue_over_90": 0, "unapplied": 0}


def receivables_by_customer(*, customer_ids, today: dt.date) -> dict[int, dict[str, int]]:
    """Today's open, overdue and unapplied amounts of each customer, functional minor units, for the lists.

    ``overdue_1_30``, ``overdue_31_90`` and ``overdue_over_90`` split the overdue amount by days past
    due. One grouped read of the rows still open (``settled_on`` empty) per kind, whatever the number
    of customers; a customer with nothing open is absent.
    """

    def overdue_sum(condition: Q):
        return Coalesce(Sum("open_functional_now", filter=condition), Value(0))

    day_30, day_90 = today - dt.timedelta(days=30), today - dt.timedelta(days=90)
    figures: dict[int, dict[str, int]] = {}
    lines = (
        DueLine.objects.filter(customer_id__in=customer_ids, settled_on__isnull=True)
        .values("customer_id")
        .annotate(
            open=Sum("open_functional_now"),
            overdue=overdue_sum(Q(due_on__lt=today)),
            overdue_1_30=overdue_sum(Q(due_on__lt=today, due_on__gte=day_30)),
            overdue_31_90=overdue_sum(Q(due_on__lt=day_30, due_on__gte=day_90)),
            overdue_over_90=overdue_sum(Q(due_on__lt=day_90)),
        )
    )
    for row in lines:
        figures[row.pop("customer_id")] = {**row, "unapplied": 0}
    credits = (
        posted(Document.objects.filter(customer_id__in=customer_ids, amount__lt=0, reversal_of__isnull=True))
        .filter(settled_on__isnull=True)
        .exclude(unapplied_functional_now=0)
        .values("customer_id")
        .annotate(unapplied=Sum("unapplied_functional_now"))
    )
    for row in credits:
        figures.setdefault(row["customer_id"], dict(NOTHING_OPEN))["unapplied"] = row["unapplied"]
    return figures


def changed_since(*, company_id: int, since: dt.datetime, as_of: dt.date) -> bool:
    """Whether a document or allocation dated on or before a day was posted after a moment.

    A month-end figure prepared at ``since`` for ``as_of`` no longer matches the ledger when this is
    true (a late invoice, a receipt allocated afterwards with an earlier date).
    """
    documents = posted(Document.objects.filter(company_id=company_id, issue_on__lte=as_of, posted_at__gt=since))
    allocations = Allocation.objects.filter(company_id=company_id, allocated_on__lte=as_of, created_at__gt=since)
    return documents.exists() or allocations.exists()


def open_figures_now(*, customer_ids, as_of: dt.date) -> dict[int, dict[str, int]]:
    """Each customer's balance (open items less unapplied credits) and overdue on ``as_of``, functional minor
    units, for a page of customers at once (``receivables_by_customer``'s figures, as the lists show them)."""
    return {
        customer_id: {"balance": figures["open"] - figures["unapplied"], "overdue": figures["overdue"]}
        for customer_id, figures in receivables_by_customer(customer_ids=customer_ids, today=as_of).items()
    }


def open_items_of_customers(*, company_id: int, customer_ids, currency: str) -> list[dict]:
    """Today's open due lines of some customers in one currency, for matching bank receipts (banking).

    Read from the open amount each line keeps (``open_state``), in chunks of customers, oldest due
    first; each dict has the line, its customer, its document's number and early-payment discount.
    """
    ids = sorted({int(pk) for pk in customer_ids})
    found: list[dict] = []
    for start in range(0, len(ids), 2000):
        found.extend(
            DueLine.objects.filter(
                company_id=company_id,
                customer_id__any_of=ids[start : start + 2000],
                currency=currency,
                settled_on__isnull=True,
                open_now__gt=0,
                document__status=DocumentStatus.POSTED,
            )
            .values(
                "pk",
                "customer_id",
                "document__number",
                "issue_on",
                "due_on",
                "open_now",
                "seq",
                "document__discount_amount",
                "document__discount_until",
            )
            .order_by("due_on", "pk")
        )
    return found


def imports_waiting(*, company_id: int) -> int:
    """The company's imports not finished: still being checked, checked but not confirmed, or importing."""
    return ImportJob.objects.filter(
        company_id=company_id,
        status__in=[ImportJobStatus.CHECKING, ImportJobStatus.CHECKED, ImportJobStatus.IMPORTING],
    ).count()


def receipts_unallocated(*, company_id: int, period_start: dt.date, period_end: dt.date) -> int:
    """The receipts dated in a month with something still unallocated on its last day (收款未核销)."""
    return (
        open_credits(as_of=period_end, company_ids=[company_id])
        .filter(doc_type=DocumentType.RECEIPT, issue_on__gte=period_start)
        .count()
    )


def currencies_in_use(*, company_ids: list[int]) -> list[str]:
    """The currencies of the companies' documents (each company's functional currency among them)."""
    return sorted(
        set(Document.objects.filter(company_id__in=company_ids).values_list("currency", flat=True).distinct())
    )
