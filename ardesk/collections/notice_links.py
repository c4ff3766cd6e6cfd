"""Lines a higher context adds to a dunning e-mail for its contact (the customer portal's personal link).

A provider is registered from its context's ``AppConfig.ready()``: given a batch of e-mails, as the
contact each is sent to and its notice's language, it returns each one's lines of text to add after
the notice's own text (or none), in the same order: a batch's links are written at once.
Collections does not import the contexts above it; it only calls what they register.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ardesk.customers.models import Contact

Provider = Callable[[Sequence[tuple[Contact, str]]], list[list[str]]]

_registered: dict[str, Provider] = {}


def register(name: str, provider: Provider) -> None:
    _registered[name] = provider


def lines_for(recipients: Sequence[tuple[Contact, str]]) -> list[list[str]]:
    """Every registered provider's lines for each e-mail of a batch, given as (contact, the notice's language)."""
    lines: list[list[str]] = [[] for _recipient in recipients]
    if recipients:
        for provider in _registered.values():
            for mine, theirs in zip(lines, provider(recipients), strict=True):
                mine.extend(theirs)
    return lines
