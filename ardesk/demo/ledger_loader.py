"""Writing a generated ledger into the database in bulk, and checking the ledger rules on the result.

This is a trusted path: the generator guarantees the ledger rules (an allocation never exceeds
what is open on the invoice or left on the credit, and is never dated before either), so the
documents, due lines and allocations are inserted with ``bulk_create`` rather than posted one by
one through ``ardesk.ledger.services``, which would take minutes for the demo's 24 months.
Amounts are converted exactly as the services do: the day's rate (1 for the functional currency),
rounded once half-up, the allocation closing an item taking what is left of its functional amount.
``ledger_problems`` verifies the loaded data with SQL aggregates; the tests run it on every load.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import F, Q, Sum
from django.utils import timezone

from ardesk.audit.services import record
from ardesk.companies.models import Company
from ardesk.core.bulk import refresh_statistics
from ardesk.core.money import from_minor, to_minor
from ardesk.demo.ledger_generator import CustomerLedger, DemoCredit, DemoInvoice, DemoLedger, DemoTerm, RateTable
from ardesk.ledger import domain, open_state, selectors
from ardesk.ledger.models import (
    Allocation,
    CustomerTerms,
    Document,
    DocumentStatus,
    DocumentType,
    DueLine,
    ExchangeRate,
    PaymentTerm,
)

BATCH = 2000
CUSTOMERS_PER_CHUNK = 100


def payment_terms(terms: Sequence[DemoTerm]) -> dict[str, PaymentTerm]:
    """The demo's payment terms, created where missing (an existing term with the same code is kept)."""
    stored = {}
    for term in terms:
        stored[term.code], _created = PaymentTerm.objects.get_or_create(
            code=term.code,
            defaults={
                "name": term.name,
                "kind": term.kind,
                "days": term.days,
                "discount_percent": term.discount_percent,
                "discount_days": term.discount_days,
            },
        )
    return stored


@transaction.atomic
def load_ledger(
    ledger: DemoLedger,
    *,
    companies: dict[str, Company],
    customer_ids: dict[tuple[str, str], int],
    by=None,
    chunk: int = CUSTOMERS_PER_CHUNK,
) -> dict[str, int]:
    """Insert the generated rates, terms, documents, due lines and allocations; return how many of each.

    ``customer_ids`` maps (company code, customer code) to the customer's id. The audit trail gets
    one event for the whole load, as it does for one imported file.
    """
    ExchangeRate.objects.bulk_create(
        (
            ExchangeRate(currency=r.currency, quote_currency=r.quote_currency, rate_on=r.rate_on, rate=r.rate)
            for r in ledger.rates
        ),
        batch_size=BATCH,
    )
    terms = payment_terms(ledger.terms)
    CustomerTerms.objects.bulk_create(
        (
            CustomerTerms(customer_id=customer_ids[(c.company, c.customer)], payment_term=terms[c.payment_term])
            for c in ledger.customers
        ),
        batch_size=BATCH,
    )
    counts = {"exchange_rates": len(ledger.rates), "invoices": 0, "receipts": 0, "credit_notes": 0, "allocations": 0}
    loader = _ChunkLoader(
        companies=companies, customer_ids=customer_ids, terms=terms, rates=RateTable(ledger.rates), by=by
    )
    for start in range(0, len(ledger.customers), chunk):
        for key, value in loader.load(ledger.customers[start : start + chunk]).items():
            counts[key] += value
    record(
        action="ledger.demo_load",
        actor_name="demo",
        object_type="ledger.document",
        object_repr=f"Demo ledger {ledger.start} – {ledger.anchor}",
        after={"from": ledger.start, "to": ledger.anchor, **counts},
    )
    return counts


class _ChunkLoader:
    """Loads customers' ledgers a chunk at a time: documents, then their due lines, then allocations."""

    def __init__(self, *, companies, customer_ids, terms, rates: RateTable, by):
        self.companies = companies
        self.customer_ids = customer_ids
        self.terms = terms
        self.rates = rates
        self.by = by
        self._posted_at: dict[dt.date, dt.datetime] = {}

    def posted_at(self, day: dt.date) -> dt.datetime:
        """Posted in the morning of the document's day, as the ERP interface would have posted it."""
        moment = self._posted_at.get(day)
        if moment is None:
            moment = self._posted_at[day] = timezone.make_aware(dt.datetime.combine(day, dt.time(9, 30)))
        return moment

    def document(self, row: DemoInvoice | DemoCredit, doc_type: str, sign: int, **extra) -> Document:
        company = self.companies[row.company]
        functional_currency = company.functional_currency
        rate = self.rates.rate(row.currency, row.issue_on, functional_currency)
        functional = domain.functional_amount(row.amount, rate, functional_currency)
        return Document(
            company=company,
            customer_id=self.customer_ids[(row.company, row.customer)],
            doc_type=doc_type,
            number=row.number,
            external_ref=row.external_ref,
            issue_on=row.issue_on,
            currency=row.currency,
            amount=sign * to_minor(row.amount, row.currency),
            rate=rate,
            functional_amount=sign * to_minor(functional, functional_currency),
            status=DocumentStatus.POSTED,
            posted_at=self.posted_at(row.issue_on),
            posted_by=self.by,
            **extra,
        )

    def load(self, ledgers: Sequence[CustomerLedger]) -> dict[str, int]:
        documents: list[Document] = []
        for ledger in ledgers:
            for invoice in ledger.invoices:
                discount = invoice.discount_amount
                documents.append(
                    self.document(
                        invoice,
                        DocumentType.INVOICE,
                        1,
                        due_on=invoice.due_on,
                        cost=to_minor(invoice.cost, invoice.currency),
                        order_ref=invoice.order_ref,
                        payment_term=self.terms[invoice.payment_term],
                        discount_until=invoice.discount_until,
                        discount_amount=to_minor(discount, invoice.currency) if discount is not None else None,
                    )
                )
            for credit in (*ledger.receipts, *ledger.credit_notes):
                documents.append(
                    self.document(credit, credit.doc_type, -1, reference=credit.invoice, description=credit.description)
                )
        Document.objects.bulk_create(documents, batch_size=BATCH)
        if documents and documents[0].pk is None:  # backends that do not return ids from bulk inserts
            ids = {
                (company_id, doc_type, number): pk
                for pk, company_id, doc_type, number in Document.objects.filter(
                    customer_id__in={d.customer_id for d in documents}
                ).values_list("pk", "company_id", "doc_type", "number")
            }
            for document in documents:
                document.pk = ids[(document.company_id, document.doc_type, document.number)]

        lines = [
            DueLine(
                document=d,
                customer_id=d.customer_id,
                company=d.company,
                seq=1,
                issue_on=d.issue_on,
                due_on=d.due_on,
                currency=d.currency,
                amount=d.amount,
                functional_amount=d.functional_amount,
                open_now=d.amount,
                open_functional_now=d.functional_amount,
            )
            for d in documents
            if d.doc_type == DocumentType.INVOICE
        ]
        DueLine.objects.bulk_create(lines, batch_size=BATCH)
        if lines and lines[0].pk is None:
            ids = dict(
                DueLine.objects.filter(document_id__in=[x.document_id for x in lines]).values_list("document_id", "pk")
            )
            for line in lines:
                line.pk = ids[line.document_id]

        line_of = {(x.company_id, x.document.number): x for x in lines}
        source_of = {(d.company_id, d.doc_type, d.number): d for d in documents if d.amount < 0}
        allocations = []
        for ledger in ledgers:
            company = self.companies[ledger.company]
            allocations.extend(self.allocations(ledger, company, line_of, source_of))
        Allocation.objects.bulk_create(allocations, batch_size=BATCH)
        customer_ids = [self.customer_ids[(x.company, x.customer)] for x in ledgers]
        if connection.vendor == "postgresql":  # fresh rows: statistics first, or the refresh may plan a scan per row
            refresh_statistics(Document, DueLine, Allocation)
        open_state.lines_refresh(DueLine.objects.filter(customer_id__in=customer_ids))
        open_state.credits_refresh(Document.objects.filter(customer_id__in=customer_ids))
        return {
            "invoices": len(lines),
            "receipts": sum(len(x.receipts) for x in ledgers),
            "credit_notes": sum(len(x.credit_notes) for x in ledgers),
            "allocations": len(allocations),
        }

    def allocations(self, ledger: CustomerLedger, company: Company, line_of, source_of) -> list[Allocation]:
        """The customer's allocations with their functional amounts, at the invoice's and at the credit's rate.

        In date order, the allocation that closes a line (or uses up a credit) takes exactly what
        is left of its functional amount, so the parts add up to the whole, as
        ``services.allocation_create`` books them.
        """
        currencies = (ledger.currency, company.functional_currency)
        used: dict[int, list[int]] = {}  # document id -> [amount, functional] allocated so far (lines by document)
        result = []
        for allocation in sorted(ledger.allocations, key=lambda a: a.allocated_on):
            line = line_of[(company.pk, allocation.invoice)]
            source = source_of[(company.pk, allocation.source_type, allocation.source)]
            minor = to_minor(allocation.amount, ledger.currency)
            result.append(
                Allocation(
                    company=company,
                    customer_id=line.customer_id,
                    source=source,
                    line=line,
                    allocated_on=allocation.allocated_on,
                    amount=minor,
                    **Allocation.facts(line=line, source=source),
                    functional_amount=_share(
                        used,
                        line.document_id,
                        line.amount,
                        line.functional_amount,
                        minor,
                        line.document.rate,
                        currencies,
                    ),
                    source_functional_amount=_share(
                        used, source.pk, -source.amount, -source.functional_amount, minor, source.rate, currencies
                    ),
                    method="import",
                    created_by=self.by,
                )
            )
        return result


def _share(
    used: dict[int, list[int]],
    document_id: int,
    total: int,
    functional_total: int,
    minor: int,
    rate: Decimal,
    currencies: tuple[str, str],
) -> int:
    """The functional amount of an allocation: at the rate, except that the one closing the item takes the rest."""
    currency, functional_currency = currencies
    amount_before, functional_before = used.setdefault(document_id, [0, 0])
    if amount_before + minor == total:
        functional = functional_total - functional_before
    else:
        functional = to_minor(
            domain.functional_amount(from_minor(minor, currency), rate, functional_currency), functional_currency
        )
    used[document_id] = [amount_before + minor, functional_before + functional]
    return functional


def ledger_problems(*, as_of: dt.date, company_ids=None) -> list[str]:
    """Every place where the loaded ledger breaks its rules, found with SQL aggregates; empty when it holds.

    - for every customer and currency, the balance as of the date (sum of the signed documents)
      equals its open due lines less its unapplied credits (ardesk.ledger.selectors);
    - no due line and no credit is allocated beyond its amount, nor below zero;
    - no allocation is dated before its invoice or its credit, or joins different customers or currencies;
    - a fully allocated line's (or credit's) allocations add up to exactly its functional amount.
    """
    problems: list[str] = []
    documents = selectors.posted(Document.objects.filter(issue_on__lte=as_of))
    allocations = Allocation.objects.all()
    lines = DueLine.objects.all()
    credits = Document.objects.filter(amount__lt=0)
    if company_ids is not None:
        documents = documents.filter(company_id__in=company_ids)
        allocations = allocations.filter(company_id__in=company_ids)
        lines = lines.filter(company_id__in=company_ids)
        credits = credits.filter(company_id__in=company_ids)

    def by_customer(queryset, column: str) -> dict[tuple[int, str], int]:
        return {
            (row["customer_id"], row["currency"]): row["total"]
            for row in queryset.values("customer_id", "currency").annotate(total=Sum(column)).order_by()
        }

    balances = by_customer(documents, "amount")
    open_items = by_customer(selectors.open_lines(as_of=as_of, company_ids=company_ids), "open_amount")
    unapplied = by_customer(selectors.open_credits(as_of=as_of, company_ids=company_ids), "unapplied")
    for key in sorted(balances.keys() | open_items.keys() | unapplied.keys()):
        balance, items, credit = balances.get(key, 0), open_items.get(key, 0), unapplied.get(key, 0)
        if balance != items - credit:
            problems.append(
                f"Customer {key[0]} {key[1]}: balance {balance} is not "
                f"open items {items} less unapplied credits {credit}"
            )

    lines = lines.annotate(
        allocated=Sum("allocations__amount"), allocated_functional=Sum("allocations__functional_amount")
    )
    for pk, amount, allocated in lines.filter(Q(allocated__gt=F("amount")) | Q(allocated__lt=0)).values_list(
        "pk", "amount", "allocated"
    ):
        problems.append(f"Due line {pk}: {allocated} allocated on an amount of {amount}")
    for pk, functional, allocated in (
        lines.filter(allocated=F("amount"))
        .exclude(allocated_functional=F("functional_amount"))
        .values_list("pk", "functional_amount", "allocated_functional")
    ):
        problems.append(f"Due line {pk}: fully paid, but its allocations carry {allocated} of functional {functional}")

    credits = credits.annotate(
        allocated=Sum("allocations_out__amount"), allocated_functional=Sum("allocations_out__source_functional_amount")
    )
    for pk, amount, allocated in credits.filter(Q(allocated__gt=-F("amount")) | Q(allocated__lt=0)).values_list(
        "pk", "amount", "allocated"
    ):
        problems.append(f"Credit {pk}: {allocated} allocated on an amount of {-amount}")
    for pk, functional, allocated in (
        credits.filter(allocated=-F("amount"))
        .exclude(allocated_functional=-F("functional_amount"))
        .values_list("pk", "functional_amount", "allocated_functional")
    ):
        problems.append(
            f"Credit {pk}: fully applied, but its allocations carry {allocated} of functional {-functional}"
        )

    for pk in allocations.filter(
        Q(allocated_on__lt=F("source__issue_on"))
        | Q(allocated_on__lt=F("line__issue_on"))
        | ~Q(source__customer_id=F("line__customer_id"))
        | ~Q(source__currency=F("line__currency"))
        | ~Q(customer_id=F("line__customer_id"))
    ).values_list("pk", flat=True):
        problems.append(f"Allocation {pk}: dated before its documents, or across customers or currencies")
    return problems
