"""Ratios and utilisation in templates: times with two decimals, fractions as percentages."""

from __future__ import annotations

import re
from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def ratio(value, unit: str = "x") -> str:
    """0.1571 with unit % -> '15.71%'; 1.311111 -> '1.31'; None -> '' (the template shows why)."""
    if value is None or value == "":
        return ""
    number = Decimal(str(value))
    if unit == "%":
        return number_format(number * 100, decimal_pos=2, use_l10n=True) + "%"
    return number_format(number, decimal_pos=2, use_l10n=True)


@register.filter
def trend_arrow(trend: str) -> str:
    return {"up": "↑", "down": "↓", "flat": "→"}.get(trend, "")


@register.filter
def reason_label(reason: dict) -> str:
    """A check reason in the user's language, by its code (the stored message is in the checker's language)."""
    from ardesk.credit.domain import REASON_LABELS

    return str(REASON_LABELS.get(reason.get("code"), reason.get("message", "")))


@register.filter
def factor_label(key: str) -> str:
    from ardesk.credit.labels import factor_label as label

    return label(key)


@register.filter
def factor_source(source: str) -> str:
    from ardesk.credit.labels import factor_source_label

    return factor_source_label(source)


@register.filter
def factor_value(value) -> str:
    """A factor's input as read: numbers grouped with two decimals, codes (medium) by their label."""
    from ardesk.credit.labels import factor_value_label

    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        return factor_value_label(str(value))
    return number_format(number, decimal_pos=2, use_l10n=True, force_grouping=True)


GROUPABLE = re.compile(r"(?<![\d,.])(-?\d{4,})(\.\d+)?(?![\d,])")


@register.filter
def grouped_numbers(text: str) -> str:
    """A stored explanation with its numbers grouped (月销售额 103,451.81 × 30 天), whenever it was written."""

    def group(match: re.Match) -> str:
        decimals = match.group(2) or ""
        number = Decimal(match.group(1) + decimals)
        places = len(decimals) - 1 if decimals else 0
        return number_format(number, decimal_pos=places, use_l10n=True, force_grouping=True)

    return GROUPABLE.sub(group, text or "")


@register.filter
def decision_label(decision: str) -> str:
    from ardesk.credit.labels import decision_label as label

    return label(decision)


@register.filter
def get_item(mapping: dict, key: str):
    return mapping.get(key, "")
