"""Pure rules of the receivables ledger: terms and due dates, splits, signs, allocation.

No ORM, no clock: dates and amounts come in as arguments, results go out as values. Amounts are
Decimals in one currency; callers convert to and from minor units (core.money).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from ardesk.core import calendar
from ardesk.core.money import CurrencyError, currency_decimals, quantize

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


# One validation of a document. The posting service (UI, API) and every import call these rules,
# so the same mistake gets the same words wherever it is made; each problem is a value naming the
# field and the reason, and a caller reports all of them at once.

DOCUMENT_TYPES = frozenset(
    {"invoice", "debit_note", "credit_note", "receipt", "adjustment", "write_off", "recovery", "refund"}
)
BAD_DEBT_TYPES = frozenset({"write_off", "recovery"})
# An invoice's medium (models.InvoiceMedium), empty when not known; only debits are invoices.
MEDIUMS = frozenset({"", "electronic", "paper"})
INVOICED_TYPES = frozenset({"invoice", "debit_note"})
# Dates a receivable can sensibly carry; outside them a typo (20224, 0024) would age or overflow.
FIRST_YEAR, LAST_YEAR = 1900, 2100
# Amounts are stored as whole minor units in a 64-bit integer column; 15 digits (just under ten
# trillion yuan) leave room for a total of thousands of the largest documents within the column.
MAX_MINOR = 10**15 - 1
TEXT_LENGTHS = {"number": 40, "external_ref": 64, "order_ref": 64, "reference": 40, "description": 300}
# OWASP's CSV-injection rule: a cell starting with one of these is run as a formula by spreadsheets.
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)").fullmatch
_SCIENTIFIC = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+").fullmatch


@dataclass(frozen=True)
class Problem:
    """What is wrong with one field of a document: the field, a stable code, the user's words."""

    field: str
    code: str
    message: str


@dataclass(frozen=True)
class DocumentDraft:
    """A document as entered or imported, before it is posted.

    A field that is None was not read (its cell could not be parsed, which the reader reports):
    the rules about it are skipped rather than reported twice. Amounts are in the document's
    currency, positive as the document says (an adjustment carries its sign).
    """

    doc_type: str
    number: str | None
    issue_on: dt.date | None
    currency: str | None
    amount: Decimal | None
    due_on: dt.date | None = None
    cost: Decimal | None = None
    external_ref: str | None = ""
    order_ref: str | None = ""
    reference: str | None = ""
    description: str | None = ""
    medium: str | None = ""


def is_formula(text: str) -> bool:
    """Whether a spreadsheet would run this text as a formula (OWASP's CSV-injection rule).

    Text starting with =, +, -, @, a tab or a carriage return is a formula lead; a lone "+" or
    "-" (an ERP's placeholder for "none") is plain text, as spreadsheets keep it.
    """
    return text.startswith(FORMULA_LEADS) and text not in ("-", "+")


def text_problem(value: str, field: str, max_length: int) -> Problem | None:
    """The problem of a stored text: a NUL character (which PostgreSQL cannot store), too long, a formula."""
    if "\x00" in value:
        return Problem(field, "nul_character", _("Contains a NUL character, which cannot be stored."))
    if len(value) > max_length:
        return Problem(field, "too_long", _("At most %(count)d characters.") % {"count": max_length})
    if is_formula(value):
        return Problem(
            field,
            "formula",
            _("Starts with %(lead)s, which a spreadsheet would run as a formula.") % {"lead": repr(value[0])},
        )
    return None


def date_problem(day: dt.date, field: str) -> Problem | None:
    """A date outside the years a receivable can carry (1900 to 2100)."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        return Problem(
            field,
            "year_out_of_range",
            _("%(date)s: the year must be between %(first)d and %(last)d.")
            % {"date": day.isoformat(), "first": FIRST_YEAR, "last": LAST_YEAR},
        )
    return None


def read_amount(value, field: str = "amount") -> tuple[Decimal | None, list[Problem]]:
    """An amount as a user or a file gives it: a Decimal, an integer, text or a spreadsheet's number.

    Text may group thousands ("1,200.50"); scientific notation (1e5) and formulas are refused, a
    negative number is a number (whether it may be negative is the document's rule). A spreadsheet's
    number (a float) is read as the shortest decimal that gives it back, so 0.1 is 0.1 and
    0.30000000000000004 stays what it is: the currency's minor unit then decides, as for text.
    """
    if isinstance(value, Decimal):
        # A Decimal with a positive exponent was written as 1E+30 (as a JSON client may send it);
        # the ledger's own amounts (from_minor, quantize) never have one.
        if value.is_finite() and value.as_tuple().exponent > 0:
            return None, [_scientific(field)]
        amount = value
    elif isinstance(value, bool):
        return None, [Problem(field, "not_an_amount", _("'%(value)s' is not an amount.") % {"value": value})]
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(repr(value)) if value == value and abs(value) != float("inf") else Decimal("NaN")
    else:
        text = "" if value is None else str(value).strip()
        if not text:
            return None, [Problem(field, "required", _("This field is required."))]
        text = text.replace(",", "").replace("\uff0c", "").replace(" ", "")
        if is_formula(text) and not _PLAIN_NUMBER(text):
            return None, [
                Problem(
                    field,
                    "formula",
                    _("Starts with %(lead)s, which a spreadsheet would run as a formula.") % {"lead": repr(text[0])},
                )
            ]
        if _SCIENTIFIC(text):
            return None, [_scientific(field)]
        try:
            amount = Decimal(text)
        except InvalidOperation:
            amount = Decimal("NaN")
    if not amount.is_finite():
        return None, [Problem(field, "not_an_amount", _("'%(value)s' is not an amount.") % {"value": value})]
    return amount, []


def _scientific(field: str) -> Problem:
    # The same words however the value arrived ("1e30" in a file, Decimal("1E+30") from JSON).
    return Problem(field, "scientific_notation", _("Scientific notation (such as 1e5): write the amount out in full."))


def amount_problems(amount: Decimal, currency: str, field: str = "amount") -> list[Problem]:
    """An amount must be exact to its currency's minor unit and fit the ledger's columns."""
    places = currency_decimals(currency)
    minor = amount.scaleb(places)
    problems = []
    if minor != minor.to_integral_value():
        problems.append(
            Problem(
                field,
                "too_many_decimals",
                _("%(value)s has more than %(places)d decimals.") % {"value": amount, "places": places},
            )
        )
    if abs(minor) > MAX_MINOR:
        problems.append(
            Problem(
                field,
                "too_large",
                _("%(value)s is more than the largest amount the ledger holds, %(max)s.")
                % {"value": amount, "max": Decimal(MAX_MINOR).scaleb(-places)},
            )
        )
    return problems


def positive_problem(amount: Decimal, field: str = "amount") -> Problem | None:
    """Invoices, notes, receipts and allocations are positive; only an adjustment carries a sign."""
    if amount <= 0:
        return Problem(field, "not_positive", _("The amount must be positive, not %(value)s.") % {"value": amount})
    return None


def functional_problem(functional: Decimal, functional_currency: str) -> Problem | None:
    """A document's amount converted to the functional currency must fit the ledger's columns too."""
    places = currency_decimals(functional_currency)
    if abs(functional.scaleb(places)) > MAX_MINOR:
        return Problem(
            "amount",
            "too_large",
            _("%(value)s %(currency)s is more than the largest amount the ledger holds, %(max)s.")
            % {"value": functional, "currency": functional_currency, "max": Decimal(MAX_MINOR).scaleb(-places)},
        )
    return None


def document_problems(draft: DocumentDraft, *, by_hand: bool = True) -> list[Problem]:
    """Every problem of a document, by field; an empty list means it may be posted.

    ``by_hand`` is False when an approval under Bad debt posts a write-off or a recovery.
    """
    problems: list[Problem] = []
    if draft.doc_type not in DOCUMENT_TYPES:
        problems.append(
            Problem("doc_type", "unknown_type", _("Unknown document type %(type)s.") % {"type": draft.doc_type})
        )
    elif draft.doc_type in BAD_DEBT_TYPES and by_hand:
        problems.append(
            Problem("doc_type", "bad_debt", _("Write-offs and recoveries are posted by their approval under Bad debt."))
        )
    elif draft.doc_type == "refund" and by_hand:
        problems.append(
            Problem(
                "doc_type", "refund", _("A refund is made from the receipt or credit note whose credit it pays back.")
            )
        )
    currency_ok = draft.currency is not None and _is_currency(draft.currency)
    if draft.currency is not None and not currency_ok:
        problems.append(
            Problem("currency", "unknown_currency", _("Use a three-letter ISO 4217 currency code such as CNY."))
        )
    if draft.number is not None and not draft.number:
        problems.append(Problem("number", "required", _("Give the document number.")))
    for name in TEXT_LENGTHS:
        text = getattr(draft, name)
        if text:
            problems.extend(_some(text_problem(text, name, TEXT_LENGTHS[name])))
    for name in ("issue_on", "due_on"):
        day = getattr(draft, name)
        if day is not None:
            problems.extend(_some(date_problem(day, name)))
    if draft.due_on is not None and draft.issue_on is not None and draft.due_on < draft.issue_on:
        problems.append(Problem("due_on", "due_before_date", _("The due date is before the document date.")))
    if draft.amount is not None and currency_ok:
        value_problems = amount_problems(draft.amount, draft.currency, "amount")
        problems.extend(value_problems)
        if draft.doc_type != "adjustment":
            problems.extend(_some(positive_problem(draft.amount)))
        elif draft.amount == 0:
            problems.append(Problem("amount", "zero", _("The amount cannot be zero.")))
    if draft.cost is not None and currency_ok:
        problems.extend(amount_problems(draft.cost, draft.currency, "cost"))
        if draft.cost < 0:
            problems.append(Problem("cost", "negative", _("The cost cannot be negative.")))
    if draft.medium is not None:
        problems.extend(_some(medium_problem(draft.medium, draft.doc_type)))
    return problems


def medium_problem(medium: str, doc_type: str) -> Problem | None:
    """An invoice medium must be electronic or paper, and only an invoice or debit note has one."""
    if medium not in MEDIUMS:
        return Problem("medium", "unknown_medium", _("The invoice medium is electronic or paper."))
    if medium and doc_type not in INVOICED_TYPES:
        return Problem("medium", "not_invoiced", _("Only an invoice or a debit note has an invoice medium."))
    return None


def problems_by_field(problems: Iterable[Problem]) -> dict[str, list[str]]:
    """Problems as the API and forms show them: each field's messages."""
    by_field: dict[str, list[str]] = {}
    for problem in problems:
        by_field.setdefault(problem.field, []).append(problem.message)
    return by_field


def _is_currency(code: str) -> bool:
    try:
        currency_decimals(code)
    except CurrencyError:
        return False
    return True


def _some(problem: Problem | None) -> list[Problem]:
    return [problem] if problem is not None else []
