"""Approvals: the approval level an amount needs."""

from __future__ import annotations


def approval_level_needed(levels: list[tuple[str, int | None]], amount: int) -> str | None:
    """The lowest level whose maximum covers the amount; levels are (name, max minor units or None = any)."""
    for name, maximum in sorted(levels, key=lambda lv: (lv[1] is None, lv[1] or 0)):
        if maximum is None or amount <= maximum:
            return name
    return None
