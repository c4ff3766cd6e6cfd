"""API schemas shared by every context's router."""

from __future__ import annotations

from ninja import Schema
from pydantic import ConfigDict

from ardesk.core.money import from_minor


class Strict(Schema):
    """An input body that refuses unknown fields, so a typo is an error and not silently ignored."""

    model_config = ConfigDict(extra="forbid")


class MoneyOut(Schema):
    """An amount over JSON: a string, next to its currency."""

    amount: str
    currency: str


def money_out(minor: int | None, currency: str) -> dict | None:
    """Whole minor units as the API's amount object."""
    return None if minor is None else {"amount": str(from_minor(minor, currency)), "currency": currency}
