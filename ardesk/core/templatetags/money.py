"""Amounts in templates: grouped and with the currency's decimals, in the user's language."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.formats import number_format

from ardesk.core.money import currency_decimals, from_minor

register = template.Library()


@register.filter
def amount(value, currency: str = "CNY") -> str:
    """1234567.8 CNY -> '1,234,567.80' (the currency decides the decimals)."""
    if value in (None, ""):
        return ""
    return number_format(value, decimal_pos=currency_decimals(currency), use_l10n=True, force_grouping=True)


@register.filter
def minor(value, currency: str = "CNY") -> str:
    """Whole minor units (as stored) shown as an amount of the currency."""
    if value in (None, ""):
        return ""
    return amount(from_minor(int(value), currency), currency)


@register.filter
def rate(value) -> str:
    """An exchange rate with its significant decimals, at most six: 7.10000000 -> '7.10', 0.04850000 -> '0.0485'."""
    if value in (None, ""):
        return ""
    number = Decimal(str(value)).quantize(Decimal("0.000001"))
    places = max(2, -number.normalize().as_tuple().exponent)
    return number_format(number, decimal_pos=min(places, 6), use_l10n=True, force_grouping=True)
