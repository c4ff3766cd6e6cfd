"""Money: exact amounts with an explicit currency and explicit rounding.

Amounts are ``Decimal`` in memory and whole minor units (fen, cents) in the database, so sums
are exact on SQLite and PostgreSQL alike. The rounding mode of the project is declared here once.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from babel.numbers import get_currency_precision, list_currencies
from django.db import models
from django.utils.translation import gettext as _

ROUNDING = ROUND_HALF_UP  # 四舍五入


class CurrencyError(ValueError):
    """An amount was given in an unknown currency or mixed with another currency."""


@lru_cache(maxsize=512)
def currency_decimals(currency: str) -> int:
    """Return the number of minor-unit digits of an ISO 4217 currency (CNY 2, JPY 0)."""
    code = currency.upper()
    if len(code) != 3 or not code.isalpha():
        raise CurrencyError(_("%(code)s is not an ISO 4217 currency code.") % {"code": currency})
    return get_currency_precision(code)


# Amounts are stored as whole minor units in a signed 64-bit column (MinorUnitsField).
MAX_MINOR = 2**63 - 1
# The most minor-unit digits of any ISO 4217 currency (CLF and UYW have 4).
MAX_DECIMALS = 4
# The largest amount any currency's minor units can hold: 922,337,203,685,477 (in a 4-decimal currency).
AMOUNT_LIMIT = Decimal(MAX_MINOR // 10**MAX_DECIMALS)


def is_currency(code: str) -> bool:
    """Whether the code is an ISO 4217 currency (CLDR's list, which Babel ships)."""
    return code.upper() in _iso_currencies()


@lru_cache(maxsize=1)
def _iso_currencies() -> frozenset[str]:
    return frozenset(list_currencies())


def to_decimal(value: Decimal | int | str) -> Decimal:
    """Turn a Decimal, int or numeric string into a Decimal; a float is refused."""
    if isinstance(value, float):
        raise TypeError("amounts are never floats: pass a Decimal or a string")
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation as exc:
        raise ValueError(_("%(value)s is not an amount.") % {"value": value}) from exc


def quantize(amount: Decimal, currency: str, rounding: str = ROUNDING) -> Decimal:
    """Round an amount to its currency's minor unit."""
    exponent = Decimal(1).scaleb(-currency_decimals(currency))
    return to_decimal(amount).quantize(exponent, rounding=rounding)


def to_minor(amount: Decimal, currency: str) -> int:
    """Convert an amount to whole minor units, refusing amounts finer than the minor unit."""
    scaled = to_decimal(amount).scaleb(currency_decimals(currency))
    whole = scaled.to_integral_value()
    if whole != scaled:
        raise ValueError(
            _("%(amount)s has more decimals than %(currency)s allows.")
            % {"amount": amount, "currency": currency.upper()}
        )
    return int(whole)


def from_minor(minor: int, currency: str) -> Decimal:
    """Convert whole minor units to a Decimal amount in the currency's precision."""
    amount = Decimal(minor).scaleb(-currency_decimals(currency))
    if type(minor) is int:
        # Already exact in the currency's precision; a report converts tens of thousands of these.
        return amount
    return quantize(amount, currency)


def minor_text(minor: int, places: int) -> str:
    """``str(from_minor(minor, currency))`` for a currency of ``places`` decimals (``currency_decimals``),
    without making a Decimal: a report's JSON writes tens of thousands."""
    if places == 0:
        return str(minor)
    whole, part = divmod(-minor if minor < 0 else minor, 10**places)
    return f"{'-' if minor < 0 else ''}{whole}.{part:0{places}d}"


def grouped(amount: Decimal | int | str, currency: str) -> str:
    """An amount as a message or a drop-down shows it: grouped, with the currency's decimals (1,234,567.80)."""
    return f"{quantize(to_decimal(amount), currency):,}"


@dataclass(frozen=True, slots=True)
class Money:
    """An exact amount in one currency."""

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            raise TypeError("Money.amount must be a Decimal")
        object.__setattr__(self, "currency", self.currency.upper())
        currency_decimals(self.currency)

    def _same(self, other: Money) -> None:
        if self.currency != other.currency:
            raise CurrencyError(_("Cannot combine %(a)s with %(b)s.") % {"a": self.currency, "b": other.currency})

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def quantized(self) -> Money:
        return Money(quantize(self.amount, self.currency), self.currency)

    @property
    def minor(self) -> int:
        return to_minor(self.amount, self.currency)

    @property
    def is_zero(self) -> bool:
        return quantize(self.amount, self.currency) == 0

    def as_json(self) -> dict[str, str]:
        return {"amount": str(quantize(self.amount, self.currency)), "currency": self.currency}

    def __str__(self) -> str:
        return f"{quantize(self.amount, self.currency):,} {self.currency}"


def money(amount: Decimal | int | str, currency: str) -> Money:
    """Make Money from a Decimal, int or string, rounded to the currency; floats are refused."""
    return Money(quantize(to_decimal(amount), currency), currency)


def money_from_minor(minor: int, currency: str) -> Money:
    return Money(from_minor(minor, currency), currency)


class MinorUnitsField(models.BigIntegerField):
    """The one column type for amounts: whole minor units of the currency field beside it."""
