"""Deterministic receivables history for the demo customers: 24 months of invoices and payments.

Pure functions over seeded random generators, no ORM and no clock: the same customers, seed and
anchor date (the demo's "today") give the same ledger on every machine. Each customer gets a payer
behaviour that shapes when and how its invoices are paid:

- prompt: pays at or before the due date (and takes the 2/10 discount when its term has one);
- slow: pays 15-60 days late;
- seasonal: pays on time, except around Chinese New Year and quarter ends, when it pays weeks late;
- deteriorating: pays a little late, then over the last 6 months later and later, and in parts;
- disputing: disputes some invoices; a credit note settles part and the rest is paid late;
- defaulting: stops paying 4-8 months before the anchor and leaves a large overdue balance.

Some invoices are paid in two or three receipts, some receipts pay several invoices, and a few
customers leave cash on account. Every receipt and credit note comes with the allocations that
apply it; an allocation never exceeds what is open on the invoice or left on the credit.

Generation is customer by customer (``LedgerGenerator.customer_ledger``) so that a caller can
stream millions of rows to files with flat memory; ``demo_ledger`` collects a whole demo.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import random
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ardesk.core import calendar
from ardesk.core.money import currency_decimals
from ardesk.demo.generator import DemoCustomer
from ardesk.ledger import domain

MONTHS = 24
BEHAVIOURS = ("prompt", "slow", "seasonal", "deteriorating", "disputing", "defaulting")
BEHAVIOUR_WEIGHTS = (38, 22, 12, 12, 10, 6)
FUNCTIONAL_CURRENCY = "CNY"
DETERIORATION_DAYS = 183  # the last 6 months, when a deteriorating payer gets later and pays in parts

# 春节: the week-long holiday around it, when many customers pay nothing.
CHINESE_NEW_YEAR = {
    2019: dt.date(2019, 2, 5),
    2020: dt.date(2020, 1, 25),
    2021: dt.date(2021, 2, 12),
    2022: dt.date(2022, 2, 1),
    2023: dt.date(2023, 1, 22),
    2024: dt.date(2024, 2, 10),
    2025: dt.date(2025, 1, 29),
    2026: dt.date(2026, 2, 17),
    2027: dt.date(2027, 2, 6),
    2028: dt.date(2028, 1, 26),
    2029: dt.date(2029, 2, 13),
    2030: dt.date(2030, 2, 3),
    2031: dt.date(2031, 1, 23),
    2032: dt.date(2032, 2, 11),
    2033: dt.date(2033, 1, 31),
    2034: dt.date(2034, 2, 19),
    2035: dt.date(2035, 2, 8),
}


@dataclass(frozen=True, slots=True)
class DemoTerm:
    """A payment term template (账期) the demo customers are given."""

    code: str
    name: str
    kind: str
    days: int
    discount_percent: Decimal | None = None
    discount_days: int | None = None

    @property
    def rule(self) -> domain.Term:
        return domain.Term(
            kind=self.kind, days=self.days, discount_percent=self.discount_percent, discount_days=self.discount_days
        )


TERMS = (
    DemoTerm("N30", "Net 30 days (发票日后30天)", "net", 30),
    DemoTerm("N60", "Net 60 days (发票日后60天)", "net", 60),
    DemoTerm("EOM30", "Month end + 30 days (月结30天)", "eom", 30),
    DemoTerm("N90", "Net 90 days (发票日后90天)", "net", 90),
    DemoTerm("2/10N30", "2 % in 10 days, net 30 (10天内付款折扣2%)", "net", 30, Decimal(2), 10),
)
TERMS_BY_CODE = {t.code: t for t in TERMS}
DOMESTIC_TERM_WEIGHTS = (40, 22, 20, 8, 10)
FOREIGN_TERM_WEIGHTS = (10, 45, 0, 45, 0)


@dataclass(frozen=True, slots=True)
class DemoInvoice:
    company: str
    customer: str
    number: str
    issue_on: dt.date
    due_on: dt.date
    currency: str
    amount: Decimal
    cost: Decimal
    payment_term: str
    order_ref: str
    external_ref: str
    discount_until: dt.date | None = None
    discount_amount: Decimal | None = None


@dataclass(frozen=True, slots=True)
class DemoCredit:
    """A receipt or a credit note; ``amount`` is positive as the document says it.

    ``invoice`` names the invoice when the whole credit pays that one invoice on its own date
    (as the import format's ``invoice`` column means); otherwise it is empty.
    """

    company: str
    customer: str
    doc_type: str  # "receipt" | "credit_note"
    number: str
    issue_on: dt.date
    currency: str
    amount: Decimal
    external_ref: str
    invoice: str = ""
    description: str = ""


@dataclass(frozen=True, slots=True)
class DemoAllocation:
    """Part of a receipt or credit note applied to an invoice on a date (核销)."""

    source_type: str  # "receipt" | "credit_note"
    source: str
    invoice: str
    amount: Decimal
    allocated_on: dt.date


@dataclass(frozen=True, slots=True)
class CustomerLedger:
    company: str
    customer: str
    currency: str
    behaviour: str
    payment_term: str
    invoices: tuple[DemoInvoice, ...]
    receipts: tuple[DemoCredit, ...]
    credit_notes: tuple[DemoCredit, ...]
    allocations: tuple[DemoAllocation, ...]


@dataclass(frozen=True, slots=True)
class DemoRate:
    currency: str
    quote_currency: str
    rate_on: dt.date
    rate: Decimal


@dataclass(frozen=True)
class DemoLedger:
    anchor: dt.date
    start: dt.date
    terms: tuple[DemoTerm, ...]
    rates: tuple[DemoRate, ...]
    customers: tuple[CustomerLedger, ...]


@dataclass(frozen=True, slots=True)
class _Profile:
    behaviour: str
    term: DemoTerm
    median_amount: float  # in the customer's currency
    last_invoice_on: dt.date
    stop_paying_on: dt.date | None  # defaulting payers only
    pays_in_batches: bool
    leaves_cash_on_account: bool
    partial_rate: float


def period_start(anchor: dt.date, months: int = MONTHS) -> dt.date:
    """The first day of the ``months`` months that end on the anchor date."""
    return calendar.add_months(anchor, -months) + dt.timedelta(days=1)


def chinese_new_year(year: int) -> dt.date:
    return CHINESE_NEW_YEAR.get(year, dt.date(year, 2, 1))


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def _split(amount: int, parts: int, rng: random.Random) -> list[int]:
    """Split minor units into parts of 25-60 % each; the last takes the remainder, so they add up."""
    shares = []
    left = amount
    for _ in range(parts - 1):
        share = max(1, left * rng.randint(25, 60) // 100)
        if share >= left:
            break
        shares.append(share)
        left -= share
    shares.append(left)
    return shares


def usd_rates(*, start: dt.date, end: dt.date, seed: int = 20240101) -> tuple[DemoRate, ...]:
    """Business-day USD/CNY rates between 7.0 and 7.3, a mean-reverting random walk (4 decimals)."""
    rng = random.Random(f"{seed}/USD/CNY")
    rate = 7.15
    rates = []
    day = start - _days(7)  # a rate exists before the first document, whatever its weekday
    while day <= end:
        if day.weekday() < 5:
            rate += rng.gauss(0, 0.012) + 0.04 * (7.15 - rate)
            rate = min(7.3, max(7.0, rate))
            rates.append(DemoRate("USD", FUNCTIONAL_CURRENCY, day, Decimal(f"{rate:.4f}")))
        day += _days(1)
    return tuple(rates)


class RateTable:
    """The latest rate on or before a day, as the ledger looks rates up; one currency's own rate is 1."""

    def __init__(self, rates: Iterable[DemoRate]):
        self._by_currency: dict[str, tuple[list[dt.date], list[Decimal]]] = {}
        for rate in sorted(rates, key=lambda r: (r.currency, r.rate_on)):
            days, values = self._by_currency.setdefault(rate.currency, ([], []))
            days.append(rate.rate_on)
            values.append(rate.rate)

    def rate(self, currency: str, on: dt.date, quote_currency: str = FUNCTIONAL_CURRENCY) -> Decimal:
        if currency == quote_currency:
            return Decimal(1)
        days, values = self._by_currency.get(currency, ([], []))
        index = bisect.bisect_right(days, on) - 1
        if index < 0:
            raise LookupError(f"No {currency}/{quote_currency} rate on or before {on.isoformat()}")
        return values[index]


class LedgerGenerator:
    """Generates one customer's history at a time; document numbers are unique per company and type."""

    def __init__(self, *, anchor: dt.date, seed: int = 20240101, months: int = MONTHS):
        self.anchor = anchor
        self.seed = seed
        self.start = period_start(anchor, months)
        self._sequences: dict[tuple[str, str, int | dt.date], int] = {}
        self._places: dict[str, int] = {}

    def _number(self, company: str, prefix: str, on: dt.date) -> str:
        key = (company, prefix, on.year)
        sequence = self._sequences.get(key, 0) + 1
        self._sequences[key] = sequence
        return f"{prefix}-{company}-{on.year}-{sequence:07d}"

    def _receipt_number(self, company: str, on: dt.date) -> str:
        """A receipt's number as an ERP gives it when the payment is entered: the day, then the day's count.

        Receipts are generated customer by customer, but an ERP numbers them in the order they come
        in: so a file of them in that order (by date, then number) lists its numbers ascending, as an
        ERP's export does, where a yearly count given customer by customer would jump about.
        """
        key = (company, "RC", on)
        sequence = self._sequences.get(key, 0) + 1
        self._sequences[key] = sequence
        return f"RC-{company}-{on:%Y%m%d}-{sequence:06d}"

    def _amount(self, minor: int, currency: str) -> Decimal:
        places = self._places.get(currency)
        if places is None:
            places = self._places[currency] = currency_decimals(currency)
        return Decimal(minor).scaleb(-places)

    def _profile(self, rng: random.Random, customer: DemoCustomer) -> _Profile:
        foreign = customer.currency != FUNCTIONAL_CURRENCY
        # The customer's status hints at its history: a blocked account stopped paying, one on hold is slipping.
        if customer.status == "blocked":
            behaviour = "defaulting"
        elif customer.status == "on_hold":
            behaviour = rng.choice(("deteriorating", "disputing", "slow"))
        elif customer.status == "closed":
            behaviour = rng.choice(("prompt", "slow"))
        else:
            behaviour = rng.choices(BEHAVIOURS, weights=BEHAVIOUR_WEIGHTS)[0]
        term = rng.choices(TERMS, weights=FOREIGN_TERM_WEIGHTS if foreign else DOMESTIC_TERM_WEIGHTS)[0]
        # Bigger registered capital, bigger orders: a median invoice from 20k to 500k CNY, lognormal around it.
        capital = float(customer.registered_capital or 10_000_000)
        position = (math.log10(max(capital, 1_000_000)) - 6) / 2 + rng.uniform(-0.25, 0.25)
        position = min(1.0, max(0.0, position))
        median = math.exp(math.log(20_000) + position * (math.log(500_000) - math.log(20_000)))
        if foreign:
            median /= 7.15
        last_invoice_on = self.anchor
        stop_paying_on = None
        if customer.status == "closed":
            last_invoice_on = self.anchor - _days(rng.randint(120, 300))
        if behaviour == "defaulting":
            stop_paying_on = self.anchor - _days(rng.randint(122, 244))  # 4 to 8 months before the anchor
            last_invoice_on = min(self.anchor, stop_paying_on + _days(rng.randint(20, 60)))
        return _Profile(
            behaviour=behaviour,
            term=term,
            median_amount=median,
            last_invoice_on=max(self.start, last_invoice_on),
            stop_paying_on=stop_paying_on,
            pays_in_batches=rng.random() < 0.35,
            leaves_cash_on_account=rng.random() < 0.08,
            partial_rate={"slow": 0.15, "prompt": 0.0}.get(behaviour, 0.07),
        )

    def customer_ledger(self, customer: DemoCustomer, *, invoices: int | None = None) -> CustomerLedger:
        """The customer's 24 months: invoices, receipts, credit notes and their allocations.

        ``invoices`` fixes how many invoices the customer gets (benchmark files); by default it
        follows the customer's size, about 0.5 to 4 a month.
        """
        rng = random.Random(f"{self.seed}/{customer.company}/{customer.code}")
        profile = self._profile(rng, customer)
        currency = customer.currency
        span = (profile.last_invoice_on - self.start).days + 1
        if invoices is None:
            per_month = rng.choice((0.5, 1, 1, 1.5, 2, 2, 3, 4))
            invoices = max(2, round(per_month * span / 30.4 * rng.uniform(0.8, 1.2)))
        issue_dates = sorted(self.start + _days(rng.randrange(span)) for _ in range(invoices))

        invoice_rows: list[DemoInvoice] = []
        payments: list[tuple[dt.date, int, int, bool]] = []  # (date, minor, invoice index, pays it whole)
        credits: list[tuple[dt.date, int, int, str]] = []  # (date, minor, invoice index, reason)
        rule = profile.term.rule
        for index, issue_on in enumerate(issue_dates):
            scale = profile.median_amount * rng.lognormvariate(0, 0.5)
            if profile.stop_paying_on and profile.stop_paying_on - _days(90) <= issue_on:
                scale *= 1.6  # a customer heading for default orders more on credit
            minor = max(50_000, round(scale * 100))
            amount = self._amount(minor, currency)
            due_on = domain.due_date(issue_on, rule)
            discount = domain.early_payment_discount(amount, currency, issue_on, rule)
            number = self._number(customer.company, "INV", issue_on)
            invoice_rows.append(
                DemoInvoice(
                    company=customer.company,
                    customer=customer.code,
                    number=number,
                    issue_on=issue_on,
                    due_on=due_on,
                    currency=currency,
                    amount=amount,
                    cost=self._amount((minor * rng.randint(70, 90) + 50) // 100, currency),
                    payment_term=profile.term.code,
                    order_ref=f"SO{number[3:]}",
                    external_ref=f"ERP-{number}",
                    discount_until=discount[0] if discount else None,
                    discount_amount=discount[1] if discount else None,
                )
            )
            discount_minor = (discount[0], int(discount[1].scaleb(self._places[currency]))) if discount else None
            settled = self._settlement(rng, profile, issue_on, due_on, minor, discount_minor)
            whole = len(settled[0]) == 1 and not settled[1]
            payments.extend((on, share, index, whole) for on, share in settled[0])
            credits.extend((on, share, index, reason) for on, share, reason in settled[1])

        # Nothing after the anchor has happened yet: what would be paid later is still open today.
        payments = [p for p in payments if p[0] <= self.anchor]
        credits = [c for c in credits if c[0] <= self.anchor]
        receipts = self._receipts(rng, profile, payments, invoice_rows, currency)

        receipt_rows: list[DemoCredit] = []
        allocations: list[DemoAllocation] = []
        for on, parts, extra, description in sorted(receipts, key=lambda r: (r[0], r[1][0][0] if r[1] else -1)):
            number = self._receipt_number(customer.company, on)
            total = sum(share for _, share in parts) + extra
            receipt_rows.append(
                DemoCredit(
                    company=customer.company,
                    customer=customer.code,
                    doc_type="receipt",
                    number=number,
                    issue_on=on,
                    currency=currency,
                    amount=self._amount(total, currency),
                    external_ref=f"BANK-{number}",
                    invoice=invoice_rows[parts[0][0]].number if len(parts) == 1 and not extra else "",
                    description=description,
                )
            )
            allocations.extend(
                DemoAllocation("receipt", number, invoice_rows[i].number, self._amount(share, currency), on)
                for i, share in parts
            )
        credit_rows: list[DemoCredit] = []
        for on, share, index, reason in sorted(credits, key=lambda c: (c[0], c[2])):
            number = self._number(customer.company, "CN", on)
            invoice_number = invoice_rows[index].number
            credit_rows.append(
                DemoCredit(
                    company=customer.company,
                    customer=customer.code,
                    doc_type="credit_note",
                    number=number,
                    issue_on=on,
                    currency=currency,
                    amount=self._amount(share, currency),
                    external_ref=f"ERP-{number}",
                    invoice=invoice_number,
                    description=reason,
                )
            )
            allocations.append(DemoAllocation("credit_note", number, invoice_number, self._amount(share, currency), on))
        allocations.sort(key=lambda a: a.allocated_on)
        return CustomerLedger(
            company=customer.company,
            customer=customer.code,
            currency=currency,
            behaviour=profile.behaviour,
            payment_term=profile.term.code,
            invoices=tuple(invoice_rows),
            receipts=tuple(receipt_rows),
            credit_notes=tuple(credit_rows),
            allocations=tuple(allocations),
        )

    def _settlement(
        self,
        rng: random.Random,
        profile: _Profile,
        issue_on: dt.date,
        due_on: dt.date,
        minor: int,
        discount: tuple[dt.date, int] | None,
    ) -> tuple[list[tuple[dt.date, int]], list[tuple[dt.date, int, str]]]:
        """How one invoice gets paid: the payments (date, minor units) and credit notes (date, minor, reason).

        Together they never exceed the invoice; what they leave is still open.
        """
        behaviour = profile.behaviour
        credits: list[tuple[dt.date, int, str]] = []
        partial = rng.random() < profile.partial_rate
        if behaviour == "prompt":
            if discount is not None and rng.random() < 0.8:
                # 2/10 net 30: paid within the discount period, the discount booked as a credit note.
                on = min(discount[0], issue_on + _days(rng.randint(3, 10)))
                return [(on, minor - discount[1])], [(on, discount[1], "Early-payment discount 2/10 N30")]
            on = max(issue_on, due_on - _days(rng.randint(0, 7)))
        elif behaviour == "slow":
            on = due_on + _days(rng.randint(15, 60))
        elif behaviour == "seasonal":
            on = self._seasonal_payment(rng, due_on)
        elif behaviour == "deteriorating":
            window_start = self.anchor - _days(DETERIORATION_DAYS)
            if due_on < window_start:
                on = due_on + _days(rng.randint(0, 12))
            else:
                progress = min(1.0, (due_on - window_start).days / DETERIORATION_DAYS)
                on = due_on + _days(10 + int(50 * progress) + rng.randint(0, 20))
                if rng.random() < 0.3 + 0.5 * progress:
                    first = minor * rng.randint(30, 70) // 100
                    return [(on, first), (on + _days(rng.randint(30, 75)), minor - first)], credits
        elif behaviour == "disputing":
            if rng.random() < 0.35:
                credit_on = issue_on + _days(rng.randint(15, 50))
                credited = max(1, minor * rng.randint(5, 30) // 100)
                credits.append((credit_on, credited, "Disputed: quantity or price agreed down"))
                return [(max(due_on, credit_on) + _days(rng.randint(15, 45)), minor - credited)], credits
            on = due_on + _days(rng.randint(0, 20))
        else:  # defaulting
            on = due_on + _days(rng.randint(0, 25))
            stop = profile.stop_paying_on
            if stop is not None and on >= stop:
                if issue_on < stop and rng.random() < 0.2:
                    token = minor * rng.randint(10, 30) // 100
                    return [(issue_on + _days(rng.randrange((stop - issue_on).days)), token)], credits
                return [], credits
        if behaviour != "disputing" and rng.random() < 0.02:
            # A price adjustment or a small return, agreed after delivery (红字发票).
            credited = max(1, minor * rng.randint(2, 10) // 100)
            credits.append((issue_on + _days(rng.randint(5, 25)), credited, "Price adjustment"))
            minor -= credited
            on = max(on, credits[-1][0])
        payments = [(on, minor)]
        if partial:
            payments = []
            for share in _split(minor, rng.choice((2, 2, 3)), rng):
                payments.append((on, share))
                on += _days(rng.randint(10, 30))
        if profile.stop_paying_on is not None:
            payments = [p for p in payments if p[0] < profile.stop_paying_on]
        return payments, credits

    def _seasonal_payment(self, rng: random.Random, due_on: dt.date) -> dt.date:
        """Late around Chinese New Year and quarter ends (budgets closed, approvers away), else about on time."""
        for holiday in (chinese_new_year(due_on.year), chinese_new_year(due_on.year + 1)):
            if holiday - _days(25) <= due_on <= holiday + _days(15):
                return max(due_on, holiday) + _days(rng.randint(15, 35))
        if (due_on.month % 3 == 0 and due_on.day >= 15) or (due_on.month % 3 == 1 and due_on.day <= 10):
            return due_on + _days(rng.randint(20, 45))
        return due_on + _days(rng.randint(-3, 7))

    def _receipts(
        self,
        rng: random.Random,
        profile: _Profile,
        payments: list[tuple[dt.date, int, int, bool]],
        invoices: list[DemoInvoice],
        currency: str,
    ) -> list[tuple[dt.date, list[tuple[int, int]], int, str]]:
        """Group payments into receipts (date, [(invoice index, minor)], unallocated extra, description)."""
        receipts: list[tuple[dt.date, list[tuple[int, int]], int, str]] = []
        ordered = sorted(payments, key=lambda p: (p[0], p[2]))
        if profile.pays_in_batches:
            # One transfer a week for the invoices the customer would pay that week, sent on the first day.
            week: tuple[int, int] | None = None
            for on, share, index, whole in ordered:
                group = receipts[-1] if receipts else None
                if (
                    whole
                    and group is not None
                    and group[3] == "batch"
                    and on.isocalendar()[:2] == week
                    and invoices[index].issue_on <= group[0]
                ):
                    group[1].append((index, share))
                    continue
                receipts.append((on, [(index, share)], 0, "batch" if whole else ""))
                week = on.isocalendar()[:2]
            receipts = [(on, parts, extra, "") for on, parts, extra, _kind in receipts]
        else:
            receipts = [(on, [(index, share)], 0, "") for on, share, index, _whole in ordered]
        if profile.leaves_cash_on_account and receipts:
            # A rounded overpayment or an advance nobody has matched yet: cash on account (预收/未核销).
            unit = 100 if currency == FUNCTIONAL_CURRENCY else 10
            for _ in range(rng.randint(1, 2)):
                position = rng.randrange(len(receipts))
                on, parts, extra, _description = receipts[position]
                extra += rng.choice((10, 20, 50, 100, 200)) * unit * 100
                receipts[position] = (on, parts, extra, "Overpayment, not yet matched")
            if rng.random() < 0.5:
                on = self.start + _days(rng.randrange((self.anchor - self.start).days + 1))
                receipts.append((on, [], rng.choice((50, 100, 200)) * unit * 100, "Advance payment"))
        return receipts


def demo_ledger(customers: Iterable[DemoCustomer], *, anchor: dt.date, seed: int = 20240101) -> DemoLedger:
    """The whole demo ledger: terms, USD rates and every customer's 24 months."""
    generator = LedgerGenerator(anchor=anchor, seed=seed)
    return DemoLedger(
        anchor=anchor,
        start=generator.start,
        terms=TERMS,
        rates=usd_rates(start=generator.start, end=anchor, seed=seed),
        customers=tuple(generator.customer_ledger(c) for c in customers),
    )


def allocation_problems(ledger: CustomerLedger, *, anchor: dt.date | None = None) -> list[str]:
    """Every way the customer's allocations break the ledger rules; an empty list when they hold.

    Walking the allocations in date order: each is positive, names the customer's own invoice and
    credit in the same currency, is dated on or after both (and not after the anchor), and never
    exceeds what is still open on the invoice or left on the credit. A credit naming an invoice is
    wholly applied to that invoice on its own date.
    """
    problems = []
    invoices = {i.number: i for i in ledger.invoices}
    sources = {(c.doc_type, c.number): c for c in (*ledger.receipts, *ledger.credit_notes)}
    open_on_invoice = {number: invoice.amount for number, invoice in invoices.items()}
    left_on_source = {key: credit.amount for key, credit in sources.items()}
    applied: dict[tuple[str, str], list[DemoAllocation]] = {}
    for allocation in sorted(ledger.allocations, key=lambda a: a.allocated_on):
        key = (allocation.source_type, allocation.source)
        label = f"{allocation.source} → {allocation.invoice} {allocation.amount} on {allocation.allocated_on}"
        invoice, source = invoices.get(allocation.invoice), sources.get(key)
        if invoice is None or source is None:
            problems.append(f"{label}: unknown invoice or credit")
            continue
        applied.setdefault(key, []).append(allocation)
        if allocation.amount <= 0:
            problems.append(f"{label}: not positive")
        if invoice.currency != source.currency:
            problems.append(f"{label}: {source.currency} credit on a {invoice.currency} invoice")
        if allocation.allocated_on < max(invoice.issue_on, source.issue_on):
            problems.append(f"{label}: dated before the invoice or the credit")
        if anchor is not None and allocation.allocated_on > anchor:
            problems.append(f"{label}: dated after {anchor}")
        if allocation.amount > open_on_invoice[invoice.number]:
            problems.append(f"{label}: more than the {open_on_invoice[invoice.number]} open on the invoice")
        if allocation.amount > left_on_source[key]:
            problems.append(f"{label}: more than the {left_on_source[key]} left on the credit")
        open_on_invoice[invoice.number] -= allocation.amount
        left_on_source[key] -= allocation.amount
    for key, credit in sources.items():
        if credit.invoice:
            parts = applied.get(key, [])
            if [(a.invoice, a.amount, a.allocated_on) for a in parts] != [
                (credit.invoice, credit.amount, credit.issue_on)
            ]:
                problems.append(f"{credit.number} names {credit.invoice} but is not wholly applied to it on its date")
    return problems
