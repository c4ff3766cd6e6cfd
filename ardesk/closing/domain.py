"""The rules of the month-end close: the FX revaluation and its journal, the checklist. No ORM, no "now"."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from ardesk.core.money import from_minor, quantize, to_minor

# The accounts of the revaluation entry (企业会计准则应用指南 chart of accounts): the receivable
# carried per customer, the exchange difference booked to finance costs (财务费用—汇兑损益).
RECEIVABLE_ACCOUNT = "1122"
FX_ACCOUNT = "6603"


@dataclass(frozen=True)
class OpenBalance:
    """A customer's open balance in a foreign currency on the period end, in minor units: in the document
    currency and, at the rates of its documents' days, in the functional currency."""

    customer_id: int
    currency: str
    amount: int
    booked: int


@dataclass(frozen=True)
class Revalued:
    customer_id: int
    currency: str
    amount: int
    rate: Decimal
    booked: int
    revalued: int

    @property
    def difference(self) -> int:
        """Unrealised gain (positive: the receivable is worth more in the functional currency) or loss."""
        return self.revalued - self.booked


@dataclass(frozen=True)
class EntryLine:
    account: str
    debit: int
    credit: int
    customer_id: int | None = None
    memo: str = ""


def revalue(balances: list[OpenBalance], rates: dict[str, Decimal], functional_currency: str) -> list[Revalued]:
    """Each open balance at the closing rate of its currency, rounded once per customer and currency
    (四舍五入) in the functional currency: 企业会计准则第19号 (外币折算) — foreign-currency monetary items
    are translated at the spot rate of the balance-sheet date, the difference goes to profit or loss."""
    result = []
    for b in balances:
        rate = rates[b.currency]
        value = quantize(from_minor(b.amount, b.currency) * rate, functional_currency)
        result.append(
            Revalued(b.customer_id, b.currency, b.amount, rate, b.booked, to_minor(value, functional_currency))
        )
    return result


def gain_and_loss(revalued: list[Revalued]) -> tuple[int, int]:
    """The unrealised gains and the unrealised losses (both positive, minor units)."""
    gain = sum(r.difference for r in revalued if r.difference > 0)
    loss = -sum(r.difference for r in revalued if r.difference < 0)
    return gain, loss


def revaluation_entry(revalued: list[Revalued]) -> list[EntryLine]:
    """The revaluation entry: each customer's receivable up (debit) or down (credit) by its difference,
    balanced by the net on the exchange-difference account; empty when nothing changes."""
    lines = [
        EntryLine(
            RECEIVABLE_ACCOUNT,
            max(r.difference, 0),
            max(-r.difference, 0),
            r.customer_id,
            r.currency,
        )
        for r in revalued
        if r.difference != 0
    ]
    net = sum(r.difference for r in revalued)
    if net > 0:
        lines.append(EntryLine(FX_ACCOUNT, 0, net))
    elif net < 0:
        lines.append(EntryLine(FX_ACCOUNT, -net, 0))
    return lines


def reversal_entry(lines: list[EntryLine]) -> list[EntryLine]:
    """The same entry with debits and credits swapped: the reversal on the first day of the next period."""
    return [EntryLine(line.account, line.credit, line.debit, line.customer_id, line.memo) for line in lines]


def next_period_start(period_end: dt.date) -> dt.date:
    return period_end + dt.timedelta(days=1)


# The points of the close checklist, in their order; the keys are what a close records as left open.
CHECKLIST_POINTS = {
    "imports": _("Imports done"),
    "receipts": _("Receipts allocated"),
    "aging": _("Aging snapshot stored"),
    "revaluation": _("FX revaluation posted"),
    "provision": _("Provision run approved"),
    "journals": _("Journals exported"),
}


@dataclass(frozen=True)
class ChecklistItem:
    """One point of the close checklist: its key, label, whether it is done, and what is left."""

    key: str
    label: str
    done: bool
    detail: str
    url: str = ""


def open_points(items: list[ChecklistItem]) -> list[ChecklistItem]:
    return [item for item in items if not item.done]
