"""The rules of bad-debt provisioning, as pure functions over minor units and percentages.

- The allowance of a bucket is its balance times its rate, rounded once, half up (四舍五入), at
  the bucket: that is the booked figure. Customers' shares of it are apportioned so that they add
  up to it exactly (largest remainder; ties go to the earlier customer in the order given).
- The month-end entry books the difference between the required allowance and the allowance
  already booked (企业会计准则第22号: 信用减值损失 against 坏账准备; a negative difference is a release).
- Loss rates of a provision matrix (IFRS 9 B5.5.35, simplified approach) are the share of each
  overdue bucket's balance, at past month ends, that was written off afterwards, pooled over the
  look-back, times a forward-looking factor, capped at 100 %.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

HUNDRED = Decimal(100)
RATE_PLACES = Decimal("0.0001")


def bucket_allowance(balance: int, rate: Decimal) -> int:
    """A bucket's allowance in minor units: balance × rate %, rounded half up."""
    return int((Decimal(balance) * rate / HUNDRED).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def apportion(total: int, weights: list[int]) -> list[int]:
    """Split ``total`` minor units over parts in proportion to ``weights``; the parts add up to ``total``.

    Each part gets the whole units of its exact share; the units left over go one each to the parts
    with the largest fractions, the earlier part first on a tie, so the result never depends on
    anything but the order of the parts.
    """
    whole = sum(weights)
    if whole == 0:
        if total:
            raise ValueError("cannot apportion an amount over parts that weigh nothing")
        return [0] * len(weights)
    # Integer arithmetic: each share is total × weight ÷ whole, as a quotient and a remainder.
    shares = [divmod(total * w, whole) for w in weights]
    parts = [q for q, _r in shares]
    # The exact shares add up to the total, so fewer units are left over than there are parts.
    left = total - sum(parts)
    for n in sorted(range(len(parts)), key=lambda n: (-shares[n][1], n))[:left]:
        parts[n] += 1
    return parts


def specific_allowance(balance: int, rate: Decimal | None, amount: int | None) -> int:
    """A specific provision: a rate of the balance, or a chosen amount, never more than the balance."""
    if balance <= 0:
        return 0
    if amount is not None:
        return min(amount, balance)
    return min(bucket_allowance(balance, rate or Decimal(0)), balance)


@dataclass(frozen=True)
class JournalLineSpec:
    role: str  # loss, allowance, receivable, bank
    debit: int
    credit: int
    memo: str = ""


def provision_entry(difference: int) -> list[JournalLineSpec]:
    """The month-end entry for a difference: charge (借 信用减值损失 / 贷 坏账准备) or release (the reverse)."""
    if difference > 0:
        return [JournalLineSpec("loss", difference, 0), JournalLineSpec("allowance", 0, difference)]
    if difference < 0:
        return [JournalLineSpec("allowance", -difference, 0), JournalLineSpec("loss", 0, -difference)]
    return []


def write_off_entry(amount: int) -> list[JournalLineSpec]:
    """A write-off uses the allowance: 借 坏账准备 / 贷 应收账款."""
    return [JournalLineSpec("allowance", amount, 0), JournalLineSpec("receivable", 0, amount)]


def recovery_entries(amount: int, *, collected_here: bool) -> list[list[JournalLineSpec]]:
    """A recovery reinstates the receivable (借 应收账款 / 贷 坏账准备) and collects it (借 银行存款 / 贷 应收账款).

    When the receipt came from the ERP, its cash entry is already in the books: only the
    reinstatement is proposed.
    """
    entries = [[JournalLineSpec("receivable", amount, 0), JournalLineSpec("allowance", 0, amount)]]
    if collected_here:
        entries.append([JournalLineSpec("bank", amount, 0), JournalLineSpec("receivable", 0, amount)])
    return entries


def approvals_needed(amount: int, single_approval_limit: int) -> int:
    """Write-offs up to the limit need one approver; above it, two different ones."""
    return 1 if amount <= single_approval_limit else 2


@dataclass(frozen=True)
class Observation:
    """One past month end: each bucket's balance then and how much of it was written off afterwards."""

    as_of: str
    balances: dict[str, int]
    written_off: dict[str, int]


@dataclass
class Derivation:
    """The loss rates derived from observations, with every step kept so an auditor can redo them."""

    keys: list[str]
    observations: list[Observation]
    factor: Decimal
    balance_totals: dict[str, int] = field(default_factory=dict)
    written_off_totals: dict[str, int] = field(default_factory=dict)
    historical: dict[str, Decimal] = field(default_factory=dict)
    rates: dict[str, Decimal] = field(default_factory=dict)


def derive_loss_rates(keys: list[str], observations: list[Observation], factor: Decimal) -> Derivation:
    """Historical loss rate per bucket (written off ÷ balance, pooled), times the factor, in percent.

    A bucket with no balance in the look-back has no history: its rate is 0 and the derivation says
    so; rates are rounded half up to four decimals of a percent and capped at 100 %.
    """
    result = Derivation(keys=keys, observations=observations, factor=factor)
    for key in keys:
        balance = sum(o.balances.get(key, 0) for o in observations)
        lost = sum(o.written_off.get(key, 0) for o in observations)
        result.balance_totals[key] = balance
        result.written_off_totals[key] = lost
        historical = (Decimal(lost) * HUNDRED / Decimal(balance)) if balance else Decimal(0)
        result.historical[key] = historical.quantize(RATE_PLACES, rounding=ROUND_HALF_UP)
        result.rates[key] = min(HUNDRED, (historical * factor).quantize(RATE_PLACES, rounding=ROUND_HALF_UP))
    return result


def rate_problems(keys: list[str], rates: dict[str, Decimal]) -> list[tuple[str, str]]:
    """(bucket, reason) for each rate missing, unknown or outside 0–100 %."""
    problems = []
    for key in keys:
        if key not in rates:
            problems.append((key, "missing"))
    for key, rate in rates.items():
        if key not in keys:
            problems.append((key, "unknown bucket"))
        elif not Decimal(0) <= rate <= HUNDRED:
            problems.append((key, "outside 0-100"))
        elif rate != rate.quantize(RATE_PLACES):
            problems.append((key, "more than 4 decimals"))
    return problems
