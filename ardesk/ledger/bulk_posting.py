"""Posting many receipts or credit notes with their allocations at once, under the ledger's rules.

``credits_post`` is what ``document_post`` and ``allocation_create`` do for one credit, done for a
whole batch in a few set-based statements: the customers and numbers are checked in one query
each, the closed months once for all the batch's dates, the due lines paid are locked together
(in id order, so two batches wait for each other instead of deadlocking), the documents and
allocations are written with COPY on PostgreSQL (executemany on SQLite), the open state of the
lines is written from what the batch computed, and the audit trail gets the same events as the
one-by-one path (``document.post``, ``allocation.create``), chained in one go.

A batch is all or nothing: one allocation over what is open, one number already used, one month
closed, and nothing is written. Cash application posts its automatic receipts through it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ardesk.audit.services import record_many
from ardesk.companies.models import Company
from ardesk.core.bulk import insert_rows, reserve_ids
from ardesk.core.errors import InvalidInput
from ardesk.core.money import from_minor, grouped, to_minor
from ardesk.customers.models import Customer
from ardesk.ledger import domain, periods, selectors
from ardesk.ledger.errors import LedgerError
from ardesk.ledger.imports import allocations as allocation_imports
from ardesk.ledger.imports.credits import lines_after_allocations
from ardesk.ledger.models import Allocation, Document, DocumentStatus, DocumentType, DueLine

# Enough ids in one ``IN (...)`` for every engine (SQLite's default limit is 32,766 variables).
CHUNK = 5000
CREDIT_TYPES = (DocumentType.RECEIPT, DocumentType.CREDIT_NOTE)
DOCUMENT_FIELDS = (
    "id",
    "company_id",
    "customer_id",
    "doc_type",
    "number",
    "external_ref",
    "issue_on",
    "currency",
    "amount",
    "rate",
    "functional_amount",
    "order_ref",
    "reference",
    "description",
    "unapplied_now",
    "unapplied_functional_now",
    "settled_on",
    "status",
    "posted_at",
    "posted_by_id",
    "created_at",
)
ALLOCATION_FIELDS = ("id", *allocation_imports.ALLOCATION_FIELDS)


@dataclass(frozen=True)
class CreditToPost:
    """One receipt or credit note to post, positive, in minor units, with the due lines it pays on its date."""

    customer_id: int
    number: str
    issue_on: dt.date
    amount: int
    doc_type: str = DocumentType.RECEIPT
    reference: str = ""
    description: str = ""
    allocations: tuple[tuple[int, int], ...] = ()


@dataclass
class _Line:
    """A locked due line as the batch sees it: what is open now, and the movements dated after the batch's first."""

    pk: int
    customer_id: int
    currency: str
    issue_on: dt.date
    due_on: dt.date
    amount: int
    functional_amount: int
    open_now: int
    open_functional_now: int
    rate: object
    number: str
    seq: int
    reversed: bool
    later: list[tuple[dt.date, int]]


def _in_chunks(ids: Sequence[int]):
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def _checked_credits(company: Company, currency: str, credits: Sequence[CreditToPost]) -> dict[int, str]:
    """The batch's own problems and what the ledger already holds: customers, numbers, amounts, months.

    Returns the customers as the audit trail names them (``str(customer)``: code and name), read
    as two columns, not as whole customers with their encrypted fields.
    """
    customers = {}
    for chunk in _in_chunks([c.customer_id for c in credits]):
        # As str(customer) names it: code and name.
        customers.update(
            (pk, f"{code} {name}")
            for pk, code, name in Customer.objects.filter(company_id=company.pk, pk__any_of=chunk).values_list(
                "pk", "code", "name"
            )
        )
    problems: dict[str, list[str]] = {}
    numbers: dict[tuple[str, str], int] = {}
    for credit in credits:
        if credit.customer_id not in customers:
            problems.setdefault("customer", []).append(
                _("Customer %(customer)s does not belong to company %(company)s.")
                % {"customer": credit.customer_id, "company": company.code}
            )
        if credit.doc_type not in CREDIT_TYPES or credit.amount <= 0 or not credit.number.strip():
            problems.setdefault("amount", []).append(
                _("%(number)s: only receipts and credit notes with a positive amount and a number are posted here.")
                % {"number": credit.number}
            )
        if sum(share for _line, share in credit.allocations) > credit.amount:
            problems.setdefault("amount", []).append(
                _("%(number)s allocates more than its amount.") % {"number": credit.number}
            )
        numbers[(credit.doc_type, credit.number)] = numbers.get((credit.doc_type, credit.number), 0) + 1
    taken = [key for key, count in numbers.items() if count > 1]
    for doc_type in {doc_type for doc_type, _number in numbers}:
        wanted = [number for kind, number in numbers if kind == doc_type]
        for start in range(0, len(wanted), CHUNK):
            taken += [
                (doc_type, number)
                for number in Document.objects.filter(
                    company=company, doc_type=doc_type, number__any_of=wanted[start : start + CHUNK]
                ).values_list("number", flat=True)
            ]
    for doc_type, number in taken[:5]:
        problems.setdefault("number", []).append(
            _("%(type)s number %(number)s already exists in %(company)s.")
            % {"type": DocumentType(doc_type).label, "number": number, "company": company.code}
        )
    if problems:
        raise InvalidInput(problems)
    return customers


def _locked_lines(company: Company, credits: Sequence[CreditToPost]) -> dict[int, _Line]:
    """Lock the due lines the batch pays (in id order) and read their open state and later movements."""
    ids = [line_id for credit in credits for line_id, _share in credit.allocations]
    first_day = min((credit.issue_on for credit in credits if credit.allocations), default=None)
    lines: dict[int, _Line] = {}
    for chunk in _in_chunks(ids):
        rows = (
            DueLine.objects.select_for_update(of=("self",))
            .filter(pk__any_of=chunk, company_id=company.pk)
            .order_by("pk")
            .values_list(
                "pk",
                "customer_id",
                "currency",
                "issue_on",
                "due_on",
                "amount",
                "functional_amount",
                "open_now",
                "open_functional_now",
                "document__rate",
                "document__number",
                "seq",
                "document_id",
            )
        )
        documents = {}
        for row in rows:
            lines[row[0]] = _Line(*row[:12], reversed=False, later=[])
            documents.setdefault(row[12], []).append(row[0])
        for original in Document.objects.filter(reversal_of_id__any_of=list(documents)).values_list(
            "reversal_of_id", flat=True
        ):
            for pk in documents[original]:
                lines[pk].reversed = True
        for line_id, day, amount in Allocation.objects.filter(
            line_id__any_of=chunk, allocated_on__gt=first_day
        ).values_list("line_id", "allocated_on", "amount"):
            lines[line_id].later.append((day, amount))
    missing = set(ids) - set(lines)
    if missing:
        raise LedgerError(_("Due line %(line)s is not an item of this company.") % {"line": min(missing)})
    return lines


def _functional_share(
    total: int, before: int, share: int, functional_total: int, functional_before: int, rate, currency: str, fc: str
) -> int:
    """An allocation's functional amount: at the rate, except that the one closing the item takes the rest."""
    if before + share == total:
        return functional_total - functional_before
    return to_minor(domain.functional_amount(from_minor(share, currency), rate, fc), fc)


def _refuse(credit: CreditToPost, line: _Line, share: int, available: int, currency: str) -> LedgerError:
    return LedgerError(
        _("%(amount)s %(currency)s is more than is open on %(invoice)s (%(open)s) on %(date)s or later.")
        % {
            "amount": grouped(from_minor(share, currency), currency),
            "currency": currency,
            "invoice": line.number,
            "open": grouped(from_minor(available, currency), currency),
            "date": credit.issue_on.isoformat(),
        }
    )


@transaction.atomic
def credits_post(
    *, by, company: Company, currency: str, credits: Sequence[CreditToPost], method: str = "bank"
) -> list[int]:
    """Post receipts or credit notes of one company and currency, each allocated on its own date; all or nothing.

    Returns the new documents' ids in the order given. The callers check their own permissions (as
    ``document_post(check_access=False)``): cash application posts what its matcher decided.
    """
    if not credits:
        return []
    customers = _checked_credits(company, currency, credits)
    periods.ensure_open(company_id=company.pk, on={credit.issue_on for credit in credits}, field="issue_on")
    functional_currency = company.functional_currency
    rates = {
        day: selectors.exchange_rate(currency=currency, quote_currency=functional_currency, on=day)
        for day in {credit.issue_on for credit in credits}
    }
    lines = _locked_lines(company, credits)
    now = timezone.now()
    user_id = getattr(by, "pk", None)
    document_ids = reserve_ids(Document, len(credits))
    allocation_ids = reserve_ids(Allocation, sum(len(credit.allocations) for credit in credits))
    documents, allocations, posted, allocated = [], [], [], []
    next_allocation = iter(allocation_ids)
    for document_id, credit in zip(document_ids, credits, strict=True):
        rate = rates[credit.issue_on]
        functional = to_minor(
            domain.functional_amount(from_minor(credit.amount, currency), rate, functional_currency),
            functional_currency,
        )
        problem = domain.functional_problem(from_minor(-functional, functional_currency), functional_currency)
        if problem is not None:
            raise InvalidInput(domain.problems_by_field([problem]))
        used, used_functional = 0, 0
        for line_id, share in credit.allocations:
            line = lines[line_id]
            if line.customer_id != credit.customer_id or line.currency != currency or line.reversed:
                raise LedgerError(
                    _("%(number)s cannot pay %(invoice)s: another customer's or currency's item, or reversed.")
                    % {"number": credit.number, "invoice": line.number}
                )
            if credit.issue_on < line.issue_on:
                raise InvalidInput({"on": [_("An allocation cannot be dated before the receipt or the invoice.")]})
            # What is open on the credit's date and every later day (the ledger's least_available rule).
            later_total = sum(amount for _day, amount in line.later)
            available = int(domain.least_available(line.open_now + later_total, line.later, credit.issue_on))
            if share <= 0 or share > available:
                raise _refuse(credit, line, share, available, currency)
            line_functional = _functional_share(
                line.amount,
                line.amount - line.open_now,
                share,
                line.functional_amount,
                line.functional_amount - line.open_functional_now,
                line.rate,
                currency,
                functional_currency,
            )
            source_functional = _functional_share(
                credit.amount, used, share, functional, used_functional, rate, currency, functional_currency
            )
            line.open_now -= share
            line.open_functional_now -= line_functional
            line.later.append((credit.issue_on, share))
            used += share
            used_functional += source_functional
            allocation_id = next(next_allocation)
            allocations.append(
                (
                    allocation_id,
                    company.pk,
                    credit.customer_id,
                    document_id,
                    line_id,
                    credit.issue_on,
                    share,
                    line_functional,
                    source_functional,
                    currency,
                    line.issue_on,
                    line.due_on,
                    credit.issue_on,
                    method,
                    user_id,
                    now,
                )
            )
            allocated.append(
                {
                    "object_type": "customers.customer",
                    "object_id": str(credit.customer_id),
                    "object_repr": f"{credit.number} → {line.number}",
                    "after": {
                        "allocation_id": allocation_id,
                        "source": credit.number,
                        "invoice": line.number,
                        "instalment": line.seq,
                        "amount": str(from_minor(share, currency)),
                        "date": credit.issue_on,
                        "method": method,
                    },
                }
            )
        unapplied = credit.amount - used
        documents.append(
            (
                document_id,
                company.pk,
                credit.customer_id,
                credit.doc_type,
                credit.number,
                "",
                credit.issue_on,
                currency,
                -credit.amount,
                rate,
                -functional,
                "",
                credit.reference,
                credit.description,
                unapplied,
                functional - used_functional,
                credit.issue_on if unapplied == 0 else None,
                DocumentStatus.POSTED.value,
                now,
                user_id,
                now,
            )
        )
        customer = customers[credit.customer_id]
        posted.append(
            {
                "object_type": "customers.customer",
                "object_id": str(credit.customer_id),
                "object_repr": f"{customer} / {DocumentType(credit.doc_type).label} {credit.number}",
                "after": {
                    "document_id": document_id,
                    "type": credit.doc_type,
                    "number": credit.number,
                    "date": credit.issue_on,
                    "amount": str(-from_minor(credit.amount, currency)),
                    "currency": currency,
                    "rate": str(rate),
                },
            }
        )
    try:
        with transaction.atomic():
            insert_rows(Document, DOCUMENT_FIELDS, documents)
    except IntegrityError as exc:  # a number taken by a writer that committed after the check
        raise LedgerError(_("A document number of the batch was taken meanwhile: nothing was posted.")) from exc
    insert_rows(Allocation, ALLOCATION_FIELDS, allocations)
    with connection.cursor() as cursor:
        lines_after_allocations(
            cursor, [(line.pk, line.open_now, line.open_functional_now, None) for line in lines.values()]
        )
    record_many(action="document.post", actor=by, company_id=company.pk, events=posted)
    record_many(action="allocation.create", actor=by, company_id=company.pk, events=allocated)
    return document_ids
