from __future__ import annotations

from django import template

register = template.Library()


@register.simple_tag
def band(row: dict, label: str) -> int:
    """A report row's count for an age band."""
    return row.get(f"band_{label}", 0)
