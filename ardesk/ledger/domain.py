"""Pure rules of the receivables ledger: terms and due dates, splits, signs, allocation.

No ORM, no clock: dates and amounts come in as arguments, results go out as values. Amounts are
Decimals in one currency; callers convert to and from minor units (core.money).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from ardesk.core import calendar
from ardesk.core.money import quantize

ZERO = Decimal(0)

# Which side of the ledger a document type is on: debits are owed by the customer (open items
# with due dates), credits reduce what is owed and are allocated to debits.
DEBIT_TYPES = frozenset({"invoice", "debit_note"})
CREDIT_TYPES = frozenset({"receipt", "credit_note"})


class LedgerRuleError(ValueError):
    """A ledger rule refused the operation; the message is for the user."""


@dataclass(frozen=True)
class Instalment:
    percent: Decimal
    days: int


@dataclass(frozen=True)
class Term:
    """A payment term template: net N days, end of month + N days, or instalments; optional discount."""

    kind: str  # "net" | "eom" | "instalments"
    days: int = 0
    instalments: tuple[Instalment, ...] = ()
    discount_percent: Decimal | None = None
    discount_days: int | None = None


@dataclass(frozen=True)
class DuePart:
    due_on: dt.date
    amount: Decimal


def due_date(issue_on: dt.date, term: Term, days: int | None = None) -> dt.date:
    """The due date of an amount under a term: net N from the issue date, or N after month end."""
    offset = term.days if days is None else days
    if term.kind == "eom":
        return calendar.month_end(issue_on) + dt.timedelta(days=offset)
    return issue_on + dt.timedelta(days=offset)


def split(amount: Decimal, percents: Sequence[Decimal], currency: str) -> list[Decimal]:
    """Split an amount by percentages; each part is rounded and the last takes the remainder.

    The parts always add up to the whole, whatever the rounding.
    """
    if not percents:
        return [amount]
    parts = [quantize(amount * p / 100, currency) for p in percents[:-1]]
    parts.append(amount - sum(parts, ZERO))
    return parts


def check_term(term: Term) -> list[str]:
    """Problems with a term's definition, for the person who edits it."""
    problems = []
    if term.kind not in ("net", "eom", "instalments"):
        problems.append(_("Unknown term kind %(kind)s.") % {"kind": term.kind})
    if term.days < 0:
        problems.append(_("Days cannot be negative."))
    if term.kind == "instalments":
        if len(term.instalments) < 2:
            problems.append(_("An instalment term needs at least two instalments."))
        total = sum((i.percent for i in term.instalments), ZERO)
        if total != 100:
            problems.append(_("Instalment percentages add up to %(total)s, not 100.") % {"total": total})
        if any(i.percent <= 0 or i.days < 0 for i in term.instalments):
            problems.append(_("Each instalment needs a positive percentage and non-negative days."))
    if (term.discount_percent is None) != (term.discount_days is None):
        problems.append(_("An early-payment discount needs both a percentage and a number of days."))
    if term.discount_percent is not None and not (0 < term.discount_percent < 100):
        problems.append(_("The discount percentage must be between 0 and 100."))
    if term.discount_days is not None and term.kind != "instalments" and term.discount_days > term.days:
        problems.append(_("The discount period cannot be longer than the term."))
    return problems


def schedule(
    amount: Decimal, currency: str, issue_on: dt.date, term: Term | None, due_on: dt.date | None = None
) -> list[DuePart]:
    """The due parts of an invoice: one part, or one per instalment (the last takes the remainder).

    An explicit due date (from the ERP) wins over a single-part term.
    """
    if term is None or term.kind != "instalments":
        if due_on is None:
            if term is None:
                raise LedgerRuleError(_("Give a due date or a payment term."))
            due_on = due_date(issue_on, term)
        return [DuePart(due_on, amount)]
    amounts = split(amount, [i.percent for i in term.instalments], currency)
    return [DuePart(due_date(issue_on, term, i.days), part) for i, part in zip(term.instalments, amounts, strict=True)]


def early_payment_discount(amount: Decimal, currency: str, issue_on: dt.date, term: Term | None):
    """(last day for the discount, discount amount) for a term with a discount, else None: 2/10 net 30."""
    if term is None or term.discount_percent is None or term.discount_days is None:
        return None
    return issue_on + dt.timedelta(days=term.discount_days), quantize(amount * term.discount_percent / 100, currency)


def functional_amount(amount: Decimal, rate: Decimal, functional_currency: str) -> Decimal:
    """An amount converted at a rate, rounded once to the functional currency (a named rounding point)."""
    if rate == 1:
        return quantize(amount, functional_currency)
    return quantize(amount * rate, functional_currency)


def check_allocation(*, open_amount: Decimal, unapplied: Decimal, amount: Decimal) -> None:
    """An allocation must be positive and exceed neither the item's open amount nor the unapplied credit."""
    if amount <= 0:
        raise LedgerRuleError(_("The amount to allocate must be positive."))
    if amount > open_amount:
        raise LedgerRuleError(
            _("%(amount)s is more than the item's open amount of %(open)s.") % {"amount": amount, "open": open_amount}
        )
    if amount > unapplied:
        raise LedgerRuleError(
            _("%(amount)s is more than the %(unapplied)s still unallocated on the receipt or credit note.")
            % {"amount": amount, "unapplied": unapplied}
        )


def allocate_receipt(receipt: Decimal, open_items: Sequence[Decimal]) -> tuple[list[Decimal], Decimal]:
    """Spread a receipt over open items in the order given; return what each gets and what is left."""
    remaining = receipt
    allocated = []
    for item in open_items:
        share = min(item, remaining) if remaining > 0 else ZERO
        allocated.append(share)
        remaining -= share
    return allocated, remaining


@dataclass(frozen=True)
class OpenLine:
    line_id: int
    document_number: str
    issue_on: dt.date
    due_on: dt.date
    open_amount: Decimal


AUTO_RULES = ("reference", "amount", "oldest")


def auto_allocation(
    amount: Decimal, reference: str, lines: Sequence[OpenLine], rules: Sequence[str] = AUTO_RULES
) -> list[tuple[int, Decimal]]:
    """Which open lines a receipt pays, by the configured rules in order.

    - reference: the receipt names an invoice number: pay that invoice's lines, earliest due first;
    - amount: an invoice whose whole open amount equals what is left: pay exactly that one;
    - oldest: what is still left goes to the oldest due lines first.
    Returns (line id, amount) pairs; what is not returned stays unallocated on the customer.
    """
    remaining = amount
    result: dict[int, Decimal] = {}
    ordered = sorted(lines, key=lambda x: (x.due_on, x.issue_on, x.document_number, x.line_id))

    def take(candidates: Sequence[OpenLine]) -> None:
        nonlocal remaining
        for line in candidates:
            available = line.open_amount - result.get(line.line_id, ZERO)
            share = min(available, remaining)
            if share > 0:
                result[line.line_id] = result.get(line.line_id, ZERO) + share
                remaining -= share

    for rule in rules:
        if remaining <= 0:
            break
        if rule == "reference" and reference:
            take([x for x in ordered if x.document_number == reference])
        elif rule == "amount":
            by_document: dict[str, list[OpenLine]] = {}
            for line in ordered:
                by_document.setdefault(line.document_number, []).append(line)
            for lines_of_document in by_document.values():
                left = sum((x.open_amount - result.get(x.line_id, ZERO) for x in lines_of_document), ZERO)
                if left == remaining and left > 0:
                    take(lines_of_document)
                    break
        elif rule == "oldest":
            take(ordered)
    return [(line_id, share) for line_id, share in result.items()]


def least_available(total: Decimal, movements: Sequence[tuple[dt.date, Decimal]], from_date: dt.date) -> Decimal:
    """The smallest amount still available on any day from a date on, given dated movements.

    An item's open amount as of a day is its total less the allocations dated on or before that day;
    a new allocation dated D must fit under the open amount of every day from D on, or the open
    amount would turn negative on some past or future day.
    """
    used = sum((amount for day, amount in movements if day <= from_date), ZERO)
    least = total - used
    for day in sorted({d for d, _amount in movements if d > from_date}):
        used += sum((amount for d, amount in movements if d == day), ZERO)
        least = min(least, total - used)
    return least
