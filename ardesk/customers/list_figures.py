"""Figures that other contexts add to the customer list (balance, overdue, limit, grade).

The customers context sits below the ledger and credit and imports neither: each registers, from its
``AppConfig.ready()``, a provider that returns its figures for a page of customers by id, in one or
a few grouped queries. The list asks every provider once per page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

Provider = Callable[[list[int]], dict[int, dict]]
_PROVIDERS: dict[str, Provider] = {}


def register(name: str, provider: Provider) -> None:
    """Add a context's figures under ``name``; registering a name again keeps the first."""
    _PROVIDERS.setdefault(name, provider)


def figures_for(customer_ids: Iterable[int]) -> dict[str, dict[int, dict]]:
    """Every provider's figures for these customers, by provider name, then customer id."""
    ids = list(customer_ids)
    return {name: provider(ids) for name, provider in _PROVIDERS.items()}
