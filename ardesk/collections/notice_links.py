"""Lines a higher context adds to a dunning e-mail for its contact (the customer portal's personal link).

A provider is registered from its context's ``AppConfig.ready()``: given the contact the notice is
sent to and the notice's language, it returns lines of text to add after the notice's own text
(or none). Collections does not import the contexts above it; it only calls what they register.
"""

from __future__ import annotations

from collections.abc import Callable

from ardesk.customers.models import Contact

Provider = Callable[[Contact, str], list[str]]

_registered: dict[str, Provider] = {}


def register(name: str, provider: Provider) -> None:
    _registered[name] = provider


def lines_for(contact: Contact, language: str) -> list[str]:
    """Every registered provider's lines for an e-mail to this contact, in the notice's language."""
    return [line for provider in _registered.values() for line in provider(contact, language)]
