"""Statements of account (对账单): a customer's receivables for a period, per currency.

A statement shows, for each currency the customer deals in, the balance before the period, every
document posted in the period with the running balance, the allocations (核销) made in the period
as information lines that do not move the balance, the closing balance, and the items still open
at the end of the period with their ages. The same ``Statement`` is shown on screen, printed as
PDF, exported to Excel, written as JSON by the command line, and produced in bulk for a company.

Reading a statement costs the same few aggregated queries whatever the number of documents.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from ardesk.companies.models import Company
from ardesk.core.errors import InvalidInput
from ardesk.core.money import currency_decimals, from_minor
from ardesk.customers.models import Customer
from ardesk.ledger import selectors
from ardesk.ledger.errors import LedgerError
from ardesk.ledger.models import Allocation, Document, DocumentType

ZERO = Decimal(0)
DOCUMENT = "document"
ALLOCATION = "allocation"
# Age bands of the open items, in days past due: not yet due, 1-30, 31-60, 61-90, over 90.
AGING_LIMITS = (30, 60, 90)


class StatementOutOfBalance(LedgerError):
    """The opening balance plus the period's movements does not give the closing balance."""

    code = "statement_out_of_balance"
    status = 500


# --- the statement as data --------------------------------------------------------------------


@dataclass(frozen=True)
class Movement:
    """One line of the period: a posted document, or an allocation (information only)."""

    on: dt.date
    kind: str  # DOCUMENT or ALLOCATION
    doc_type: str  # the document's type; for an allocation, the type of the receipt or credit note
    number: str  # the document; for an allocation, the receipt or credit note applied
    currency: str
    reference: str = ""  # a document: the invoice it pays; an allocation: the invoice paid
    description: str = ""
    reverses: str = ""  # the number of the document a reversal cancels
    debit: Decimal = ZERO
    credit: Decimal = ZERO
    balance: Decimal | None = None  # the running balance after a document; None on allocation lines
    allocated: Decimal | None = None  # an allocation's amount, negative when it undoes an earlier one

    @property
    def is_allocation(self) -> bool:
        return self.kind == ALLOCATION

    @property
    def type_label(self) -> str:
        if self.is_allocation:
            return _("Allocation")
        return str(DocumentType(self.doc_type).label) if self.doc_type in DocumentType.values else self.doc_type

    @property
    def memo(self) -> str:
        """What the line is about, in the active language: reference, reversal, description, allocation."""
        if self.is_allocation:
            values = {
                "source": self.number,
                "invoice": self.reference,
                "amount": f"{format_amount(abs(self.allocated or ZERO), self.currency)} {self.currency}",
            }
            if self.allocated is not None and self.allocated < 0:
                return _("Allocation of %(amount)s from %(source)s to %(invoice)s undone") % values
            return _("%(source)s allocated to %(invoice)s: %(amount)s") % values
        parts = []
        if self.reverses:
            parts.append(_("Reverses %(number)s") % {"number": self.reverses})
        if self.reference:
            parts.append(_("For %(number)s") % {"number": self.reference})
        if self.description:
            parts.append(self.description)
        return " · ".join(parts)


@dataclass(frozen=True)
class OpenItem:
    """An item open at the end of the period: a due line, or an unallocated credit (negative)."""

    doc_type: str
    number: str
    seq: int
    issue_on: dt.date
    due_on: dt.date | None  # None for an unallocated credit
    days_past_due: int  # 0 when not yet due, and for credits
    open_amount: Decimal  # what is still owed; negative for an unallocated receipt or credit note

    @property
    def is_credit(self) -> bool:
        return self.open_amount < 0

    @property
    def is_overdue(self) -> bool:
        return self.days_past_due > 0

    @property
    def label(self) -> str:
        return f"{self.number} #{self.seq}" if self.seq > 1 else self.number

    @property
    def type_label(self) -> str:
        return str(DocumentType(self.doc_type).label) if self.doc_type in DocumentType.values else self.doc_type


@dataclass(frozen=True)
class AgingBand:
    """Open amounts in one age band: low..high days past due (None: not yet due, or credits)."""

    key: str  # "current", "1-30", ..., "over-90", "credits"
    low: int | None
    high: int | None
    amount: Decimal

    @property
    def label(self) -> str:
        if self.key == "current":
            return _("Not yet due")
        if self.key == "credits":
            return _("Unallocated credits")
        if self.high is None:
            return _("Over %(days)d days") % {"days": self.low - 1}
        return _("%(low)d–%(high)d days") % {"low": self.low, "high": self.high}


@dataclass(frozen=True)
class Section:
    """The statement in one currency."""

    currency: str
    opening: Decimal
    movements: tuple[Movement, ...]
    closing: Decimal
    open_items: tuple[OpenItem, ...]

    @property
    def total_debit(self) -> Decimal:
        return sum((m.debit for m in self.movements), ZERO)

    @property
    def total_credit(self) -> Decimal:
        return sum((m.credit for m in self.movements), ZERO)

    @property
    def open_total(self) -> Decimal:
        return sum((item.open_amount for item in self.open_items), ZERO)

    @property
    def overdue_total(self) -> Decimal:
        return sum((item.open_amount for item in self.open_items if item.is_overdue), ZERO)

    @property
    def aging(self) -> tuple[AgingBand, ...]:
        return aging(self.open_items)


@dataclass(frozen=True)
class Statement:
    customer: Customer
    company: Company
    date_from: dt.date
    date_to: dt.date
    sections: tuple[Section, ...]

    @property
    def is_empty(self) -> bool:
        return not self.sections


# --- pure rules -------------------------------------------------------------------------------


def format_amount(amount: Decimal, currency: str) -> str:
    """1234567.8 CNY -> '1,234,567.80': grouped, with the currency's decimals (exports and PDF)."""
    return f"{amount:,.{currency_decimals(currency)}f}"


def days_past_due(due_on: dt.date | None, as_of: dt.date) -> int:
    """Days an item is past its due date on a day; 0 when not yet due."""
    if due_on is None:
        return 0
    return max((as_of - due_on).days, 0)


def aging(items: Sequence[OpenItem], limits: Sequence[int] = AGING_LIMITS) -> tuple[AgingBand, ...]:
    """Open items summed by age band; the bands (credits included) add up to the open total."""
    bands = [AgingBand("current", None, None, ZERO)]
    low = 1
    for high in limits:
        bands.append(AgingBand(f"{low}-{high}", low, high, ZERO))
        low = high + 1
    bands.append(AgingBand(f"over-{low - 1}", low, None, ZERO))
    totals = [ZERO] * len(bands)
    credits = ZERO
    for item in items:
        if item.is_credit:
            credits += item.open_amount
            continue
        index = 0
        if item.days_past_due > 0:
            index = next(
                (n for n, band in enumerate(bands[1:], start=1) if band.high is None or item.days_past_due <= band.high)
            )
        totals[index] += item.open_amount
    result = [AgingBand(b.key, b.low, b.high, total) for b, total in zip(bands, totals, strict=True)]
    result.append(AgingBand("credits", None, None, credits))
    return tuple(result)


def build_section(
    *,
    currency: str,
    opening_minor: int,
    closing_minor: int,
    documents: Sequence[dict],
    allocations: Sequence[dict],
    open_lines: Sequence[dict],
    open_credits: Sequence[dict],
    as_of: dt.date,
) -> Section:
    """One currency's section from the rows read for it; checks that opening + movements = closing.

    Documents and allocations are put in date order; on the same day the documents come first (a
    receipt is posted before it is allocated), each in the order it was recorded.
    """
    dated = [((d["issue_on"], 0, d["id"]), d) for d in documents] + [
        ((a["allocated_on"], 1, a["id"]), a) for a in allocations
    ]
    dated.sort(key=lambda pair: pair[0])
    running = opening_minor
    movements = []
    for (on, order, _id), row in dated:
        if order == 1:
            movements.append(
                Movement(
                    on=on,
                    kind=ALLOCATION,
                    doc_type=row["source__doc_type"],
                    number=row["source__number"],
                    currency=currency,
                    reference=_line_label(row["line__document__number"], row["line__seq"]),
                    allocated=from_minor(row["amount"], currency),
                )
            )
            continue
        running += row["amount"]
        amount = from_minor(row["amount"], currency)
        movements.append(
            Movement(
                on=on,
                kind=DOCUMENT,
                doc_type=row["doc_type"],
                number=row["number"],
                currency=currency,
                reference=row["reference"],
                description=row["description"],
                reverses=row["reversal_of__number"] or "",
                debit=amount if amount > 0 else ZERO,
                credit=-amount if amount < 0 else ZERO,
                balance=from_minor(running, currency),
            )
        )
    if running != closing_minor:
        raise StatementOutOfBalance(
            _(
                "The %(currency)s statement does not balance: opening %(opening)s plus the movements gives "
                "%(computed)s, but the balance on %(date)s is %(closing)s."
            )
            % {
                "currency": currency,
                "opening": format_amount(from_minor(opening_minor, currency), currency),
                "computed": format_amount(from_minor(running, currency), currency),
                "date": as_of.isoformat(),
                "closing": format_amount(from_minor(closing_minor, currency), currency),
            }
        )
    items = [
        OpenItem(
            doc_type=line["document__doc_type"],
            number=line["document__number"],
            seq=line["seq"],
            issue_on=line["issue_on"],
            due_on=line["due_on"],
            days_past_due=days_past_due(line["due_on"], as_of),
            open_amount=from_minor(line["open_amount"], currency),
        )
        for line in open_lines
    ] + [
        OpenItem(
            doc_type=credit["doc_type"],
            number=credit["number"],
            seq=1,
            issue_on=credit["issue_on"],
            due_on=None,
            days_past_due=0,
            open_amount=-from_minor(credit["unapplied"], currency),
        )
        for credit in open_credits
    ]
    return Section(
        currency=currency,
        opening=from_minor(opening_minor, currency),
        movements=tuple(movements),
        closing=from_minor(closing_minor, currency),
        open_items=tuple(items),
    )


def _line_label(number: str, seq: int) -> str:
    return f"{number} #{seq}" if seq > 1 else number


# --- reading the ledger -----------------------------------------------------------------------


def statement(*, customer: Customer, company_id: int | None = None, date_from: dt.date, date_to: dt.date) -> Statement:
    """The statement of account of a customer with one company for a period (both days included)."""
    if date_from > date_to:
        raise InvalidInput({"date_from": [_("The period starts after it ends.")]})
    company_id = company_id or customer.company_id
    company = customer.company if company_id == customer.company_id else Company.objects.get(pk=company_id)
    try:
        return _read(customer, company, date_from, date_to)
    except StatementOutOfBalance:
        # The reads are separate statements: a document posted between two of them (backdated into
        # the period) makes them disagree. Reading again settles that; a real difference remains.
        return _read(customer, company, date_from, date_to)


def _read(customer: Customer, company: Company, date_from: dt.date, date_to: dt.date) -> Statement:
    documents = selectors.posted(Document.objects.filter(customer_id=customer.pk, company_id=company.pk))
    balances = {
        row["currency"]: (row["opening"], row["closing"])
        for row in documents.filter(issue_on__lte=date_to)
        .values("currency")
        .annotate(opening=Coalesce(Sum("amount", filter=Q(issue_on__lt=date_from)), 0), closing=Sum("amount"))
        .order_by()
    }
    period = list(
        documents.filter(issue_on__range=(date_from, date_to))
        .order_by("issue_on", "id")
        .values(
            "id",
            "issue_on",
            "doc_type",
            "number",
            "currency",
            "amount",
            "reference",
            "description",
            "reversal_of__number",
        )
    )
    allocations = list(
        Allocation.objects.filter(
            customer_id=customer.pk, company_id=company.pk, allocated_on__range=(date_from, date_to)
        )
        .order_by("allocated_on", "id")
        .values(
            "id",
            "allocated_on",
            "amount",
            "source__doc_type",
            "source__number",
            "line__document__number",
            "line__seq",
            "line__currency",
        )
    )
    lines = list(
        selectors.open_lines(as_of=date_to, customer_ids=[customer.pk], company_ids=[company.pk])
        .order_by("due_on", "issue_on", "id")
        .values("document__doc_type", "document__number", "seq", "issue_on", "due_on", "currency", "open_amount")
    )
    credits = list(
        selectors.open_credits(as_of=date_to, customer_ids=[customer.pk], company_ids=[company.pk])
        .order_by("issue_on", "id")
        .values("doc_type", "number", "issue_on", "currency", "unapplied")
    )
    currencies = (
        set(balances)
        | {d["currency"] for d in period}
        | {a["line__currency"] for a in allocations}
        | {line["currency"] for line in lines}
        | {c["currency"] for c in credits}
    )
    sections = []
    # The company's own currency first, then the others alphabetically.
    for currency in sorted(currencies, key=lambda c: (c != company.functional_currency, c)):
        opening, closing = balances.get(currency, (0, 0))
        section = build_section(
            currency=currency,
            opening_minor=opening,
            closing_minor=closing,
            documents=[d for d in period if d["currency"] == currency],
            allocations=[a for a in allocations if a["line__currency"] == currency],
            open_lines=[line for line in lines if line["currency"] == currency],
            open_credits=[c for c in credits if c["currency"] == currency],
            as_of=date_to,
        )
        if section.opening or section.closing or section.movements or section.open_items:
            sections.append(section)
    return Statement(customer=customer, company=company, date_from=date_from, date_to=date_to, sections=tuple(sections))


def statement_json(statement: Statement) -> dict:
    """The statement for machines: amounts as strings next to their currency, dates in ISO 8601."""

    def money(amount: Decimal | None, currency: str) -> dict | None:
        if amount is None:
            return None
        return {"amount": f"{amount:.{currency_decimals(currency)}f}", "currency": currency}

    def movement(m: Movement) -> dict:
        if m.is_allocation:
            return {
                "date": m.on.isoformat(),
                "kind": m.kind,
                "source_type": m.doc_type,
                "source": m.number,
                "invoice": m.reference,
                "amount": money(m.allocated, m.currency),
            }
        return {
            "date": m.on.isoformat(),
            "kind": m.kind,
            "type": m.doc_type,
            "number": m.number,
            "reference": m.reference,
            "description": m.description,
            "reverses": m.reverses or None,
            "debit": money(m.debit, m.currency) if m.debit else None,
            "credit": money(m.credit, m.currency) if m.credit else None,
            "balance": money(m.balance, m.currency),
        }

    return {
        "company": {"code": statement.company.code, "name": statement.company.name},
        "customer": {"code": statement.customer.code, "name": statement.customer.name},
        "date_from": statement.date_from.isoformat(),
        "date_to": statement.date_to.isoformat(),
        "sections": [
            {
                "currency": s.currency,
                "opening_balance": money(s.opening, s.currency),
                "movements": [movement(m) for m in s.movements],
                "total_debit": money(s.total_debit, s.currency),
                "total_credit": money(s.total_credit, s.currency),
                "closing_balance": money(s.closing, s.currency),
                "open_items": [
                    {
                        "type": item.doc_type,
                        "number": item.number,
                        "instalment": item.seq,
                        "date": item.issue_on.isoformat(),
                        "due_date": item.due_on.isoformat() if item.due_on else None,
                        "days_past_due": item.days_past_due,
                        "open_amount": money(item.open_amount, s.currency),
                    }
                    for item in s.open_items
                ],
                "open_total": money(s.open_total, s.currency),
                "aging": {band.key: money(band.amount, s.currency) for band in s.aging},
            }
            for s in statement.sections
        ],
    }
